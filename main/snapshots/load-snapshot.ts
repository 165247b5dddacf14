/**
 * From a snapshot file to a world ready to resume: read through the workspace (bounded), decode
 * and check the document, apply the guardrails against the config that will run it (migrating
 * in memory when `snapshot.migrations.auto_apply` allows), and restore the world into a town
 * freshly built from that config. Each step answers with a coded error; nothing running is
 * touched here, so a failed load leaves the caller's shard as it was.
 */
import type { SnapshotProblem } from '../../shared/contract/dto/snapshots'
import { err, ok, type Result } from '../../shared/result'
import type { LoadedConfig } from '../config/load-config'
import { compileRegistry } from '../sim/affordances/registry'
import { restoreWorld } from '../sim/snapshot/restore-world'
import type { SimEvent, World } from '../sim/state/world'
import { createWorld } from '../sim/town/create-world'
import { builtinMigrations } from './builtin-migrations'
import type { MigrationRegistry, MigrationStep } from './migration-registry'
import type { SnapshotDocument } from './snapshot-document'
import { applyGuardrails } from './snapshot-guardrails'
import { snapshotErr } from './snapshot-errors'

export { readSnapshotChecked, readSnapshotFile } from './snapshot-files'

export interface ResumePoint {
  world: World
  lastEvents: SimEvent[]
  /** The document as loaded: migrated when auto_apply ran, identity completed from the config. */
  doc: SnapshotDocument
  /** What the guardrails allowed with a warning (another config_id, a newer minor). */
  warnings: SnapshotProblem[]
  /** Migrations applied in memory on the way in. */
  applied: MigrationStep[]
}

/**
 * The guardrails, then the restore. `notes` are the decoder's warnings (a lenient read), carried
 * into the outcome. A snapshot allowed in unmigrated (require_exact_config off) is read as this
 * config's town: it restores only if its world fits that town.
 */
export function resumePoint(doc: SnapshotDocument, loaded: LoadedConfig, registry: MigrationRegistry = builtinMigrations(), notes: readonly SnapshotProblem[] = []): Result<ResumePoint> {
  const guarded = applyGuardrails(doc, loaded, registry, notes)
  if (!guarded.ok) return guarded
  const { doc: ready, warnings, applied } = guarded.value
  const registryBuilt = compileRegistry(loaded.affordances.manifest)
  if (!registryBuilt.ok) return err('config.invalid', "the config's affordance registry does not compile")
  const fresh = createWorld(loaded.config, registryBuilt.registry)
  if (!fresh.ok) return err('config.invalid', `the config's town does not build: ${fresh.problems.map((p) => p.message).join('; ')}`)
  const world = ready.state.world.config_id === loaded.summary.config_id ? ready.state.world : { ...ready.state.world, config_id: loaded.summary.config_id }
  const restored = restoreWorld(fresh.world, world)
  if (!restored.ok) return snapshotErr('snapshot.invalid', `the saved world does not fit this town: ${restored.problems.join('; ')}`, { path: 'state.world' })
  const lastEvents = (ready.state.last_events ?? []) as unknown as SimEvent[]
  return ok({ world: restored.world, lastEvents, doc: ready, warnings, applied })
}
