/**
 * A structured diff of two snapshots (or two world states): per section what was added, changed
 * and dropped, with counts and the first few examples, for migration previews and
 * `snapshot diff A B`. Agents and objects are matched by id (so a reordered list is not a
 * change), lists of records with an `id` likewise; everything else is compared leaf by leaf.
 * Every top-level world block lands in some section, so nothing differs unseen. Work is linear in
 * the documents' size and the examples are bounded, whatever the input.
 */
import { printable } from '../config/bounded-text'
import type { SnapshotDocument, SnapshotState } from './snapshot-document'

export type DiffKind = 'added' | 'changed' | 'dropped'

export interface DiffExample {
  kind: DiffKind
  path: string
  /** Short JSON of the value before and after (null where there is none), cut and escaped. */
  before: string | null
  after: string | null
}

export interface DiffSection {
  section: string
  added: number
  changed: number
  dropped: number
  examples: DiffExample[]
}

export const DIFF_SECTIONS = ['identity', 'agents', 'objects', 'economy', 'relationships', 'lifecycle', 'perturbations', 'other', 'runtime'] as const
export type DiffSectionName = (typeof DIFF_SECTIONS)[number]

/** World blocks per section; the world keys not named here go to `other`. */
const WORLD_SECTIONS: Partial<Record<DiffSectionName, string[]>> = {
  agents: ['agents'],
  objects: ['objects'],
  economy: ['prices', 'utilities'],
  relationships: ['society'],
  lifecycle: ['lifecycle'],
  perturbations: ['perturbations']
}
const IDENTITY_KEYS = new Set(['config_id', 'tick'])
const MAX_EXAMPLES = 5
const MAX_QUOTE = 80

type Json = unknown
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

class SectionDiff {
  readonly out: DiffSection
  constructor(section: string, private readonly max: number) {
    this.out = { section, added: 0, changed: 0, dropped: 0, examples: [] }
  }
  note(kind: DiffKind, path: string, before: Json, after: Json, count = true): void {
    if (count) this.out[kind] += 1
    if (this.out.examples.length < this.max) this.out.examples.push({ kind, path, before: kind === 'added' ? null : short(before), after: kind === 'dropped' ? null : short(after) })
  }
}

function short(value: Json): string {
  const text = JSON.stringify(value) ?? 'null'
  return printable(text, MAX_QUOTE)
}

/** Leaf by leaf: a subtree only on one side counts once. */
function walk(d: SectionDiff, path: string, a: Json, b: Json): void {
  if (a === b) return
  if (isRecord(a) && isRecord(b)) {
    for (const k of Object.keys(a)) {
      const at = path === '' ? k : `${path}.${k}`
      if (!Object.hasOwn(b, k)) d.note('dropped', at, a[k], undefined)
      else walk(d, at, a[k], b[k])
    }
    for (const k of Object.keys(b)) if (!Object.hasOwn(a, k)) d.note('added', path === '' ? k : `${path}.${k}`, undefined, b[k])
    return
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (byId(a) && byId(b)) return walkKeyed(d, path, keyed(a), keyed(b))
    const n = Math.min(a.length, b.length)
    for (let i = 0; i < n; i++) walk(d, `${path}[${i}]`, a[i], b[i])
    for (let i = n; i < a.length; i++) d.note('dropped', `${path}[${i}]`, a[i], undefined)
    for (let i = n; i < b.length; i++) d.note('added', `${path}[${i}]`, undefined, b[i])
    return
  }
  d.note('changed', path, a, b)
}

const byId = (list: unknown[]): boolean => list.length > 0 && list.every((x) => isRecord(x) && typeof x.id === 'string')
const keyed = (list: unknown[]): Map<string, Json> => new Map(list.map((x) => [(x as { id: string }).id, x]))

/** Entities matched by id: one count per entity added, dropped or changed; examples name the fields. */
function walkKeyed(d: SectionDiff, path: string, a: Map<string, Json>, b: Map<string, Json>): void {
  for (const [id, before] of a) {
    const at = `${path}.${printable(id, 64)}`
    if (!b.has(id)) {
      d.note('dropped', at, before, undefined)
      continue
    }
    const inner = new SectionDiff(d.out.section, MAX_EXAMPLES)
    walk(inner, at, before, b.get(id))
    const touched = inner.out.added + inner.out.changed + inner.out.dropped
    if (touched === 0) continue
    d.out.changed += 1
    for (const ex of inner.out.examples) if (d.out.examples.length < MAX_EXAMPLES) d.out.examples.push(ex)
  }
  for (const [id, after] of b) if (!a.has(id)) d.note('added', `${path}.${printable(id, 64)}`, undefined, after)
}

