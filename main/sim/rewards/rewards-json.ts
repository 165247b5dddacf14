/**
 * The rewards state as JSON and back: per-slot number lists (the last wage seen, the episode
 * total, the guard windows, the last reward and its components) and the guard a respawn inherits.
 * The per-slot lists all cover the same slots, at most the agent store's (the rewards pass adds
 * slots spawned after it at the next tick); each is checked in one pass.
 */
import { REWARD_COMPONENTS, type RewardComponent } from './reward-components'
import type { RewardsState } from './rewards-state'
import { at, describe, INT32, isRecord, numberArray, numberAt, objectWithKeys, Problems, SANE, type NumberBounds, type Parsed } from '../snapshot/json-problems'

export interface RewardsJson {
  tick: number
  wages_seen: number[]
  episode: number[]
  guard_until: number[]
  exited_at: number[]
  total: number[]
  components: Record<RewardComponent, number[]>
  successor_guard: Record<string, number>
}

const REWARD_KEYS = ['tick', 'wages_seen', 'episode', 'guard_until', 'exited_at', 'total', 'components', 'successor_guard'] as const
/** Agents that left and whose replacement is not yet there: at most one per slot. */
const MAX_GUARDS = 1_000_000
const TICK_OR_NONE: NumberBounds = { min: -1, max: INT32.max, integer: true }

export function rewardsToJSON(state: RewardsState): RewardsJson {
  return {
    tick: state.tick,
    wages_seen: [...state.wagesSeen],
    episode: [...state.episode],
    guard_until: [...state.guardUntil],
    exited_at: [...state.exitedAt],
    total: [...state.total],
    components: Object.fromEntries(REWARD_COMPONENTS.map((c) => [c, [...state.components[c]]])) as Record<RewardComponent, number[]>,
    successor_guard: { ...state.successorGuard }
  }
}

/** `agents`: slots in the saved town (the lists cover at most that many). */
export function rewardsFromJSON(json: unknown, agents: number, path = 'rewards'): Parsed<RewardsState> {
  const p = new Problems()
  const o = objectWithKeys(p, path, json, REWARD_KEYS)
  if (!o) return p.failed()
  const tick = numberAt(p, at(path, 'tick'), o.tick, { min: 0, max: INT32.max, integer: true })
  const total = numberArray(p, at(path, 'total'), o.total, { maxLength: agents }, SANE)
  if (!total) return p.failed()
  const m = total.length
  const perSlot = (key: string, v: unknown, bounds: NumberBounds) => numberArray(p, at(path, key), v, { length: m }, bounds)
  const wagesSeen = perSlot('wages_seen', o.wages_seen, SANE)
  const episode = perSlot('episode', o.episode, SANE)
  const guardUntil = perSlot('guard_until', o.guard_until, TICK_OR_NONE)
  const exitedAt = perSlot('exited_at', o.exited_at, TICK_OR_NONE)
  const componentsPath = at(path, 'components')
  const comps = objectWithKeys(p, componentsPath, o.components, REWARD_COMPONENTS)
  const components = {} as Record<RewardComponent, number[]>
  if (comps) {
    for (const c of REWARD_COMPONENTS) {
      const list = numberArray(p, at(componentsPath, c), comps[c], { length: m }, SANE)
      if (list) components[c] = list.slice()
    }
  }
  const guards = readGuards(p, at(path, 'successor_guard'), o.successor_guard)
  return p.result(() => ({
    tick: tick!,
    wagesSeen: wagesSeen!.slice(),
    episode: episode!.slice(),
    guardUntil: guardUntil!.slice(),
    exitedAt: exitedAt!.slice(),
    total: total.slice(),
    components,
    successorGuard: guards!
  }))
}

function readGuards(p: Problems, path: string, v: unknown): Record<string, number> | null {
  if (!isRecord(v)) {
    p.add(path, `expected an object of agent id → tick, got ${describe(v)}`)
    return null
  }
  const keys = Object.keys(v)
  if (keys.length > MAX_GUARDS) {
    p.add(path, `${keys.length} entries, at most ${MAX_GUARDS} fit`)
    return null
  }
  const out: Record<string, number> = {}
  for (const k of keys) {
    if (k === '__proto__' || k.length > 200) {
      p.add(at(path, k), 'not an agent id')
      return null
    }
    const t = numberAt(p, at(path, k), v[k], TICK_OR_NONE)
    if (t === null) return null
    out[k] = t
  }
  return out
}
