/**
 * `townlet run --snapshot S` (resume a saved town and run --ticks more) and `--save-snapshot S`
 * (save the town where the run ends). Paths go through the workspace like every other file the
 * command line names; a snapshot that cannot be used is a usage error (exit 2) with its code.
 *
 * A snapshot holds the world, the last tick's events and the runtime beside the world (the policy
 * runtime, the console's queued ops and router, the telemetry hub: main/shard/shard-state-json.ts),
 * so a resumed run carries on exactly where the saved one stopped.
 */
import { basename, dirname, join, resolve } from 'node:path'
import type { LoadedConfig } from '../config/load-config'
import type { ConsoleRouter } from '../console/console-router'
import { writeFileAtomic } from '../fs/atomic-write'
import type { Shard, ShardFiles } from '../shard/shard'
import { captureRuntimeState, restoreRuntimeState, RUNTIME_STATE_SCHEMA_VERSION } from '../shard/shard-state-json'
import { readSnapshotFile, resumePoint, type ResumePoint } from '../snapshots/load-snapshot'
import { encodeCapture } from '../snapshots/snapshot-codec'
import type { ExtraState, SnapshotDocument, SnapshotState } from '../snapshots/snapshot-document'
import { TelemetryHub } from '../telemetry/telemetry-hub'
import { UsageError } from './cli-io'

/** Where --save-snapshot writes: checked before the run, so a long run never ends in a refusal. */
export async function saveSnapshotPath(path: string | undefined, files: ShardFiles): Promise<string | undefined> {
  if (path === undefined) return undefined
  if (!/\.json(\.gz)?$/.test(path)) throw new UsageError(`--save-snapshot ${path}: name a .json or .json.gz file (.gz saves it gzipped)`)
  const folder = await files.workspace.resolve(dirname(resolve(files.base, path)), { base: files.base, what: 'snapshot folder', codes: { notFound: 'snapshot.not_found', unreadable: 'snapshot.invalid' } })
  if (!folder.ok) throw new UsageError(`--save-snapshot ${path}: ${folder.error.message}`)
  return join(folder.value, basename(path))
}

/** The document `--snapshot S` names, read and checked (its config is chosen from its identity next). */
export async function readResumeDocument(path: string, files: ShardFiles): Promise<SnapshotDocument> {
  if (path === '') throw new UsageError('--snapshot needs a file, e.g. --snapshot snapshots/snapshot-1200.json')
  const doc = await readSnapshotFile(path, files)
  if (!doc.ok) throw new UsageError(`--snapshot ${path}: ${doc.error.code}: ${doc.error.message}`)
  return doc.value
}

/** The guardrails against the config that will run it, then the world restored into its town. */
export function resumeFrom(path: string, doc: SnapshotDocument, loaded: LoadedConfig): ResumePoint {
  const point = resumePoint(doc, loaded)
  if (!point.ok) throw new UsageError(`--snapshot ${path}: ${point.error.code}: ${point.error.message}${point.error.code === 'snapshot.config_mismatch' ? ' (pass --config with that config)' : ''}`)
  return point.value
}

/**
 * The runtime a run keeps beside its shard for the snapshot it saves or resumed from. The shard's
 * own telemetry hub is not reachable from outside it, so a saving run keeps an identical one, fed
 * the same ticks (from the snapshot's saved state when it resumed one); the console router
 * restored from a snapshot settles the commands that were queued at the save.
 */
export class RunRuntime {
  private constructor(
    private readonly shard: Shard,
    private readonly hub: TelemetryHub | undefined,
    private readonly restoredRouter: ConsoleRouter | undefined
  ) {}

  /**
   * Call once the policy is attached (a model loaded again replaces the runtime state, which the
   * saved one then replaces in turn) and before the first tick. `saving`: keep a hub for the save.
   * `onNote` hears what a resumed run cannot carry over (the saved cmd_id cache, into a drill).
   */
  static attach(shard: Shard, resume: ResumePoint | undefined, saving: boolean, drilled = false, onNote?: (message: string) => void): RunRuntime {
    const sim = shard.simulation
    let hub: TelemetryHub | undefined
    let router: ConsoleRouter | undefined
    const saved = resume ? runtimeStateOf(resume.doc.state) : undefined
    if (saved !== undefined) {
      const restored = restoreRuntimeState(sim, saved)
      if (!restored.ok) throw new UsageError(`--snapshot: ${restored.error.code}: ${restored.error.message}`)
      hub = restored.value.hub
      router = restored.value.router
      // A drill's commands go through the shard's own router, which cannot take over the saved cache.
      const cached = router?.idempotency.size ?? 0
      if (drilled && cached > 0) onNote?.(`the snapshot's console remembers ${cached} cmd_id${cached === 1 ? '' : 's'}; this drill's commands do not see them (a cmd_id sent before the save is not answered from its first result)`)
    }
    if (!saving) hub = undefined
    else hub ??= TelemetryHub.create(sim.world.params.config)
    if (hub) {
      const h = hub
      sim.onTick((events, decisions) => void h.observe({ world: sim.world, events, decisions }))
    }
    return new RunRuntime(shard, hub, router)
  }

  /**
   * The blocks beside the world for the save. `drilled`: console commands went through the
   * shard's own router, whose state is then the one to keep.
   */
  capture(drilled: boolean): ExtraState {
    const sim = this.shard.simulation
    const router = drilled ? this.shard.console : this.restoredRouter
    const runtime = captureRuntimeState(sim, router, this.hub)
    // The document's blocks (the snapshot's own schema_version covers the runtime's).
    return { policy: { ...runtime.policy }, console: { ...runtime.console }, ...(runtime.telemetry ? { telemetry: { ...runtime.telemetry } } : {}) }
  }
}

/** The runtime state a document's blocks hold, or undefined for a snapshot saved without one (the world alone resumes). */
function runtimeStateOf(state: SnapshotState): unknown {
  if (state.policy === undefined) return undefined
  return {
    schema_version: RUNTIME_STATE_SCHEMA_VERSION,
    policy: state.policy,
    console: state.console ?? { pending_ops: [], router: null },
    telemetry: state.telemetry ?? null
  }
}

export async function saveSnapshot(shard: Shard, path: string, extra: ExtraState): Promise<void> {
  const sim = shard.simulation
  const identity = sim.policy.identity()
  const who = { policy_hash: identity.policy_hash, backend: identity.backend, provider: identity.execution_provider, observation_variant: identity.observation_variant }
  await writeFileAtomic(path, encodeCapture(sim.world, sim.lastTickEvents, who, extra, { gzip: path.endsWith('.gz') }))
}
