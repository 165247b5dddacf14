import { z } from 'zod'
import { didYouMean } from '../../../shared/did-you-mean'
import { quoteKey } from '../bounded-text'

/**
 * `telemetry.dispatch`: what the stream carries once it leaves the town (docs/telemetry.md,
 * "Dispatcher, privacy and filters"). `telemetry.transport` says where messages go; this block
 * says which messages and which fields, whether agent ids are hashed, and which on-request kinds
 * (observations, per-agent snapshots) are built for the transports at all.
 */

/**
 * Every stream kind by name. The stream's schemas live a floor above (main/telemetry/stream), so
 * the names are repeated here for the config to check; main/telemetry/dispatch/dispatch-kinds.test.ts
 * holds the two lists equal.
 */
export const ALWAYS_ON_KINDS = ['engine.event', 'narration', 'stability.alert', 'kpi.window', 'loop.tick', 'loop.health', 'stability.metrics', 'loop.failure'] as const
/** Kinds that cost work to build (a tensor per agent, a DTO per agent): made only when someone asks for them. */
export const ON_REQUEST_KINDS = ['observation', 'agent.snapshot'] as const
export const STREAM_KIND_NAMES: readonly string[] = [...ALWAYS_ON_KINDS, ...ON_REQUEST_KINDS]
export type OnRequestKind = (typeof ON_REQUEST_KINDS)[number]

const MAX_ENTRIES = 64
const MAX_ENTRY_CHARS = 256
const MAX_SEGMENTS = 8
const SEGMENT = /^(?:[A-Za-z0-9_]{1,64}|\*)$/

/** A field path entry, parsed: the kind it applies to (`*`: every kind) and the keys from the payload down. */
export interface FieldPath {
  kind: string
  segments: string[]
}

function unknownKind(kind: string, known: readonly string[]): string {
  const near = didYouMean(kind, known)
  return `${quoteKey(kind)} is not a stream kind${near ? ` (did you mean "${near}"?)` : ''}: use one of ${known.join(', ')}`
}

/**
 * `KIND:PATH`, e.g. `engine.event:object_id`, `loop.health:transport.transports.*.target` or
 * `*:agents`: PATH is keys from the payload down, separated by dots; `*` stands for every key of
 * an object or every element of an array. Returns the parsed path or what is wrong with it.
 */
export function parseFieldPath(entry: string): FieldPath | string {
  const colon = entry.indexOf(':')
  if (colon < 0) return `${quoteKey(entry)} has no kind: write KIND:PATH, e.g. "engine.event:object_id" or "*:agents"`
  const kind = entry.slice(0, colon)
  const path = entry.slice(colon + 1)
  if (kind !== '*' && !STREAM_KIND_NAMES.includes(kind)) return `in ${quoteKey(entry)}: ${unknownKind(kind, STREAM_KIND_NAMES)}, or * for every kind`
  if (path === '') return `${quoteKey(entry)} has no field path after the ":": name the payload keys, e.g. "${kind}:agents"`
  const segments = path.split('.')
  if (segments.length > MAX_SEGMENTS) return `${quoteKey(entry)} is ${segments.length} keys deep: at most ${MAX_SEGMENTS}`
  const bad = segments.find((s) => !SEGMENT.test(s))
  if (bad !== undefined) return `in ${quoteKey(entry)}: ${bad === '' ? 'an empty key (two dots, or a dot at an end)' : `the key ${quoteKey(bad)}`} is not a field name: keys are letters, digits and "_", or * for every key`
  return { kind, segments }
}

const kindList = (known: readonly string[]) =>
  z
    .array(z.string().max(64))
    .max(MAX_ENTRIES, `at most ${MAX_ENTRIES} kinds`)
    .superRefine((kinds, ctx) => {
      kinds.forEach((k, i) => {
        if (!known.includes(k)) ctx.addIssue({ code: 'custom', path: [i], message: unknownKind(k, known) })
      })
    })
    .default([])

export const DispatchBlockSchema = z
  .object({
    /** Agent ids hashed with a salt drawn per run (never written anywhere), so a stream cannot be tied to the town's agents. */
    privacy: z.boolean().default(false),
    /** Check every outgoing message against the stream schema; a message that fails is dropped and counted. Off by default: it costs time on every tick. */
    strict: z.boolean().default(false),
    /** Only these kinds reach the transports (empty: every always-on kind); naming an on-request kind here requests it. */
    include_kinds: kindList(STREAM_KIND_NAMES),
    /** These kinds never reach the transports. */
    exclude_kinds: kindList(STREAM_KIND_NAMES),
    /** On-request kinds built for the transports, besides whatever include_kinds lets through (subscribers in the process ask for their own). */
    request_kinds: kindList(ON_REQUEST_KINDS),
    /** Ticks between two builds of each requested kind (at ticks divisible by it). */
    request_every_ticks: z.number().int().min(1).max(1_000_000).default(60),
    /** Payload fields removed before a message leaves: `KIND:PATH` entries (see parseFieldPath). */
    exclude_fields: z
      .array(z.string().max(MAX_ENTRY_CHARS, `a field path is at most ${MAX_ENTRY_CHARS} characters`))
      .max(MAX_ENTRIES, `at most ${MAX_ENTRIES} field paths`)
      .superRefine((entries, ctx) => {
        entries.forEach((entry, i) => {
          const parsed = parseFieldPath(entry)
          if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', path: [i], message: parsed })
        })
      })
      .default([])
  })
  .strict()
  .superRefine((d, ctx) => {
    const both = d.include_kinds.filter((k) => d.exclude_kinds.includes(k))
    if (both.length > 0) ctx.addIssue({ code: 'custom', path: ['exclude_kinds'], message: `${both.join(', ')} ${both.length === 1 ? 'is' : 'are'} both included and excluded: pick one` })
    d.request_kinds.forEach((k, i) => {
      if (d.exclude_kinds.includes(k)) ctx.addIssue({ code: 'custom', path: ['request_kinds', i], message: `${k} is both requested and excluded: pick one` })
    })
  })
export type DispatchBlockConfig = z.infer<typeof DispatchBlockSchema>
