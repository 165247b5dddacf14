/**
 * The observer stream's columns: per frame, one array of numbers per field instead of one object
 * per agent. Agents are named once (the roster: slot → id, in the full frame and, for arrivals, in
 * a diff); rows then travel as an `index` column of slots plus one column per field, strings as
 * small-int codes into the frame's dictionaries (`names`, `reasons`), -1 for null. Plain JSON
 * numbers: the UI's socket carries JSON text, and so does Electron's IPC (see docs/observer-stream.md).
 *
 * The checks here are shape and bounds only (integers, no NaN, equal lengths, ascending slots):
 * whether a slot or a code is known depends on the frames before, so the decoder checks those.
 */
import { z } from 'zod'
import { AGENT_PHASES, SHIFT_STATES } from './observer-parts'
import { AgentOptionSchema } from './world-summary'

/** Agents a roster may name (the config's population limit, with room for arrivals). */
export const MAX_OBSERVER_AGENTS = 200_000
/** Objects a town may have in the stream. */
export const MAX_OBSERVER_OBJECTS = 400_000
/** Entries of one dictionary (homes, jobs, affordances …) or of a frame's fail reasons. */
export const MAX_OBSERVER_NAMES = 100_000
/** Agents waiting in all queues together, in one frame. */
const MAX_QUEUED = MAX_OBSERVER_AGENTS
/** Characters of one name or fail reason. */
const MAX_NAME_CHARS = 500

const SAFE = Number.MAX_SAFE_INTEGER

/**
 * An array of at most `maxLength` integers in [min, max]. One loop instead of a schema per
 * element: a 10,000-agent frame has 150,000 numbers and is checked on the host and in the page.
 */
export function intColumn(min: number, max: number, maxLength: number) {
  return z.custom<number[]>(
    (v) => {
      if (!Array.isArray(v) || v.length > maxLength) return false
      for (let i = 0; i < v.length; i++) {
        const n: unknown = v[i]
        if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) return false
      }
      return true
    },
    { message: `must be an array of at most ${maxLength} integers from ${min} to ${max}` }
  )
}

const nameList = (max: number) => z.array(z.string().min(1).max(MAX_NAME_CHARS)).max(max)

/** The agent fields as columns, in wire order, with each column's bounds. */
export const AGENT_COLUMN_BOUNDS = {
  x: [0, SAFE],
  y: [0, SAFE],
  /** Needs in thousandths (0.651 → 651). */
  hunger: [0, 1000],
  hygiene: [0, 1000],
  energy: [0, 1000],
  /** Money in cents. */
  wallet: [-SAFE, SAFE],
  /** Codes into names.option / names.phase / names.shift. */
  option: [0, MAX_OBSERVER_NAMES],
  phase: [0, MAX_OBSERVER_NAMES],
  shift: [0, MAX_OBSERVER_NAMES],
  /** An object slot (names.objects), -1: none. */
  target: [-1, MAX_OBSERVER_OBJECTS],
  /** A code into names.affordances, -1: none. */
  action: [-1, MAX_OBSERVER_NAMES],
  queue_pos: [-1, MAX_OBSERVER_AGENTS],
  home: [-1, MAX_OBSERVER_NAMES],
  job: [-1, MAX_OBSERVER_NAMES],
  /** A code into the frame's `reasons`, -1: '' (no failure). */
  fail_reason: [-1, MAX_OBSERVER_NAMES]
} as const satisfies Record<string, readonly [number, number]>
export type AgentColumnName = keyof typeof AGENT_COLUMN_BOUNDS
export const AGENT_COLUMNS = Object.keys(AGENT_COLUMN_BOUNDS) as AgentColumnName[]

/** Columns of one value per row that must be as long as `index`. */
function sameLengths(value: Record<string, unknown[]>, names: readonly string[], ctx: z.RefinementCtx): void {
  const n = value.index!.length
  for (const name of names) {
    if (value[name]!.length !== n) ctx.addIssue({ code: 'custom', path: [name], message: `has ${value[name]!.length} values for ${n} rows (every column must be as long as index)` })
  }
  const index = value.index as number[]
  for (let k = 1; k < n; k++) {
    if (index[k]! <= index[k - 1]!) {
      ctx.addIssue({ code: 'custom', path: ['index', k], message: 'slots must be strictly ascending (each row once)' })
      return
    }
  }
}

const agentShape = Object.fromEntries(AGENT_COLUMNS.map((name) => [name, intColumn(AGENT_COLUMN_BOUNDS[name][0], AGENT_COLUMN_BOUNDS[name][1], MAX_OBSERVER_AGENTS)])) as Record<AgentColumnName, ReturnType<typeof intColumn>>

