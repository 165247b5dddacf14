/**
 * The perturbation scheduler's state as JSON and back. It is plain data already, so the JSON is a
 * deep copy; reading checks the shape (kinds, economy keys and utilities the engine knows, finite
 * magnitudes, bounded lists) and the one order the scheduler relies on: pending events sorted by
 * start tick.
 */
import { z } from 'zod'
import { PERTURBATION_KINDS, SPIKE_KEYS } from '../../config/sections/perturbations'
import { prototypeKeyPaths } from '../../config/prototype-keys'
import { at, COUNT, INT32, Problems, SANE, type Parsed } from '../snapshot/json-problems'
import type { PerturbationsState } from './perturbations-state'

export type PerturbationsJson = PerturbationsState

/** Events of any one list; a scheduler caps concurrency and windows far below this. */
const MAX_EVENTS = 10_000
const MAX_TARGETS = 10_000

const tick = z.number().int().min(0).max(INT32.max)
const id = z.string().min(1).max(64)
const name = z.string().max(200)
const magnitude = z.number().min(SANE.min).max(SANE.max)
const kind = z.enum(PERTURBATION_KINDS)
const origin = z.enum(['random', 'scheduled', 'console'])
const targets = z.array(name).max(MAX_TARGETS)
const REBASE_KEYS = [...SPIKE_KEYS, 'power', 'water'] as const

const PerturbationsSchema = z
  .object({
    next_id: z.number().int().min(1).max(COUNT.max),
    seq: z.number().int().min(0).max(COUNT.max),
    pending: z
      .array(
        z
          .object({ id, spec: name.nullable(), kind, origin, starts_at: tick, duration: tick.nullable(), magnitude: magnitude.nullable(), targets: targets.nullable(), location: name.nullable() })
          .strict()
      )
      .max(MAX_EVENTS),
    active: z
      .array(
        z
          .object({ id, spec: name.nullable(), kind, origin, started_at: tick, ends_at: tick, magnitude: magnitude.nullable(), targets, object_id: name.nullable(), seq: z.number().int().min(0).max(COUNT.max), cancelled: z.boolean() })
          .strict()
      )
      .max(MAX_EVENTS),
    recent: z.array(z.object({ id, kind, targets, ended_at: tick }).strict()).max(MAX_EVENTS),
    spec_cooldowns: z.record(name, tick),
    agent_cooldowns: z.record(name, tick),
    next_random_at: tick,
    window: z.array(z.object({ tick, spec: name.nullable() }).strict()).max(MAX_EVENTS),
    baseline: z
      .object({
        prices: z.object({ meal_cost: magnitude, ingredients_cost: magnitude, wage_income: magnitude }).strict(),
        utilities: z.object({ power: z.boolean(), water: z.boolean() }).strict()
      })
      .strict(),
    rebased: z.partialRecord(z.enum(REBASE_KEYS), z.number().int().min(0).max(COUNT.max))
  })
  .strict()

/** A deep copy: the state keeps changing after it is taken. */
export function perturbationsToJSON(state: PerturbationsState): PerturbationsJson {
  return structuredClone(state)
}

export function perturbationsFromJSON(json: unknown, path = 'perturbations'): Parsed<PerturbationsState> {
  const p = new Problems()
  const proto = prototypeKeyPaths(json)
  if (proto.length > 0) p.add(proto[0]!.reduce<string>((s, k) => at(s, k), path), '"__proto__" cannot be a key')
  const parsed = PerturbationsSchema.safeParse(json)
  if (!parsed.success) {
    p.addZod(path, parsed.error)
    return p.failed()
  }
  const s = parsed.data
  for (let i = 1; i < s.pending.length; i++) {
    if (s.pending[i]!.starts_at < s.pending[i - 1]!.starts_at) p.add(at(at(path, 'pending'), i), 'pending events must be in start order')
  }
  return p.result(() => structuredClone(s) as PerturbationsState)
}
