/**
 * The Agents table's order freeze: held while the pointer is over the rows (so the row under it
 * does not move while the town runs) or while the operator pins it with "Freeze order". The
 * rules are holdOrder's; this keeps the frozen ids and why they are frozen.
 */
import { useState } from 'react'
import type { AgentRow } from '../../../../shared/contract/dto/observer'
import { freezeOrder, holdOrder } from './frozen-order'

export type FreezeReason = 'pinned' | 'pointer' | null

export interface FrozenOrder {
  rows: readonly AgentRow[]
  /** Why the order is frozen, null when it follows the sort. */
  reason: FreezeReason
  pinned: boolean
  togglePinned(): void
  pointerOver(over: boolean): void
  /** The query changed (an operator's own sort or filter): a frozen order restarts from these rows. */
  refreeze(rows: readonly AgentRow[]): void
}

export function useFrozenOrder(live: readonly AgentRow[], agents: ReadonlyMap<string, AgentRow>): FrozenOrder {
  const [pinned, setPinned] = useState(false)
  const [pointer, setPointer] = useState(false)
  const [frozen, setFrozen] = useState<readonly string[] | null>(null)
  const rows = holdOrder(frozen, agents, live)

  return {
    rows,
    reason: pinned ? 'pinned' : pointer ? 'pointer' : null,
    pinned,
    togglePinned() {
      if (pinned && !pointer) setFrozen(null)
      if (!pinned && frozen === null) setFrozen(freezeOrder(rows))
      setPinned(!pinned)
    },
    pointerOver(over) {
      if (over === pointer) return
      if (over && frozen === null) setFrozen(freezeOrder(rows))
      if (!over && !pinned) setFrozen(null)
      setPointer(over)
    },
    refreeze(next) {
      if (frozen !== null) setFrozen(freezeOrder(next))
    }
  }
}
