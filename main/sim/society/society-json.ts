/**
 * The society state as JSON and back: personalities, tie ledgers, chat cooldowns, per-object
 * conflict counts, counters and the latest rivalry changes. The per-agent arrays may cover fewer
 * slots than the agent store (agents spawned or respawned after this tick's society pass are
 * added at the next), never more; every tie names an agent slot that exists and keeps its values
 * in the ranges the config sets, and `tie_count` must be the ledgers' total.
 */
import { z } from 'zod'
import { PROFILE_NAMES, type SocietyConfig } from '../../config/sections/society'
import { prototypeKeyPaths } from '../../config/prototype-keys'
import { at, COUNT, describe, INT32, numberArray, numberAt, objectWithKeys, Problems, SANE, type NumberBounds, type Parsed } from '../snapshot/json-problems'
import { RECENT_RIVALRY_LIMIT, TIE_FAMILIARITY, TIE_OTHER, TIE_RIVALRY, TIE_STRIDE, TIE_TRUST, type RivalryRecord, type SocietyCounters, type SocietyState } from './society-state'

export interface SocietyJson {
  agents: number
  profile: number[]
  extroversion: number[]
  forgiveness: number[]
  ambition: number[]
  chat_ready_at: number[]
  ties: number[][]
  tie_count: number
  contention: number[]
  counters: SocietyCounters
  recent: RivalryRecord[]
}

export interface SocietyBounds {
  /** Agent slots in the saved town. */
  agents: number
  objects: number
  config: Pick<SocietyConfig, 'ties' | 'rivalry'>
}

const SOCIETY_KEYS = ['agents', 'profile', 'extroversion', 'forgiveness', 'ambition', 'chat_ready_at', 'ties', 'tie_count', 'contention', 'counters', 'recent'] as const
const TRAIT: NumberBounds = { min: -1, max: 1 }
const count = z.number().int().min(0).max(COUNT.max)
const CountersSchema = z.object({ rivalry_events: count, chat_success: count, chat_failure: count, avoidances: count, ties_removed: count, queue_conflicts: count }).strict()
const RecentSchema = z
  .array(
    z
      .object({
        tick: z.number().int().min(0).max(INT32.max),
        agent_id: z.string().max(200),
        other: z.string().max(200),
        value: z.number().min(SANE.min).max(SANE.max),
        delta: z.number().min(SANE.min).max(SANE.max),
        reason: z.string().max(200)
      })
      .strict()
  )
  .max(RECENT_RIVALRY_LIMIT)

export function societyToJSON(state: SocietyState): SocietyJson {
  return {
    agents: state.agents,
    profile: state.profile.slice(),
    extroversion: state.extroversion.slice(),
    forgiveness: state.forgiveness.slice(),
    ambition: state.ambition.slice(),
    chat_ready_at: state.chatReadyAt.slice(),
    ties: state.ties.map((ledger) => ledger.slice()),
    tie_count: state.tieCount,
    contention: state.contention.slice(),
    counters: { ...state.counters },
    recent: state.recent.map((r) => ({ ...r }))
  }
}

