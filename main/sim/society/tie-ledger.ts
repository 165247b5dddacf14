/**
 * One agent's ties as a flat number array [other, trust, familiarity, rivalry, …]: at most
 * `society.ties.max_per_agent` of them, so a lookup is a scan of a few numbers and the state stays
 * O(agents), never O(agents²). Ties are directed: a→b and b→a are separate entries in separate
 * ledgers, each changed by its owner's personality; the one rivalry value in a tie is what
 * avoidance, chat, observations and scoring all read.
 *
 * Ranges: trust [−1, 1], familiarity [0, 1], rivalry [rivalry.min_value, rivalry.max_value].
 */
import type { World } from '../state/world'
import { TIE_FAMILIARITY, TIE_OTHER, TIE_RIVALRY, TIE_STRIDE, TIE_TRUST, type SocietyState } from './society-state'

/** Offset of the owner's tie to `other` in its ledger, or −1. */
export function findTie(ledger: readonly number[], other: number): number {
  for (let k = 0; k < ledger.length; k += TIE_STRIDE) if (ledger[k + TIE_OTHER] === other) return k
  return -1
}

/** The owner's rivalry towards `other` (0 without a tie). */
export function rivalryOf(society: SocietyState, owner: number, other: number): number {
  const ledger = society.ties[owner]
  if (!ledger) return 0
  const k = findTie(ledger, other)
  return k < 0 ? 0 : ledger[k + TIE_RIVALRY]!
}

/** Whether `owner` avoids `other`: its rivalry towards it is at or above the avoid threshold. */
export function avoids(world: World, owner: number, other: number): boolean {
  const ledger = world.state.society.ties[owner]
  if (!ledger || ledger.length === 0) return false
  const k = findTie(ledger, other)
  return k >= 0 && ledger[k + TIE_RIVALRY]! >= world.params.config.society.rivalry.avoid_threshold
}

/** How much a tie matters when one must go: the strongest of its feelings, friendly or not. */
export function salience(trust: number, familiarity: number, rivalry: number): number {
  return Math.max(Math.abs(trust), familiarity, rivalry)
}

/** Drop the tie at offset k (the last tie takes its place: ledger order carries no meaning). */
export function removeTieAt(society: SocietyState, owner: number, k: number): void {
  const ledger = society.ties[owner]!
  const last = ledger.length - TIE_STRIDE
  if (k !== last) for (let f = 0; f < TIE_STRIDE; f++) ledger[k + f] = ledger[last + f]!
  ledger.length = last
  society.tieCount--
}

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v)

export interface TieDelta {
  trust?: number
  familiarity?: number
  rivalry?: number
}

/**
 * Change the owner's tie to `other` by `delta`, creating it if needed. A full ledger makes room by
 * dropping its least salient tie, unless the new tie would be weaker still, in which case nothing
 * changes. Returns the rivalry change actually applied (after clamping), or null when the tie
 * could not be kept.
 */
export function adjustTie(world: World, owner: number, other: number, delta: TieDelta): number | null {
  const society = world.state.society
  const { ties, rivalry } = world.params.config.society
  const ledger = society.ties[owner]!
  let k = findTie(ledger, other)
  const trust0 = k < 0 ? 0 : ledger[k + TIE_TRUST]!
  const familiarity0 = k < 0 ? 0 : ledger[k + TIE_FAMILIARITY]!
  const rivalry0 = k < 0 ? rivalry.min_value : ledger[k + TIE_RIVALRY]!
  const trust = clamp(trust0 + (delta.trust ?? 0), -1, 1)
  const familiarity = clamp(familiarity0 + (delta.familiarity ?? 0), 0, 1)
  const rival = clamp(rivalry0 + (delta.rivalry ?? 0), rivalry.min_value, rivalry.max_value)
  if (k < 0) {
    if (ledger.length >= ties.max_per_agent * TIE_STRIDE) {
      const weakest = weakestTie(ledger)
      if (salience(trust, familiarity, rival) <= salience(ledger[weakest + TIE_TRUST]!, ledger[weakest + TIE_FAMILIARITY]!, ledger[weakest + TIE_RIVALRY]!)) return null
      noteRemoved(world)
      removeTieAt(society, owner, weakest)
    }
    k = ledger.length
    ledger.push(other, 0, 0, 0)
    society.tieCount++
  }
  ledger[k + TIE_TRUST] = trust
  ledger[k + TIE_FAMILIARITY] = familiarity
  ledger[k + TIE_RIVALRY] = rival
  return rival - rivalry0
}

/** Offset of the least salient tie (the first of equals, so the choice is deterministic). */
function weakestTie(ledger: readonly number[]): number {
  let best = 0
  let bestSalience = Infinity
  for (let k = 0; k < ledger.length; k += TIE_STRIDE) {
    const s = salience(ledger[k + TIE_TRUST]!, ledger[k + TIE_FAMILIARITY]!, ledger[k + TIE_RIVALRY]!)
    if (s < bestSalience) {
      bestSalience = s
      best = k
    }
  }
  return best
}

/**
 * Count a removed tie, for relationship churn. No event: weak ties (one handover's sting, one
 * short chat) come and go by the thousand in a large town, and the counter is what churn needs.
 */
export function noteRemoved(world: World): void {
  world.state.society.counters.ties_removed++
}
