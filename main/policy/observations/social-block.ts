/**
 * The social block: `top_friends` + `top_rivals` slots, each the other agent's identity embedding
 * then the owner's trust, familiarity and rivalry towards it, then (optionally) trust mean / max
 * and rivalry mean / max over the filled slots. Read from the agent's tie ledger (main/sim/society),
 * ties to living agents only. Friends are the ties with the highest trust + familiarity (above 0);
 * rivals the highest rivalry (above `rivalry.min_value`) among the rest; ties break by the other's
 * slot. Empty slots are zeros. Ledgers hold at most 32 ties, so a 32-bit mask marks chosen ones.
 */
import { TIE_FAMILIARITY, TIE_OTHER, TIE_RIVALRY, TIE_STRIDE, TIE_TRUST } from '../../sim/society/society-state'
import type { World } from '../../sim/state/world'
import type { IdentityEmbeddings } from './identity-embedding'

export interface SocialLayout {
  friends: number
  rivals: number
  dim: number
  aggregates: boolean
}

/** Values the block takes. */
export function socialSize(layout: SocialLayout): number {
  return (layout.friends + layout.rivals) * (layout.dim + 3) + (layout.aggregates ? 4 : 0)
}

const EMPTY: readonly number[] = []

/** Writes agent i's social block at out[at … at + socialSize). */
export function writeSocial(world: World, i: number, layout: SocialLayout, embeddings: IdentityEmbeddings, out: Float32Array, at: number): void {
  const size = socialSize(layout)
  out.fill(0, at, at + size)
  const society = world.state.society
  const ledger = i < society.agents ? (society.ties[i] ?? EMPTY) : EMPTY
  const alive = world.state.agents.cols.alive
  const ids = world.state.agents.ids
  const minRivalry = world.params.config.society.rivalry.min_value
  const stride = layout.dim + 3
  let chosen = 0
  let filled = 0
  let trustSum = 0
  let trustMax = -Infinity
  let rivalrySum = 0
  let rivalryMax = -Infinity
  const slots = layout.friends + layout.rivals
  for (let s = 0; s < slots; s++) {
    const friend = s < layout.friends
    let best = -1
    let bestScore = -Infinity
    let bestOther = 0
    for (let k = 0, n = 0; k < ledger.length; k += TIE_STRIDE, n++) {
      if ((chosen & (1 << n)) !== 0) continue
      const other = ledger[k + TIE_OTHER]!
      if (alive[other] !== 1) continue
      const score = friend ? ledger[k + TIE_TRUST]! + ledger[k + TIE_FAMILIARITY]! : ledger[k + TIE_RIVALRY]!
      if (friend ? score <= 0 : score <= minRivalry) continue
      if (score > bestScore || (score === bestScore && other < bestOther)) {
        best = k
        bestScore = score
        bestOther = other
      }
    }
    if (best < 0) continue
    chosen |= 1 << (best / TIE_STRIDE)
    const slotAt = at + s * stride
    const e = embeddings.offsetOf(bestOther, ids)
    out.set(embeddings.table().subarray(e, e + layout.dim), slotAt)
    const trust = ledger[best + TIE_TRUST]!
    const rivalry = ledger[best + TIE_RIVALRY]!
    out[slotAt + layout.dim] = trust
    out[slotAt + layout.dim + 1] = ledger[best + TIE_FAMILIARITY]!
    out[slotAt + layout.dim + 2] = rivalry
    filled++
    trustSum += trust
    rivalrySum += rivalry
    if (trust > trustMax) trustMax = trust
    if (rivalry > rivalryMax) rivalryMax = rivalry
  }
  if (layout.aggregates && filled > 0) {
    const agg = at + slots * stride
    out[agg] = trustSum / filled
    out[agg + 1] = trustMax
    out[agg + 2] = rivalrySum / filled
    out[agg + 3] = rivalryMax
  }
}

/**
 * The highest rivalry in agent i's ledger towards a living agent (0 when none) and how many of
 * those reach `avoid_threshold`, into result[0] and result[1].
 */
export function ledgerRivalry(world: World, i: number, result: Float64Array): void {
  const society = world.state.society
  const ledger = i < society.agents ? (society.ties[i] ?? EMPTY) : EMPTY
  const alive = world.state.agents.cols.alive
  const avoid = world.params.config.society.rivalry.avoid_threshold
  let max = 0
  let count = 0
  for (let k = 0; k < ledger.length; k += TIE_STRIDE) {
    if (alive[ledger[k + TIE_OTHER]!] !== 1) continue
    const r = ledger[k + TIE_RIVALRY]!
    if (r > max) max = r
    if (r >= avoid) count++
  }
  result[0] = max
  result[1] = count
}