export function societyFromJSON(json: unknown, b: SocietyBounds, path = 'society'): Parsed<SocietyState> {
  const p = new Problems()
  const o = objectWithKeys(p, path, json, SOCIETY_KEYS)
  if (!o) return p.failed()
  const m = numberAt(p, at(path, 'agents'), o.agents, { min: 0, max: b.agents, integer: true })
  if (m === null) return p.failed()
  const perAgent = (key: (typeof SOCIETY_KEYS)[number], bounds: NumberBounds) => numberArray(p, at(path, key), o[key], { length: m }, bounds)
  const profile = perAgent('profile', { min: 0, max: PROFILE_NAMES.length - 1, integer: true })
  const extroversion = perAgent('extroversion', TRAIT)
  const forgiveness = perAgent('forgiveness', TRAIT)
  const ambition = perAgent('ambition', TRAIT)
  const chatReadyAt = perAgent('chat_ready_at', INT32)
  const ties = readTies(p, at(path, 'ties'), o.ties, m, b)
  const tieCount = numberAt(p, at(path, 'tie_count'), o.tie_count, COUNT)
  if (ties && tieCount !== null) {
    const total = ties.reduce((s, l) => s + l.length / TIE_STRIDE, 0)
    if (total !== tieCount) p.add(at(path, 'tie_count'), `${tieCount}, but the ledgers hold ${total} ties`)
  }
  // Contention grows to the object count at the first society pass (0 before it).
  const contention = numberArray(p, at(path, 'contention'), o.contention, { maxLength: b.objects }, COUNT)
  const counters = CountersSchema.safeParse(o.counters)
  if (!counters.success) p.addZod(at(path, 'counters'), counters.error)
  const recentKeys = prototypeKeyPaths(o.recent)
  if (recentKeys.length > 0) p.add(at(path, 'recent'), '"__proto__" cannot be a key')
  const recent = RecentSchema.safeParse(o.recent)
  if (!recent.success) p.addZod(at(path, 'recent'), recent.error)
  return p.result(() => ({
    agents: m,
    profile: profile!.slice(),
    extroversion: extroversion!.slice(),
    forgiveness: forgiveness!.slice(),
    ambition: ambition!.slice(),
    chatReadyAt: chatReadyAt!.slice(),
    ties: ties!,
    tieCount: tieCount!,
    contention: contention!.slice(),
    counters: { ...counters.data! },
    recent: recent.data!.map((r) => ({ ...r }))
  }))
}

function readTies(p: Problems, path: string, v: unknown, m: number, b: SocietyBounds): number[][] | null {
  if (!Array.isArray(v) || v.length !== m) {
    p.add(path, Array.isArray(v) ? `${v.length} ledgers for ${m} agents` : `expected a list of ledgers, got ${describe(v)}`)
    return null
  }
  const { ties, rivalry } = b.config
  const fields: NumberBounds[] = []
  fields[TIE_OTHER] = { min: 0, max: b.agents - 1, integer: true }
  fields[TIE_TRUST] = { min: -1, max: 1 }
  fields[TIE_FAMILIARITY] = { min: 0, max: 1 }
  fields[TIE_RIVALRY] = { min: rivalry.min_value, max: rivalry.max_value }
  const out: number[][] = new Array<number[]>(m)
  for (let i = 0; i < m; i++) {
    const ledger: unknown = v[i]
    const max = ties.max_per_agent * TIE_STRIDE
    if (!Array.isArray(ledger) || ledger.length % TIE_STRIDE !== 0 || ledger.length > max) {
      p.add(at(path, i), Array.isArray(ledger) ? `${ledger.length} numbers: a ledger holds up to ${ties.max_per_agent} ties of ${TIE_STRIDE} numbers each` : `expected a ledger, got ${describe(ledger)}`)
      return null
    }
    for (let k = 0; k < ledger.length; k++) {
      const x: unknown = ledger[k]
      const f = fields[k % TIE_STRIDE]!
      if (typeof x !== 'number' || !Number.isFinite(x) || x < f.min || x > f.max || (f.integer && !Number.isInteger(x))) {
        p.add(at(at(path, i), k), `expected ${f.integer ? 'an agent slot' : 'a number'} from ${f.min} to ${f.max}, got ${describe(x)}`)
        return null
      }
    }
    for (let k = 0; k < ledger.length; k += TIE_STRIDE) {
      for (let j = k + TIE_STRIDE; j < ledger.length; j += TIE_STRIDE) {
        if (ledger[k] === ledger[j]) {
          p.add(at(at(path, i), j), `a second tie to agent slot ${String(ledger[j])}`)
          return null
        }
      }
    }
    out[i] = (ledger as number[]).slice()
  }
  return out
}
