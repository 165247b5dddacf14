/**
 * A snapshot file's content to a migrated document for a target config, with everything a preview
 * shows: the chain (each step's description), the structured diff it makes, and for a legacy 1.x
 * document the import's field-by-field report. Nothing is written here: the caller saves the
 * result as a new file (the source is never touched), or shows it and writes nothing (a dry run).
 * The result is checked against the target town (it must restore there), so a chain that yields
 * a world the target cannot run fails here, not at load.
 */
import { ok, type Result } from '../../shared/result'
import type { LoadedConfig } from '../config/load-config'
import { compileRegistry } from '../sim/affordances/registry'
import { worldSnapshot } from '../sim/hash/world-snapshot'
import type { World } from '../sim/state/world'
import { createWorld } from '../sim/town/create-world'
import { checkDocument, isLegacyDocument } from './check-document'
import type { LegacyImportReport } from './legacy/import-report'
import { legacyToDocument } from './legacy/legacy-document'
import { resumePoint } from './load-snapshot'
import { applyChain, planMigration, stepOf, type MigrationRegistry, type MigrationStep } from './migration-registry'
import { parseJsonBytes, MAX_SNAPSHOT_BYTES } from './snapshot-codec'
import { diffDocuments, diffWorlds, type DiffSection } from './snapshot-diff'
import { SNAPSHOT_SCHEMA_VERSION, type CaptureIdentity, type SnapshotDocument } from './snapshot-document'
import { enrichIdentity } from './snapshot-guardrails'
import { snapshotErr } from './snapshot-errors'

export interface PreparedMigration {
  /** The migrated document (in memory): save it as a new file, or show it. */
  doc: SnapshotDocument
  /** The steps it took; empty when the snapshot already is the target's. */
  chain: MigrationStep[]
  /** What the chain changed, per section (for a legacy import: against a fresh target town). */
  diff: DiffSection[]
  /** A legacy import's report: what mapped, what kept the target's default, what was dropped. */
  report: LegacyImportReport | null
  source: { config_id: string; schema_version: string; legacy: boolean }
}

/** Migrate the document in `bytes` to `target` along `registry` (a legacy document through the import). */
export function prepareMigration(bytes: Uint8Array, target: LoadedConfig, registry: MigrationRegistry, maxBytes = MAX_SNAPSHOT_BYTES): Result<PreparedMigration> {
  const json = parseJsonBytes(bytes, maxBytes)
  if (!json.ok) return json
  if (isLegacyDocument(json.value)) return importLegacy(json.value, target)
  const checked = checkDocument(json.value, { allowDowngrade: target.config.snapshot.guardrails.allow_downgrade })
  if (!checked.ok) return checked
  const source = checked.value.doc
  const plan = planMigration(source, { config_id: target.summary.config_id, schema_version: SNAPSHOT_SCHEMA_VERSION }, registry)
  if (!plan.ok) return plan
  const migrated = applyChain(source, plan.value, target)
  if (!migrated.ok) return migrated
  const doc = enrichIdentity(migrated.value, target)
  const fits = fitsTarget(doc, target, registry)
  if (!fits.ok) return fits
  return ok({ doc, chain: plan.value.map(stepOf), diff: diffDocuments(source, doc), report: null, source: { config_id: source.identity.config_id, schema_version: source.schema_version, legacy: false } })
}

function importLegacy(json: unknown, target: LoadedConfig): Result<PreparedMigration> {
  const fresh = freshTown(target)
  if (!fresh.ok) return fresh
  const who: CaptureIdentity = { policy_hash: target.config.snapshot.identity.policy_hash, backend: 'scripted', provider: null, observation_variant: target.config.features.systems.observations }
  const imported = legacyToDocument(json, { config: target.config, configId: target.summary.config_id, world: fresh.value }, who)
  if (!imported.ok) return snapshotErr(imported.error.code, imported.error.message, imported.error.details)
  const doc = enrichIdentity(imported.value.document, target)
  const step = doc.migrations.applied[doc.migrations.applied.length - 1]!
  return ok({
    doc,
    chain: [{ id: step.id, from: step.from, to: step.to, description: step.description }],
    diff: diffWorlds(worldSnapshot(fresh.value), doc.state.world),
    report: imported.value.report,
    source: { config_id: step.from.config_id, schema_version: step.from.schema_version, legacy: true }
  })
}

/** The migrated world must restore into the target town: what a load would do, done now. */
function fitsTarget(doc: SnapshotDocument, target: LoadedConfig, registry: MigrationRegistry): Result<true> {
  const point = resumePoint(doc, target, registry)
  if (point.ok) return ok(true)
  return snapshotErr('snapshot.migration_failed', `the migrated snapshot does not load into ${target.summary.config_id}'s town (${point.error.code}: ${point.error.message.slice(0, 300)}); nothing was written`)
}

function freshTown(target: LoadedConfig): Result<World> {
  const registry = compileRegistry(target.affordances.manifest)
  if (!registry.ok) return snapshotErr('snapshot.migration_failed', "the target config's affordance registry does not compile")
  const built = createWorld(target.config, registry.registry)
  if (!built.ok) return snapshotErr('snapshot.migration_failed', `the target config's town does not build: ${built.problems[0]?.message ?? ''}`)
  return ok(built.world)
}
