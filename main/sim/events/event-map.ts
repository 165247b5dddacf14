/**
 * The engine's event vocabulary: one map `type → payload schema`, split by family. Everything
 * else derives from it: `emit` is typed by `SimEventMap` (a misspelt type or a renamed field does
 * not compile), readers narrow `SimEvent` on `type`, and the telemetry stream and `townlet
 * telemetry check` validate `engine.event` payloads with these schemas. The engine never parses
 * its own events (emit is on the hot path): zod runs at the boundaries and in tests.
 *
 * A leaf of main/sim: it imports zod, config enums and its own files, never another engine module.
 * Adding a type or an optional field is additive (bump the minor); renaming or removing one, or
 * changing what a field means, is not (bump the major, and the telemetry stream's with it).
 */
import type { z } from 'zod'
import { AFFORDANCE_EVENTS } from './affordance-events'
import { AGENT_EVENTS } from './agent-events'
import { CONSOLE_EVENTS } from './console-events'
import { ECONOMY_EVENTS } from './economy-events'
import { JOB_EVENTS } from './job-events'
import { PERTURBATION_EVENTS } from './perturbation-events'
import { POLICY_EVENTS } from './policy-events'
import { SOCIETY_EVENTS } from './society-events'

export const SIM_EVENT_SCHEMA_VERSION = '1.0'

/** Every event type and its payload (the fields besides `type` and `tick`), strict: no field the map does not name. */
export const SIM_EVENT_SCHEMAS = {
  ...AGENT_EVENTS,
  ...AFFORDANCE_EVENTS,
  ...JOB_EVENTS,
  ...SOCIETY_EVENTS,
  ...PERTURBATION_EVENTS,
  ...ECONOMY_EVENTS,
  ...POLICY_EVENTS,
  ...CONSOLE_EVENTS
} as const

export type SimEventType = keyof typeof SIM_EVENT_SCHEMAS
export type SimEventMap = { [K in SimEventType]: z.infer<(typeof SIM_EVENT_SCHEMAS)[K]> }

/** The types, in map order (families as listed above). */
export const SIM_EVENT_TYPES = Object.keys(SIM_EVENT_SCHEMAS) as SimEventType[]

const KNOWN: ReadonlySet<string> = new Set(SIM_EVENT_TYPES)
export const isSimEventType = (type: string): type is SimEventType => KNOWN.has(type)

/** An event of one type: its type, its tick and its payload. */
export type SimEventOf<K extends SimEventType> = { type: K; tick: number } & SimEventMap[K]

/** One thing that happened in a tick: a union discriminated by `type`. Plain JSON: the shard streams these as they are. */
export type SimEvent = { [K in SimEventType]: SimEventOf<K> }[SimEventType]

/** An event before the tick is stamped on it (what tests and tools write). */
export type SimEventDraft = { [K in SimEventType]: { type: K } & SimEventMap[K] }[SimEventType]

/** Whether `e` is of type `type`, narrowing it (a type guard for filters). */
export const isEventOf =
  <K extends SimEventType>(type: K) =>
  (e: SimEvent): e is SimEvent & SimEventOf<K> =>
    e.type === type

/** The events of one type, in order, typed. */
export function eventsOfType<K extends SimEventType>(events: readonly SimEvent[], type: K): SimEventOf<K>[] {
  return events.filter(isEventOf(type))
}
