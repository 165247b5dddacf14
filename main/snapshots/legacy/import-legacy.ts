/**
 * Import a document written by the original Python Townlet (a 1.6 envelope or a bare 1.x state)
 * onto a target config: a new town is built from the target config, the legacy state is laid
 * over it section by section, and the result is the engine world JSON (`worldSnapshot`) plus a
 * report of what mapped, what kept the target's default and what was dropped, field by field.
 *
 * The town is rebuilt from the target's config and registry rather than changed in place, so the
 * caller's world is never touched, whatever the document holds. What cannot carry over is said:
 * RNG streams are reseeded from the target seed (Python MT19937 cannot continue as xoroshiro128+),
 * and sections without a counterpart (embeddings, stability, promotion, telemetry caches, the
 * console buffer) are counted and dropped. docs/legacy-import.md lists every field.
 */
import type { ShardConfig } from '../../config/shard-config-schema'
import { worldSnapshot } from '../../sim/hash/world-snapshot'
import { createStreams } from '../../sim/rng/rng-streams'
import { syncAgents } from '../../sim/society/sync-agents'
import { resetTickEvents, type World } from '../../sim/state/world'
import { createWorld } from '../../sim/town/create-world'
import { dayOf, clockText } from '../../sim/time/clock'
import { importAgents } from './import-agents'
import type { ImportContext } from './import-context'
import { importEmployment } from './import-employment'
import { importObjects } from './import-objects'
import { importPersonalities } from './import-personality'
import { importPerturbations } from './import-perturbations'
import { ReportBuilder, type LegacyImportReport } from './import-report'
import { importTies } from './import-ties'
import { legacyErr, legacyOk, type LegacyResult } from './legacy-result'
import { legacyRngStreams } from './legacy-rng'
import { dropUnusedSections, importIdentity, type LegacyRecord } from './legacy-sections'
import { parseLegacyDocument, type LegacyDocument } from './parse-legacy'

const RNG_REASONS = {
  mt19937_json: 'Python MT19937 state cannot continue as our xoroshiro128+ streams: reseeded from the target seed',
  pickle_base64: 'a pickled Python RNG (base64): cannot be read at all; reseeded from the target seed',
  seed: "the seed of the original's world-context RNG has no counterpart: our streams come from the target seed",
  unreadable: 'not a readable RNG state: reseeded from the target seed'
} as const

export interface LegacyImportTarget {
  config: ShardConfig
  configId: string
  /** A world built from `config` with createWorld; used as the template, never changed. */
  world: World
}

export interface LegacyImportValue {
  /** The engine world JSON, in the shape `worldSnapshot` gives. */
  world: Record<string, unknown>
  report: LegacyImportReport
  /** What the document said about itself, for the new snapshot's identity and history. */
  legacy: LegacyRecord
}

/** The import as a live world: for an in-process load, and for tests that tick it. */
export interface LegacyImportLive {
  live: World
  report: LegacyImportReport
  legacy: LegacyRecord
}

export function importLegacy(doc: unknown, target: LegacyImportTarget): LegacyResult<LegacyImportValue> {
  const imported = importLegacyWorld(doc, target)
  if (!imported.ok) return imported
  const { live, report, legacy } = imported.value
  return legacyOk({ world: worldSnapshot(live), report, legacy })
}

export function importLegacyWorld(doc: unknown, target: LegacyImportTarget): LegacyResult<LegacyImportLive> {
  if (target.configId !== target.config.config_id || target.world.params.configId !== target.configId) {
    return legacyErr('snapshot.migration_failed', 'the target world was not built from the target config: build it with createWorld from that config')
  }
  const parsed = parseLegacyDocument(doc)
  if (!parsed.ok) return parsed
  try {
    return overlay(parsed.value, target)
  } catch {
    // A bug, not the document: the caller gets a coded error, never a throw across the boundary.
    return legacyErr('snapshot.migration_failed', 'the legacy import failed inside the engine: report this with the document')
  }
}

function overlay(doc: LegacyDocument, target: LegacyImportTarget): LegacyResult<LegacyImportLive> {
  const built = createWorld(target.config, target.world.registry)
  if (!built.ok) return legacyErr('snapshot.migration_failed', `the target town cannot be built: ${built.problems[0]?.message ?? 'unknown problem'}`)
  const world = built.world
  const { state } = doc
  const report = new ReportBuilder()
  world.state.tick = state.tick
  const ctx: ImportContext = { world, state, report, slots: new Map(), objects: new Map(world.state.objects.ids.map((id, o) => [id, o])), tick: state.tick }
  const clock = world.params.clock
  report.map('tick', 1, `kept as it is: the target calendar reads it as day ${dayOf(clock, ctx.tick)} ${clockText(clock, ctx.tick)}`)
  if (state.ticks_per_day !== undefined && state.ticks_per_day !== clock.ticksPerDay) {
    report.warn(`the legacy day had ${state.ticks_per_day} ticks, the target's has ${clock.ticksPerDay}: remaining durations keep their ticks, the time of day differs`)
  }
  if (state.config_id !== target.configId) report.warn(`the document was written under config_id ${JSON.stringify(state.config_id.slice(0, 64))}; it now runs under ${target.configId}`)

  importAgents(ctx)
  syncAgents(world)
  importPersonalities(ctx)
  importObjects(ctx)
  importEmployment(ctx)
  importTies(ctx)
  importPerturbations(ctx)
  const legacy = importIdentity(ctx)
  dropUnusedSections(ctx, doc.unknownKeys)

  const streams = legacyRngStreams(state)
  world.state.rng = createStreams(target.config.seed)
  for (const s of streams) {
    const field = s.name === 'rng_state' ? 'rng_state' : `rng_streams.${s.name === 'world' || s.name === 'events' || s.name === 'policy' || s.name === 'context_seed' ? s.name : '(other)'}`
    report.drop(field, RNG_REASONS[s.encoding])
  }
  if (streams.length === 0) report.warn('the document holds no RNG state (1.6 requires one): the streams are seeded from the target seed anyway')
  // The import's own engine calls (spawns, price changes) are not events of the new run.
  resetTickEvents(world.state)

  const finished = report.build({
    source: { form: doc.form, schema_version: doc.schemaVersion, config_id: state.config_id.slice(0, 128), tick: state.tick, agents: state.agents.length, objects: Object.keys(state.objects ?? {}).length },
    target: { config_id: target.configId, seed: target.config.seed, tick: ctx.tick, agents: world.state.agents.count },
    rng: { reseeded_from: target.config.seed, streams }
  })
  return legacyOk({ live: world, report: finished, legacy })
}
