/**
 * Whom an agent would seek out to chat with (the `socialise` option): a living agent within
 * PARTNER_RADIUS tiles (Manhattan), not itself, not possessed, free to chat now (off its chat
 * cooldown, standing still, not queued for, holding or using an object), and neither avoiding the
 * other. Among those: the best tie score (trust + familiarity − rivalry, as chat-pass.ts ranks
 * neighbours; 0 without a tie), then the nearest, then the lowest slot. Deterministic, no RNG.
 *
 * Cost: only tied agents (a handful per ledger) can score above or below 0, so they are looked at
 * directly; the rest are found by scanning rings of tiles outward (partner-index.ts buckets),
 * stopping at the first ring with a candidate: a crowded town answers within a ring or two, an
 * empty neighbourhood costs at most the 2R(R+1)+1 tiles of the diamond.
 */
import { Phase } from '../../sim/state/agent-store'
import { TIE_FAMILIARITY, TIE_OTHER, TIE_RIVALRY, TIE_STRIDE, TIE_TRUST } from '../../sim/society/society-state'
import { avoids, findTie } from '../../sim/society/tie-ledger'
import type { World } from '../../sim/state/world'
import { partnerIndex } from './partner-index'

export const PARTNER_RADIUS = 12

/** Whether j could be sought out by i right now (distance aside). */
export function partnerCandidate(world: World, i: number, j: number): boolean {
  const { state } = world
  const a = state.agents.cols
  if (j === i || j < 0 || j >= state.agents.count || a.alive[j] !== 1 || a.possessed[j] === 1) return false
  if ((state.society.chatReadyAt[j] ?? 0) > state.tick) return false
  const ph = a.phase[j]
  if (ph === Phase.queued || ph === Phase.holding || ph === Phase.using) return false
  const path = state.agents.paths[j]
  if (path && a.pathPos[j]! < path.length) return false
  return !avoids(world, i, j) && !avoids(world, j, i)
}

const distance = (world: World, i: number, j: number) => {
  const a = world.state.agents.cols
  return Math.abs(a.x[i]! - a.x[j]!) + Math.abs(a.y[i]! - a.y[j]!)
}

/** The partner i would seek out, or −1 when there is none. */
export function findPartner(world: World, i: number): number {
  const ledger = world.state.society.ties[i] ?? []
  // 1. Someone it likes (a tie scoring above 0) beats any stranger.
  const liked = bestTied(world, i, ledger, (score) => score > 0)
  if (liked >= 0) return liked
  // 2. The nearest agent scoring exactly 0: a stranger, or a tie that nets out.
  const near = nearestNeutral(world, i, ledger)
  if (near >= 0) return near
  // 3. Only people it has mixed feelings about (below 0, but not avoided): the least disliked.
  return bestTied(world, i, ledger, (score) => score < 0)
}

function tieScore(ledger: readonly number[], k: number): number {
  return ledger[k + TIE_TRUST]! + ledger[k + TIE_FAMILIARITY]! - ledger[k + TIE_RIVALRY]!
}

function bestTied(world: World, i: number, ledger: readonly number[], keep: (score: number) => boolean): number {
  let best = -1
  let bestScore = -Infinity
  let bestDist = Infinity
  for (let k = 0; k < ledger.length; k += TIE_STRIDE) {
    const j = ledger[k + TIE_OTHER]!
    const score = tieScore(ledger, k)
    if (!keep(score)) continue
    const d = distance(world, i, j)
    if (d > PARTNER_RADIUS || !partnerCandidate(world, i, j)) continue
    if (score > bestScore || (score === bestScore && (d < bestDist || (d === bestDist && j < best)))) {
      best = j
      bestScore = score
      bestDist = d
    }
  }
  return best
}

function nearestNeutral(world: World, i: number, ledger: readonly number[]): number {
  const { params } = world
  const { width, height } = params.map
  const a = world.state.agents.cols
  const ix = partnerIndex(world)
  const x0 = a.x[i]!
  const y0 = a.y[i]!
  for (let d = 0; d <= PARTNER_RADIUS; d++) {
    let best = -1
    for (let dx = -d; dx <= d; dx++) {
      const x = x0 + dx
      if (x < 0 || x >= width) continue
      const rest = d - Math.abs(dx)
      for (let s = 0; s < (rest === 0 ? 1 : 2); s++) {
        const y = s === 0 ? y0 + rest : y0 - rest
        if (y < 0 || y >= height) continue
        for (let j = ix.head[y * width + x]!; j >= 0; j = ix.next[j]!) {
          if (best >= 0 && j >= best) break // chains run in ascending slot order
          if (!partnerCandidate(world, i, j)) continue
          const k = ledger.length === 0 ? -1 : findTie(ledger, j)
          if (k >= 0 && tieScore(ledger, k) !== 0) continue
          best = j
        }
      }
    }
    if (best >= 0) return best
  }
  return -1
}
