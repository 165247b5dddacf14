/**
 * Whether an agent has a relationship, for relationship coverage: a tie in its society ledger to
 * a living agent with some trust or familiarity. A tie of pure rivalry is a relationship of a
 * kind, but not the one the charter's coverage target is about.
 */
import { TIE_FAMILIARITY, TIE_OTHER, TIE_STRIDE, TIE_TRUST } from '../../sim/society/society-state'
import type { World } from '../../sim/state/world'

export function hasTie(world: World, slot: number): boolean {
  const { society, agents } = world.state
  const ledger = slot < society.agents ? society.ties[slot] : undefined
  if (!ledger) return false
  const alive = agents.cols.alive
  for (let k = 0; k < ledger.length; k += TIE_STRIDE) {
    if (alive[ledger[k + TIE_OTHER]!] !== 1) continue
    if (ledger[k + TIE_TRUST]! > 0 || ledger[k + TIE_FAMILIARITY]! > 0) return true
  }
  return false
}
