/**
 * Read-only views of the society as plain JSON, for the console (`conflict_status`,
 * `rivalry_dump`) and the observer's conflict panel and agent inspector. Nothing here changes the
 * state; agents spawned since the last tick (not yet covered by the arrays) read as having no
 * ties and the personality they will get.
 */
import { PROFILE_NAMES } from '../../config/sections/society'
import { indexOfId } from '../state/id-index'
import type { World } from '../state/world'
import { resolvePersonality } from './personality'
import { TIE_FAMILIARITY, TIE_OTHER, TIE_RIVALRY, TIE_STRIDE, TIE_TRUST, type RivalryRecord } from './society-state'
import { rivalryOf } from './tie-ledger'

const round6 = (v: number) => Math.round(v * 1e6) / 1e6

export interface RivalryPair {
  a: string
  b: string
  /** The stronger direction: what the pair's rivalry is ranked by. */
  value: number
  a_to_b: number
  b_to_a: number
}

/**
 * Every pair of living agents with a rivalry above `rivalry.min_value` either way, once each
 * (a is the lower slot), strongest first (then by slot). O(ties log ties).
 */
export function rivalryPairs(world: World, limit: number): RivalryPair[] {
  const { society, agents } = world.state
  const min = world.params.config.society.rivalry.min_value
  const alive = agents.cols.alive
  const pairs = new Map<number, { a: number; b: number; ab: number; ba: number }>()
  for (let i = 0; i < society.agents; i++) {
    const ledger = society.ties[i]!
    if (alive[i] !== 1) continue
    for (let k = 0; k < ledger.length; k += TIE_STRIDE) {
      const j = ledger[k + TIE_OTHER]!
      const r = ledger[k + TIE_RIVALRY]!
      if (r <= min || alive[j] !== 1) continue
      const a = Math.min(i, j)
      const b = Math.max(i, j)
      const key = a * society.agents + b
      const pair = pairs.get(key) ?? { a, b, ab: rivalryOf(society, a, b), ba: rivalryOf(society, b, a) }
      pairs.set(key, pair)
    }
  }
  return [...pairs.values()]
    .map((p) => ({ ...p, value: Math.max(p.ab, p.ba) }))
    .sort((x, y) => y.value - x.value || x.a - y.a || x.b - y.b)
    .slice(0, limit)
    .map((p) => ({ a: agents.ids[p.a]!, b: agents.ids[p.b]!, value: round6(p.value), a_to_b: round6(p.ab), b_to_a: round6(p.ba) }))
}

export interface LeaderboardRow {
  a: string
  b: string
  /** The pair's rivalry now, the stronger direction (0 once faded and the ties dropped). */
  value: number
  /** The pair's latest change among `recent`, or null when it has none there. */
  last_tick: number | null
}

/**
 * The conflict panel's leaderboard, from the same rivalry changes its feed shows: every pair in
 * `recent` and every pair with a rivalry now (`rivalryPairs`), each once (a, b in slot order),
 * by rivalry now, then latest change first. A grudge decays fast (a handover's 0.03 is gone in
 * about an hour), so ranking only live ties left the board empty beside a feed of increments.
 */
export function rivalryLeaderboard(world: World, recent: readonly RivalryRecord[], limit: number): LeaderboardRow[] {
  const { society, agents } = world.state
  const alive = agents.cols.alive
  const rows = new Map<number, { a: number; b: number; value: number; last_tick: number | null }>()
  const keyOf = (a: number, b: number) => a * agents.ids.length + b
  for (const p of rivalryPairs(world, Number.MAX_SAFE_INTEGER)) {
    const a = indexOfId(agents.ids, p.a)
    const b = indexOfId(agents.ids, p.b)
    rows.set(keyOf(a, b), { a, b, value: p.value, last_tick: null })
  }
  for (const r of recent) {
    const i = indexOfId(agents.ids, r.agent_id)
    const j = indexOfId(agents.ids, r.other)
    if (i < 0 || j < 0 || i === j || alive[i] !== 1 || alive[j] !== 1) continue
    const a = Math.min(i, j)
    const b = Math.max(i, j)
    const row = rows.get(keyOf(a, b))
    if (row) row.last_tick = Math.max(row.last_tick ?? r.tick, r.tick)
    else rows.set(keyOf(a, b), { a, b, value: round6(Math.max(rivalryOf(society, a, b), rivalryOf(society, b, a))), last_tick: r.tick })
  }
  return [...rows.values()]
    .sort((x, y) => y.value - x.value || (y.last_tick ?? -1) - (x.last_tick ?? -1) || x.a - y.a || x.b - y.b)
    .slice(0, limit)
    .map((r) => ({ a: agents.ids[r.a]!, b: agents.ids[r.b]!, value: r.value, last_tick: r.last_tick }))
}

export interface TieView {
  other: string
  trust: number
  familiarity: number
  rivalry: number
  /** The other's rivalry back towards this agent. */
  rivalry_back: number
}

/** One agent's ties to living agents, by rivalry (strongest first), then by the other's slot. */
export function agentTies(world: World, i: number): TieView[] {
  const { society, agents } = world.state
  const ledger = i < society.agents ? society.ties[i]! : []
  const rows: { j: number; trust: number; familiarity: number; rivalry: number }[] = []
  for (let k = 0; k < ledger.length; k += TIE_STRIDE) {
    const j = ledger[k + TIE_OTHER]!
    if (agents.cols.alive[j] !== 1) continue
    rows.push({ j, trust: ledger[k + TIE_TRUST]!, familiarity: ledger[k + TIE_FAMILIARITY]!, rivalry: ledger[k + TIE_RIVALRY]! })
  }
  rows.sort((x, y) => y.rivalry - x.rivalry || x.j - y.j)
  return rows.map((r) => ({
    other: agents.ids[r.j]!,
    trust: round6(r.trust),
    familiarity: round6(r.familiarity),
    rivalry: round6(r.rivalry),
    rivalry_back: round6(rivalryOf(society, r.j, i))
  }))
}

export interface PersonalityView {
  profile: string
  extroversion: number
  forgiveness: number
  ambition: number
}

export function personalityView(world: World, i: number): PersonalityView {
  const { society, agents } = world.state
  const p =
    i < society.agents
      ? { profile: society.profile[i]!, extroversion: society.extroversion[i]!, forgiveness: society.forgiveness[i]!, ambition: society.ambition[i]! }
      : resolvePersonality(world.params.config.society.personalities, world.params.seed, agents.ids[i]!)
  return { profile: PROFILE_NAMES[p.profile]!, extroversion: p.extroversion, forgiveness: p.forgiveness, ambition: p.ambition }
}

/** Queue conflicts per object, most contended first (then by object order). */
export function contention(world: World, limit: number): { object_id: string; conflicts: number }[] {
  const { society, objects } = world.state
  const rows: { o: number; n: number }[] = []
  society.contention.forEach((n, o) => {
    if (n > 0) rows.push({ o, n })
  })
  rows.sort((x, y) => y.n - x.n || x.o - y.o)
  return rows.slice(0, limit).map((r) => ({ object_id: objects.ids[r.o]!, conflicts: r.n }))
}
