/**
 * The snapshot document, schema 2.0:
 * `{schema_version, identity, tick, state, checksum, migrations: {applied}}`.
 * `state.world` is the engine's world JSON (what `worldSnapshot` returns and `hash(state)` reads),
 * opaque here except for its config_id and tick; the other state blocks are the runtime's
 * (policy, console, telemetry) and the events of the last tick, which the policy reads next.
 * `checksum` is the sha256 of the canonical JSON of `state`, so a changed or cut file is caught
 * before anything is restored. The original's documents were 1.x: those are legacy ones, which
 * main/snapshots/legacy imports.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { SnapshotIdentityDto } from '../../shared/contract/dto/snapshots'
import { canonicalJson } from '../sim/hash/canonical-json'
import { worldSnapshot } from '../sim/hash/world-snapshot'
import type { SimEvent, World } from '../sim/state/world'

export const SNAPSHOT_SCHEMA_VERSION = '2.0'

/** Bounds for hostile files: ids and names are short, lists are not endless. */
const id = z.string().min(1).max(200)
const note = z.string().max(2000)
const fingerprint = z.string().regex(/^[0-9a-f]{16}$/, 'a 16-digit lowercase hex fingerprint')

export const SnapshotIdentitySchema = z
  .object({
    config_id: id,
    policy_hash: z.string().max(200).nullable(),
    backend: z.enum(['scripted', 'onnx']),
    provider: z.string().max(200).nullable(),
    observation_variant: z.string().max(64).nullable(),
    anneal_ratio: z.number().min(0).max(1).nullable(),
    /** Short sha256 fingerprints of each RNG stream's state: tells two states apart at a glance. */
    rng: z.object({ world: fingerprint, events: fingerprint, policy: fingerprint }).strict()
  })
  .strict()
export type SnapshotIdentity = z.infer<typeof SnapshotIdentitySchema>

/** The engine world JSON: opaque here, except that it says whose and when it is. */
export const WorldJsonSchema = z.object({ config_id: id, tick: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).catchall(z.unknown())
export type WorldJson = z.infer<typeof WorldJsonSchema>

const block = z.record(z.string(), z.unknown())

export const SnapshotStateSchema = z
  .object({
    world: WorldJsonSchema,
    policy: block.optional(),
    console: block.optional(),
    telemetry: block.optional(),
    /** The events of the tick the world is at: the policy's input for the next decision. */
    last_events: z.array(block).max(1_000_000).optional()
  })
  .strict()
export type SnapshotState = z.infer<typeof SnapshotStateSchema>

export const SnapshotVersionSchema = z.object({ config_id: id, schema_version: z.string().min(1).max(32) }).strict()
export type SnapshotVersion = z.infer<typeof SnapshotVersionSchema>

export const AppliedMigrationSchema = z
  .object({ id, from: SnapshotVersionSchema, to: SnapshotVersionSchema, description: note, at_tick: z.number().int().min(0) })
  .strict()
export type AppliedMigration = z.infer<typeof AppliedMigrationSchema>

export const SnapshotDocumentSchema = z
  .object({
    schema_version: z.string().min(1).max(32),
    identity: SnapshotIdentitySchema,
    tick: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    state: SnapshotStateSchema,
    checksum: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in lowercase hex'),
    migrations: z.object({ applied: z.array(AppliedMigrationSchema).max(1000) }).strict()
  })
  .strict()
export type SnapshotDocument = z.infer<typeof SnapshotDocumentSchema>

// The document's identity and the shared DTO must stay one shape.
const _sameIdentity: SnapshotIdentityDto = {} as SnapshotIdentity
void _sameIdentity

export const sha256hex = (text: string): string => createHash('sha256').update(text).digest('hex')

/**
 * The canonical text of each state this module wrote or hashed, so that a document's checksum and
 * its file's bytes come from one serialisation pass (`canonicalState`). Documents are values: a
 * change makes a new one (`withState`), so a state's text never goes stale.
 */
const stateTexts = new WeakMap<object, string>()

/** The canonical JSON of a state, written once per state object. Throws on non-JSON values. */
export function canonicalState(state: unknown): string {
  if (typeof state !== 'object' || state === null) return canonicalJson(state)
  let text = stateTexts.get(state)
  if (text === undefined) {
    text = canonicalJson(state)
    stateTexts.set(state, text)
  }
  return text
}

/** sha256 over the canonical JSON of the state: what `checksum` holds. Throws on non-JSON values. */
export function stateChecksum(state: unknown): string {
  return sha256hex(canonicalState(state))
}

/**
 * canonicalJson of an object whose members' canonical texts are already written: the same text,
 * without writing them again (keys sorted, undefined members left out, as canonicalJson does).
 */
export function canonicalObjectOf(texts: Readonly<Record<string, string | undefined>>): string {
  const keys = Object.keys(texts).filter((k) => texts[k] !== undefined).sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${texts[k]}`).join(',')}}`
}

/** A document's canonical JSON, its state's text reused (see `canonicalState`). */
export function documentText(doc: SnapshotDocument): string {
  const texts: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(doc)) texts[k] = v === undefined ? undefined : k === 'state' ? canonicalState(v) : canonicalJson(v)
  return canonicalObjectOf(texts)
}

/** One stream's fingerprint: the first 16 hex digits of the sha256 of its state's canonical JSON. */
export function streamFingerprint(state: unknown): string {
  return sha256hex(canonicalJson(state ?? null)).slice(0, 16)
}

