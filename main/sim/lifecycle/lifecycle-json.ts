/**
 * The lifecycle state as JSON and back: starvation runs, exits held at the gate, replacements on
 * their way, the employment exit queue and the day's counters. It is plain data already, so the
 * JSON is a deep copy; reading checks its shape with a schema (the lists are at most a few per
 * agent) and then that every slot, home, job, workplace and tile it names exists in the town.
 */
import { z } from 'zod'
import { prototypeKeyPaths } from '../../config/prototype-keys'
import { at, COUNT, INT32, Problems, SANE, type Parsed } from '../snapshot/json-problems'
import type { LifecycleState } from './lifecycle-state'

export type LifecycleJson = LifecycleState

export interface LifecycleBounds {
  agents: number
  homes: number
  jobs: number
  workplaces: number
  tiles: number
}

/** Replacements waiting, and absent days per agent: generous bounds a real town never nears. */
const MAX_RESPAWNS = 1_000_000
const MAX_DAYS = 10_000

const tick = z.number().int().min(-1).max(INT32.max)
const count = z.number().int().min(0).max(COUNT.max)
const slot = z.number().int().min(0).max(INT32.max)
const id = z.string().max(200)
const LifecycleSchema = z
  .object({
    day: z.number().int().min(0).max(INT32.max),
    starving: z.record(z.string().max(12), tick),
    pending: z.array(z.object({ agent: slot, reason: z.enum(['faint', 'eviction']), since: tick, blocked: z.enum(['', 'suppressed', 'cooldown', 'daily_cap']) }).strict()).max(MAX_RESPAWNS),
    last_exit_tick: tick,
    exits_today: count,
    respawns: z
      .array(z.object({ origin: id, left: id, home: z.number().int(), home_tile: z.number().int(), job: z.number().int(), workplace: z.number().int(), tile: z.number().int(), wallet: z.number().min(SANE.min).max(SANE.max), due: tick }).strict())
      .max(MAX_RESPAWNS),
    respawn_counts: z.record(id, count),
    employment: z
      .object({
        absences: z.record(z.string().max(12), z.array(z.number().int().min(0).max(INT32.max)).max(MAX_DAYS)),
        queue: z.array(z.object({ agent: slot, job_id: id, since: tick, approved: z.boolean() }).strict()).max(MAX_RESPAWNS),
        processed_today: count
      })
      .strict(),
    totals: z.object({ faint: count, eviction: count, respawns: count }).strict()
  })
  .strict()

/** A deep copy: the state keeps changing after it is taken. */
export function lifecycleToJSON(state: LifecycleState): LifecycleJson {
  return structuredClone(state)
}

export function lifecycleFromJSON(json: unknown, b: LifecycleBounds, path = 'lifecycle'): Parsed<LifecycleState> {
  const p = new Problems()
  // Zod records would drop a `__proto__` key without a word.
  const proto = prototypeKeyPaths(json)
  if (proto.length > 0) p.add(proto[0]!.reduce<string>((s, k) => at(s, k), path), '"__proto__" cannot be a key')
  const parsed = LifecycleSchema.safeParse(json)
  if (!parsed.success) {
    p.addZod(path, parsed.error)
    return p.failed()
  }
  const s = parsed.data
  const slotKey = (where: string, key: string) => {
    if (!/^(0|[1-9][0-9]*)$/.test(key) || Number(key) >= b.agents) p.add(at(where, key), `not an agent slot (0–${b.agents - 1})`)
  }
  const inRange = (where: string, v: number, lo: number, n: number, what: string) => {
    if (v < lo || v >= n) p.add(where, `${v} is not ${what} of this town (${lo}–${n - 1})`)
  }
  for (const key of Object.keys(s.starving)) slotKey(at(path, 'starving'), key)
  for (const key of Object.keys(s.employment.absences)) slotKey(at(at(path, 'employment'), 'absences'), key)
  s.pending.forEach((e, i) => inRange(at(at(at(path, 'pending'), i), 'agent'), e.agent, 0, b.agents, 'an agent slot'))
  s.employment.queue.forEach((e, i) => inRange(at(at(at(at(path, 'employment'), 'queue'), i), 'agent'), e.agent, 0, b.agents, 'an agent slot'))
  s.respawns.forEach((t, i) => {
    const where = at(at(path, 'respawns'), i)
    inRange(at(where, 'home'), t.home, -1, b.homes, 'a home')
    inRange(at(where, 'home_tile'), t.home_tile, -1, b.tiles, 'a tile')
    inRange(at(where, 'job'), t.job, -1, b.jobs, 'a job')
    inRange(at(where, 'workplace'), t.workplace, -1, b.workplaces, 'a workplace')
    inRange(at(where, 'tile'), t.tile, 0, b.tiles, 'a tile')
  })
  return p.result(() => structuredClone(s))
}