export const AgentColumnsSchema = z
  .object({ index: intColumn(0, MAX_OBSERVER_AGENTS - 1, MAX_OBSERVER_AGENTS), ...agentShape })
  .superRefine((v, ctx) => sameLengths(v, AGENT_COLUMNS, ctx))
export type AgentColumns = z.infer<typeof AgentColumnsSchema>

/** What changes about an object, as columns (the rest is in ObjectStatics, once per town). */
export const ObjectColumnsSchema = z
  .object({
    index: intColumn(0, MAX_OBSERVER_OBJECTS - 1, MAX_OBSERVER_OBJECTS),
    /** An agent slot, -1: none. */
    holder: intColumn(-1, MAX_OBSERVER_AGENTS - 1, MAX_OBSERVER_OBJECTS),
    /** A code into names.affordances, -1: none. */
    running: intColumn(-1, MAX_OBSERVER_NAMES, MAX_OBSERVER_OBJECTS),
    remaining: intColumn(0, SAFE, MAX_OBSERVER_OBJECTS),
    /** Each object's queue length; `queue` holds the queues one after another, as agent slots. */
    queue_len: intColumn(0, MAX_QUEUED, MAX_OBSERVER_OBJECTS),
    queue: intColumn(0, MAX_OBSERVER_AGENTS - 1, MAX_QUEUED),
    stock: z.array(z.record(z.string().max(MAX_NAME_CHARS), z.number().finite())).max(MAX_OBSERVER_OBJECTS)
  })
  .superRefine((v, ctx) => {
    sameLengths(v, ['holder', 'running', 'remaining', 'queue_len', 'stock'], ctx)
    let queued = 0
    for (const n of v.queue_len) queued += n
    if (queued !== v.queue.length) ctx.addIssue({ code: 'custom', path: ['queue'], message: `holds ${v.queue.length} slots but queue_len adds up to ${queued}` })
  })
export type ObjectColumns = z.infer<typeof ObjectColumnsSchema>

/** What never changes about an object within a town: one value per object slot. */
export const ObjectStaticsSchema = z.object({
  /** A code into names.types. */
  type: intColumn(0, MAX_OBSERVER_NAMES, MAX_OBSERVER_OBJECTS),
  x: intColumn(0, SAFE, MAX_OBSERVER_OBJECTS),
  y: intColumn(0, SAFE, MAX_OBSERVER_OBJECTS),
  /** Codes into names.homes / names.workplaces, -1: none. */
  home: intColumn(-1, MAX_OBSERVER_NAMES, MAX_OBSERVER_OBJECTS),
  workplace: intColumn(-1, MAX_OBSERVER_NAMES, MAX_OBSERVER_OBJECTS)
})
export type ObjectStatics = z.infer<typeof ObjectStaticsSchema>

/** The dictionaries of a town, sent with its full frame; codes in later diffs index these. */
export const ObserverNamesSchema = z.object({
  option: z.array(AgentOptionSchema).max(256),
  phase: z.array(z.enum(AGENT_PHASES)).max(256),
  shift: z.array(z.enum(SHIFT_STATES)).max(256),
  /** Object slot → id. */
  objects: nameList(MAX_OBSERVER_OBJECTS),
  types: nameList(MAX_OBSERVER_NAMES),
  affordances: nameList(MAX_OBSERVER_NAMES),
  homes: nameList(MAX_OBSERVER_NAMES),
  workplaces: nameList(MAX_OBSERVER_NAMES),
  jobs: nameList(MAX_OBSERVER_NAMES)
})
export type ObserverNames = z.infer<typeof ObserverNamesSchema>

/** Agent slot → id, for the whole town (a full frame). */
export const RosterSchema = nameList(MAX_OBSERVER_AGENTS)
/** Slots named (or renamed) by a diff: arrivals since its base. */
export const RosterEntriesSchema = z
  .object({ index: intColumn(0, MAX_OBSERVER_AGENTS - 1, MAX_OBSERVER_AGENTS), id: nameList(MAX_OBSERVER_AGENTS) })
  .refine((v) => v.index.length === v.id.length, { message: 'roster entries need one id per slot', path: ['id'] })
/** The fail reasons a frame's agents name (fail_reason codes index it). */
export const ReasonsSchema = z.array(z.string().min(1).max(MAX_NAME_CHARS)).max(MAX_OBSERVER_NAMES)