/** The three streams' fingerprints, from the world JSON's `rng` block (whatever its shape). */
export function rngFingerprints(rng: unknown): SnapshotIdentity['rng'] {
  const r = (typeof rng === 'object' && rng !== null ? rng : {}) as Record<string, unknown>
  return { world: streamFingerprint(r.world), events: streamFingerprint(r.events), policy: streamFingerprint(r.policy) }
}

/** Who ran the town: the policy runtime's side of the identity. */
export interface CaptureIdentity {
  policy_hash: string | null
  backend: 'scripted' | 'onnx'
  provider: string | null
  observation_variant: string | null
  /** Defaults to the world's own anneal ratio. */
  anneal_ratio?: number | null
}

/** The runtime's blocks beside the world, when the caller has them. */
export type ExtraState = Omit<SnapshotState, 'world' | 'last_events'>

/** A document for a state: identity completed, checksum computed, keys in canonical order on write. */
export function buildDocument(state: SnapshotState, who: CaptureIdentity, applied: AppliedMigration[] = []): SnapshotDocument {
  const world = state.world
  const anneal = who.anneal_ratio !== undefined ? who.anneal_ratio : annealOf(world)
  return {
    schema_version: SNAPSHOT_SCHEMA_VERSION,
    identity: {
      config_id: world.config_id,
      policy_hash: who.policy_hash,
      backend: who.backend,
      provider: who.provider,
      observation_variant: who.observation_variant,
      anneal_ratio: anneal,
      rng: rngFingerprints(world.rng)
    },
    tick: world.tick,
    state,
    checksum: stateChecksum(state),
    migrations: { applied }
  }
}

/** The document for a world as it stands now (the engine's state, copied: later ticks do not change it). */
export function captureSnapshot(world: World, lastEvents: readonly SimEvent[], who: CaptureIdentity, extra: ExtraState = {}): SnapshotDocument {
  const live = liveState(world, lastEvents, extra)
  // The document owns its data: the world read back from its own text, exactly what a file holds.
  const state: SnapshotState = { ...live.state, world: JSON.parse(live.worldText) as WorldJson }
  stateTexts.set(state, live.text)
  return buildDocument(state, who)
}

/**
 * The document for a world as it stands now, for encoding at once: its world block shares the
 * engine's arrays (no copy), so it is stale after the next tick. Keep `captureSnapshot`'s instead.
 */
export function captureForEncoding(world: World, lastEvents: readonly SimEvent[], who: CaptureIdentity, extra: ExtraState = {}): SnapshotDocument {
  const live = liveState(world, lastEvents, extra)
  stateTexts.set(live.state, live.text)
  return buildDocument(live.state, who)
}

/**
 * A world's state blocks and their canonical text, each written once: the world as the hash
 * reads it (worldSnapshot is canonical-safe), the events and the runtime's blocks through a JSON
 * round trip first (what a file can hold of them: a NaN becomes null).
 */
function liveState(world: World, lastEvents: readonly SimEvent[], extra: ExtraState): { state: SnapshotState; text: string; worldText: string } {
  const worldJson = worldSnapshot(world)
  const worldText = canonicalJson(worldJson)
  const events = JSON.parse(JSON.stringify(lastEvents)) as Record<string, unknown>[]
  const blocks = JSON.parse(JSON.stringify(extra)) as ExtraState
  const texts: Record<string, string | undefined> = { world: worldText, last_events: canonicalJson(events) }
  for (const [k, v] of Object.entries(blocks)) texts[k] = v === undefined ? undefined : canonicalJson(v)
  return { state: { world: worldJson, ...blocks, last_events: events }, text: canonicalObjectOf(texts), worldText }
}

/** A copy of `doc` with a new state (and the identity that follows from it), checksum recomputed. */
export function withState(doc: SnapshotDocument, state: SnapshotState, applied = doc.migrations.applied): SnapshotDocument {
  return {
    ...doc,
    identity: { ...doc.identity, config_id: state.world.config_id, rng: rngFingerprints(state.world.rng) },
    tick: state.world.tick,
    state,
    checksum: stateChecksum(state),
    migrations: { applied }
  }
}

function annealOf(world: WorldJson): number | null {
  const policy = world.policy as { anneal_ratio?: unknown } | undefined
  const r = policy?.anneal_ratio
  return typeof r === 'number' && r >= 0 && r <= 1 ? r : null
}

/** Counts per section, for an inspection: agents, objects, ties, perturbations. */
export function stateCounts(state: SnapshotState): Record<string, number> {
  const w = state.world as Record<string, unknown>
  const len = (v: unknown) => (Array.isArray(v) ? v.length : 0)
  const agents = w.agents as { ids?: unknown } | undefined
  const objects = w.objects as { ids?: unknown } | undefined
  const society = w.society as { tie_count?: unknown } | undefined
  const perturbations = w.perturbations as { pending?: unknown; active?: unknown } | undefined
  return {
    agents: len(agents?.ids),
    objects: len(objects?.ids),
    ties: typeof society?.tie_count === 'number' && Number.isSafeInteger(society.tie_count) && society.tie_count >= 0 ? society.tie_count : 0,
    perturbations_pending: len(perturbations?.pending),
    perturbations_active: len(perturbations?.active),
    last_events: len(state.last_events)
  }
}