/** A block of parallel per-entity arrays (`ids` plus lists and column maps of the same length) as records by id. */
function entities(block: Json): Map<string, Json> | undefined {
  if (!isRecord(block) || !Array.isArray(block.ids) || !block.ids.every((id) => typeof id === 'string')) return undefined
  const ids = block.ids as string[]
  const out = new Map<string, Record<string, Json>>(ids.map((id) => [id, {}]))
  const rest: Record<string, Json> = {}
  const spread = (name: string, list: unknown[]) => ids.forEach((id, i) => (out.get(id)![name] = list[i]))
  for (const [k, v] of Object.entries(block)) {
    if (k === 'ids') continue
    if (Array.isArray(v) && v.length === ids.length) spread(k, v)
    else if (isRecord(v) && Object.values(v).every((c) => Array.isArray(c) && c.length === ids.length)) for (const [c, col] of Object.entries(v)) spread(c, col as unknown[])
    else rest[k] = v
  }
  if (new Set(ids).size !== ids.length) return undefined
  if (Object.keys(rest).length > 0) out.set('(shared)', rest)
  return out
}

function diffEntities(d: SectionDiff, name: string, a: Json, b: Json): void {
  const ea = entities(a)
  const eb = entities(b)
  if (ea && eb) walkKeyed(d, name, ea, eb)
  else walk(d, name, a, b)
}

/** Sections of two world JSONs (engine `worldSnapshot` shape; unknown shapes are compared generically). */
export function diffWorlds(a: Json, b: Json): DiffSection[] {
  const wa = isRecord(a) ? a : {}
  const wb = isRecord(b) ? b : {}
  const claimed = new Set<string>(IDENTITY_KEYS)
  const sections: DiffSection[] = []
  for (const name of DIFF_SECTIONS) {
    const keys = WORLD_SECTIONS[name]
    if (!keys) continue
    const d = new SectionDiff(name, MAX_EXAMPLES)
    for (const k of keys) {
      claimed.add(k)
      if (name === 'agents' || name === 'objects') diffEntities(d, k, wa[k], wb[k])
      else walkTop(d, k, wa, wb)
    }
    sections.push(d.out)
  }
  const other = new SectionDiff('other', MAX_EXAMPLES)
  const rest = [...new Set([...Object.keys(wa), ...Object.keys(wb)])].filter((k) => !claimed.has(k)).sort()
  for (const k of rest) walkTop(other, k, wa, wb)
  sections.push(other.out)
  return sections
}

function walkTop(d: SectionDiff, k: string, a: Record<string, unknown>, b: Record<string, unknown>): void {
  const inA = Object.hasOwn(a, k)
  const inB = Object.hasOwn(b, k)
  if (inA && !inB) d.note('dropped', k, a[k], undefined)
  else if (!inA && inB) d.note('added', k, undefined, b[k])
  else if (inA && inB) walk(d, k, a[k], b[k])
}

/** Every section between two documents: identity (config, schema, tick, policy, RNG), the world's sections and the runtime blocks. */
export function diffDocuments(a: SnapshotDocument, b: SnapshotDocument): DiffSection[] {
  const identity = new SectionDiff('identity', MAX_EXAMPLES)
  walk(identity, '', { schema_version: a.schema_version, tick: a.tick, ...a.identity }, { schema_version: b.schema_version, tick: b.tick, ...b.identity })
  return [identity.out, ...diffStates(a.state, b.state)]
}

/** The world's sections and a `runtime` section for the blocks beside it (policy, console, telemetry, last events). */
export function diffStates(a: SnapshotState, b: SnapshotState): DiffSection[] {
  const runtime = new SectionDiff('runtime', MAX_EXAMPLES)
  const { world: wa, ...ra } = a
  const { world: wb, ...rb } = b
  walk(runtime, '', ra, rb)
  return [...diffWorlds(wa, wb), runtime.out]
}

export function diffTotals(sections: readonly DiffSection[]): { added: number; changed: number; dropped: number } {
  return sections.reduce((t, s) => ({ added: t.added + s.added, changed: t.changed + s.changed, dropped: t.dropped + s.dropped }), { added: 0, changed: 0, dropped: 0 })
}
