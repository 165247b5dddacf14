/**
 * Chat between agents standing together. The rule: an agent may chat when it is idle, at work or
 * socialising (a partner it sought out chats first, see socialise-pass.ts), standing still (not
 * walking, queued or using an object) and its chat cooldown is over; a partner must meet the same rule and stand on the same or an adjacent tile. Each tick every such
 * agent, in slot order, starts a chat with chance `chat.chance` × (1 + effects.chat_chance ×
 * extroversion), picking the neighbour it likes best (trust + familiarity − rivalry; the lower
 * slot on a tie) among those it does not avoid. A speaker with nobody beside it simply does not chat.
 *
 * Randomness comes from the `events` stream, never `policy`: the policy stream belongs to the
 * controller, which draws between ticks and is absent when a run replays from its input log, so
 * an in-tick draw from it would replay differently. The `events` stream is drawn only inside the
 * tick (perturbations, then chat, in the tick's fixed order), so the input log replays it exactly.
 * The geometric skip below uses Math.log, which V8 computes with its own fdlibm port: the same
 * bits on every platform a given Node runs on.
 *
 * Cost: agents are bucketed by tile once (O(agents)); each speaker looks at nine tiles of at most
 * `tile_capacity` people each.
 */
import { nextFloat } from '../rng/rng-streams'
import { OPTION_INDEX, Phase } from '../state/agent-store'
import type { World } from '../state/world'
import { chatQuality, holdChat } from './chat'
import { chatChance } from './personality-effects'
import { TIE_FAMILIARITY, TIE_RIVALRY, TIE_TRUST } from './society-state'
import { avoids, findTie } from './tie-ledger'

interface Scratch {
  /** Per tile: the first eligible agent on it, or −1; `next` chains the rest, in slot order. */
  head: Int32Array
  next: Int32Array
  /** Eligible agents, highest slot first (the order the buckets were built in). */
  eligible: Int32Array
}

/** Derived per-tick working memory, never state: kept per world so a tick allocates nothing. */
const scratches = new WeakMap<World, Scratch>()

function scratchFor(world: World): Scratch {
  const n = world.state.agents.count
  let s = scratches.get(world)
  if (!s || s.next.length < n) {
    const tiles = world.params.map.width * world.params.map.height
    s = { head: s?.head ?? new Int32Array(tiles).fill(-1), next: new Int32Array(Math.max(16, n * 2)), eligible: new Int32Array(Math.max(16, n * 2)) }
    scratches.set(world, s)
  }
  return s
}

export function runChats(world: World): void {
  const { state, params } = world
  const config = params.config.society
  if (!config.chat.enabled || config.chat.chance <= 0) return
  const { agents, society } = state
  const a = agents.cols
  const width = params.map.width
  const height = params.map.height
  const s = scratchFor(world)
  const { alive, option, phase, pathPos, x: xs, y: ys } = a
  const paths = agents.paths
  const readyAt = society.chatReadyAt
  const idle = OPTION_INDEX.idle
  const work = OPTION_INDEX.work
  const socialise = OPTION_INDEX.socialise
  let count = 0
  // Eligible: alive, off cooldown, idle, at work or socialising, standing still (not walking, queued, holding
  // or using an object). Built from the highest slot down, so each tile's chain runs in
  // ascending slot order.
  for (let i = agents.count - 1; i >= 0; i--) {
    if (readyAt[i]! > state.tick || alive[i] !== 1) continue
    const o = option[i]
    if (o !== idle && o !== work && o !== socialise) continue
    const ph = phase[i]
    if (ph === Phase.queued || ph === Phase.holding || ph === Phase.using) continue
    const path = paths[i]
    if (path && pathPos[i]! < path.length) continue
    const tile = ys[i]! * width + xs[i]!
    s.next[i] = s.head[tile]!
    s.head[tile] = i
    s.eligible[count++] = i
  }
  if (count === 0) return
  const rng = state.rng.events
  const pMax = chatChance(config.chat.chance, config.personalities.effects, 1)
  const logMiss = pMax < 1 ? Math.log(1 - pMax) : 0
  // Walk the eligible agents in ascending slot order (the list runs highest first).
  let e = count - 1
  for (;;) {
    // Every eligible agent starts a chat with its own chance p ≤ pMax (extroversion ≤ 1). Rather
    // than a draw per agent per tick, draw how many agents to skip until the next pMax-success
    // (geometric), then keep that one with p / pMax: the same odds, for a few draws a tick instead of one per agent.
    if (pMax < 1) e -= Math.floor(Math.log(1 - nextFloat(rng)) / logMiss)
    if (e < 0) break
    const i = s.eligible[e--]!
    // It may have been someone's listener earlier this tick.
    if (society.chatReadyAt[i]! > state.tick) continue
    const p = chatChance(config.chat.chance, config.personalities.effects, society.extroversion[i]!)
    if (p < pMax && nextFloat(rng) * pMax >= p) continue
    const x = a.x[i]!
    const y = a.y[i]!
    const ledger = society.ties[i]!
    let best = -1
    let bestScore = -Infinity
    for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
      for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
        for (let j = s.head[ny * width + nx]!; j >= 0; j = s.next[j]!) {
          if (j === i || society.chatReadyAt[j]! > state.tick || avoids(world, i, j)) continue
          const k = ledger.length === 0 ? -1 : findTie(ledger, j)
          const score = k < 0 ? 0 : ledger[k + TIE_TRUST]! + ledger[k + TIE_FAMILIARITY]! - ledger[k + TIE_RIVALRY]!
          if (score > bestScore || (score === bestScore && j < best)) {
            best = j
            bestScore = score
          }
        }
      }
    }
    if (best < 0) continue
    holdChat(world, i, best, chatQuality(world, i, best, nextFloat(rng) - 0.5))
  }
  // Clear only the tiles used, so the next tick starts from an empty grid without an O(tiles) fill.
  for (let n = 0; n < count; n++) {
    const i = s.eligible[n]!
    s.head[a.y[i]! * width + a.x[i]!] = -1
  }
}
