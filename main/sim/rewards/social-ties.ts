/**
 * How much one agent trusts and knows another, for the chat reward's trust and familiarity
 * terms, read from the society's tie ledger (after this tick's chat has updated it, since the
 * society step runs before rewards). No tie, or an agent the ledger does not cover yet, reads as
 * zero: the chat then pays its base × quality.
 */
import { TIE_FAMILIARITY, TIE_TRUST } from '../society/society-state'
import { findTie } from '../society/tie-ledger'
import type { World } from '../state/world'

export interface Tie {
  trust: number
  familiarity: number
}

export function tieOf(world: World, owner: number, other: number): Tie {
  const ledger = world.state.society.ties[owner]
  const k = ledger ? findTie(ledger, other) : -1
  if (!ledger || k < 0) return { trust: 0, familiarity: 0 }
  return { trust: ledger[k + TIE_TRUST]!, familiarity: ledger[k + TIE_FAMILIARITY]! }
}
