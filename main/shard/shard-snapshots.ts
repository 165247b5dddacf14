/**
 * Snapshots in the running shard: save the live town (world, policy runtime, console, telemetry
 * and identity) into `snapshot.storage.root`, autosave it every `snapshot.autosave.cadence_ticks`
 * keeping `retain`, and list, inspect, validate, preview, migrate, diff and load the files there.
 *
 * A load pauses the shard, reads and checks the file (bounded), applies the guardrails of the
 * live config (auto_apply migrations in memory), restores the world into a freshly built town,
 * builds a new simulation around it with the config's model, restores the runtime state beside
 * it, and only then swaps it in whole. Any refusal on the way leaves the live simulation, its
 * router and its hub untouched (a running clock starts again). Every request runs in turn.
 */
import { join } from 'node:path'
import type { LastSnapshot, MigrationPreview, SnapshotDiffDto, SnapshotEntry, SnapshotInspection, SnapshotList, SnapshotVerdict } from '../../shared/contract/dto/snapshots'
import { err, ok, type Result } from '../../shared/result'
import type { LoadedConfig } from '../config/load-config'
import type { ConsoleRouter, ConsoleRouterOptions } from '../console/console-router'
import type { SimEvent, World } from '../sim/state/world'
import { builtinMigrations } from '../snapshots/builtin-migrations'
import { resumePoint } from '../snapshots/load-snapshot'
import { prepareMigration } from '../snapshots/migrate-snapshot'
import { decodeSnapshotWithNotes, isGzip, MAX_SNAPSHOT_BYTES } from '../snapshots/snapshot-codec'
import { diffDocuments } from '../snapshots/snapshot-diff'
import { captureForEncoding, captureSnapshot, type SnapshotDocument } from '../snapshots/snapshot-document'
import { describeSnapshotFile } from '../snapshots/snapshot-entry'
import { readSnapshotBytes, readSnapshotChecked } from '../snapshots/snapshot-files'
import { inspectionOf, previewOf, verdictOf } from '../snapshots/snapshot-manager'
import { SnapshotStore, type SavedSnapshot } from '../snapshots/snapshot-store'
import { snapshotErr } from '../snapshots/snapshot-errors'
import type { TelemetryHub } from '../telemetry/telemetry-hub'
import type { ShardFiles } from './shard-options'
import { captureRuntimeState, restoreRuntimeState } from './shard-state-json'
import { runtimeBlocks, runtimeOf } from './shard-snapshot-state'
import type { Simulation } from './simulation'

/** What the snapshots need of the shard (Shard provides it). */
export interface SnapshotPort {
  simulation(): Simulation
  loaded(): LoadedConfig
  readonly files: ShardFiles | undefined
  /** The live world's console router, if one was made. */
  router(): ConsoleRouter | undefined
  hub(): TelemetryHub | undefined
  /** Stop the clock and any step; resolves once no tick is in flight, saying whether the clock ran. */
  halt(): Promise<boolean>
  /** Start the clock again (after a refused load of a running shard). */
  run(): void
  /** A simulation around a restored world, wired to the shard but not live. */
  candidate(loaded: LoadedConfig, resume: { world: World; lastEvents: readonly SimEvent[] }): { sim: Simulation }
  /** `sim`'s telemetry hub from now on (a restored one replaces the fresh one it was built with). */
  useHub(sim: Simulation, hub: TelemetryHub): void
  /** The live world's console router from now on (a restored one). */
  useRouter(router: ConsoleRouter): void
  /** Load the config's model into a candidate. */
  useModel(sim: Simulation, loaded: LoadedConfig): Promise<Result<void>>
  /** The options a router of this shard is built with (results listener, policy and snapshot hooks). */
  routerOptions(): ConsoleRouterOptions
  /** Make the candidate live, paused, with its restored router (or none yet). */
  adopt(sim: Simulation, router: ConsoleRouter | undefined): void
  log(level: 'info' | 'warn' | 'error', message: string): void
  /** A file appeared in the storage root without a request (an autosave). */
  stored?(name: string, reason: 'autosaved'): void
  /** `last` changed outside a town change (a save, a migration, an autosave): views are stale. */
  noted?(): void
}

/** How long a save waits for a tick in flight (a model scoring) to end before it gives up. */
const BOUNDARY_WAIT_MS = 10_000

export class ShardSnapshots {
  private lastSnapshot: LastSnapshot | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private nextAutosaveAt: number | null = null
  private readonly registry = builtinMigrations()

  constructor(private readonly port: SnapshotPort) {
    this.resetAutosave()
  }

  /** The latest snapshot this shard saved, autosaved, migrated or loaded. */
  get last(): LastSnapshot | null {
    return this.lastSnapshot
  }

  /**
   * The live town's snapshot document (world, runtime blocks, identity) at the next tick
   * boundary, exactly what a save writes, without writing it: `townlet run --save-snapshot`
   * writes it where the user says. `forEncoding`: its world shares the engine's arrays (no copy),
   * for a caller that encodes it before the next tick.
   */
  capture(options: { forEncoding?: boolean } = {}): Promise<Result<SnapshotDocument>> {
    return this.captureAtBoundary(options.forEncoding === true)
  }

  /**
   * The runtime blocks of `doc` (policy runtime, console, telemetry) restored into the live town,
   * as a load restores them into its candidate: for a shard built with `resume` from `doc`
   * (`townlet run --snapshot`), once its policy is attached (the saved runtime replaces what
   * attaching set up) and before its first tick. The restored hub and router become the live
   * ones. A refusal (`snapshot.invalid`) changes nothing; a world-only document restores nothing.
   */
  restoreRuntime(doc: SnapshotDocument): Result<void> {
    const sim = this.port.simulation()
    const router = this.restoreBlocks(sim, doc, this.port.loaded())
    if (!router.ok) return router
    if (router.value) this.port.useRouter(router.value)
    return ok(undefined)
  }

  /** Save the live town now (at the next tick boundary when a model is scoring one). */
  save(options: { gzip?: boolean; label?: string } = {}): Promise<Result<SnapshotEntry>> {
    return this.serial(async () => {
      const store = await this.store(true)
      if (!store.ok) return store
      const doc = await this.captureAtBoundary()
      if (!doc.ok) return doc
      const saved = await this.write(() => store.value.save(doc.value, options))
      if (!saved.ok) return saved
      this.note(saved.value.name, 'saved', doc.value)
      return ok(await this.entryOf(store.value, saved.value.name))
    })
  }

  list(): Promise<Result<SnapshotList>> {
    return this.serial(async () => {
      const store = await this.store(false)
      if (!store.ok) return store
      return ok({ root: store.value.label, snapshots: await store.value.list() })
    })
  }

  inspect(name: string): Promise<Result<SnapshotInspection>> {
    return this.serial(async () => {
      const store = await this.store(false)
      if (!store.ok) return store
      const read = await readSnapshotChecked(join(store.value.dir, name), this.files(), { allowDowngrade: true })
      if (!read.ok) return read
      const { warnings: _warnings, ...inspection } = await inspectionOf(read.value, this.files())
      return ok(inspection)
    })
  }

  validate(name: string, strict = false): Promise<Result<SnapshotVerdict>> {
    return this.serial(async () => {
      const bytes = await this.bytesOf(name)
      const loaded = this.port.loaded()
      const decoded = bytes.ok ? decodeSnapshotWithNotes(bytes.value, { allowDowngrade: loaded.config.snapshot.guardrails.allow_downgrade }) : bytes
      return ok(verdictOf(decoded, loaded, this.registry, { strict }))
    })
  }

  /** The chain from `name` to the live config, each step's description, the diff and a legacy import's report. */
  preview(name: string): Promise<Result<MigrationPreview>> {
    return this.serial(async () => {
      const bytes = await this.bytesOf(name)
      if (!bytes.ok) return bytes
      const loaded = this.port.loaded()
      const prepared = prepareMigration(bytes.value, loaded, this.registry)
      return prepared.ok ? ok(previewOf(name, loaded, prepared.value)) : prepared
    })
  }

  /**
   * Migrate `name` to the live config and save the result as a new file (in `output`, a folder
   * inside the workspace, or the storage root); the source is never modified. A snapshot that
   * already is the live config's is answered with its own entry and nothing is written.
   */
  migrate(name: string, output?: string): Promise<Result<SnapshotEntry>> {
    return this.serial(async () => {
      const source = await this.store(false)
      if (!source.ok) return source
      const bytes = await this.bytesOf(name)
      if (!bytes.ok) return bytes
      const loaded = this.port.loaded()
      const prepared = prepareMigration(bytes.value, loaded, this.registry)
      if (!prepared.ok) {
        this.port.log('error', `snapshot migrate ${name} refused: ${prepared.error.code}: ${prepared.error.message}`)
        return prepared
      }
      const { doc, chain } = prepared.value
      if (chain.length === 0) return ok(await this.entryOf(source.value, name))
      const target = output === undefined ? await this.store(true) : await SnapshotStore.open(this.files(), output)
      if (!target.ok) return target
      const saved = await this.write(() => target.value.save(doc, { gzip: isGzip(bytes.value) }))
      if (!saved.ok) return saved
      this.note(saved.value.name, 'migrated', doc)
      this.port.log('warn', `snapshot ${name} migrated to ${loaded.summary.config_id} by ${chain.map((s) => s.id).join(' → ')} into ${saved.value.name}; ${name} is unchanged`)
      return ok(await this.entryOf(target.value, saved.value.name))
    })
  }

  diff(a: string, b: string): Promise<Result<SnapshotDiffDto>> {
    return this.serial(async () => {
      const store = await this.store(false)
      if (!store.ok) return store
      const docs: SnapshotDocument[] = []
      for (const name of [a, b]) {
        const read = await readSnapshotChecked(join(store.value.dir, name), this.files(), { allowDowngrade: true })
        if (!read.ok) return err(read.error.code, `${name}: ${read.error.message}`, read.error.details)
        docs.push(read.value.doc)
      }
      return ok({ a, b, sections: diffDocuments(docs[0]!, docs[1]!) })
    })
  }

  /** Load `name` into the shard (paused after); on any refusal the shard stays exactly as it was. */
  load(name: string): Promise<Result<LastSnapshot>> {
    return this.serial(async () => {
      const outcome = await this.tryLoad(name)
      if (!outcome.ok) this.port.log('error', `snapshot load ${name} refused, the running town is unchanged: ${outcome.error.code}: ${outcome.error.message}`)
      return outcome
    })
  }

  private async tryLoad(name: string): Promise<Result<LastSnapshot>> {
    const loaded = this.port.loaded()
    const store = await this.store(false)
    if (!store.ok) return store
    const wasRunning = await this.port.halt()
    const refused = <T>(r: Result<T>) => {
      if (wasRunning) this.port.run()
      return r as Result<never>
    }
    const read = await readSnapshotChecked(join(store.value.dir, name), this.files(), { allowDowngrade: loaded.config.snapshot.guardrails.allow_downgrade })
    if (!read.ok) return refused(read)
    const point = resumePoint(read.value.doc, loaded, this.registry, read.value.warnings)
    if (!point.ok) return refused(point)
    const { sim } = this.port.candidate(loaded, { world: point.value.world, lastEvents: point.value.lastEvents })
    const model = await this.port.useModel(sim, loaded)
    if (!model.ok) return refused(model)
    const restored = this.restoreBlocks(sim, point.value.doc, loaded)
    if (!restored.ok) {
      sim.policy.use(null)
      return refused(restored)
    }
    const router = restored.value
    // A config loaded while the model was loading: this load was for the town that went away.
    if (this.port.loaded() !== loaded) {
      sim.policy.use(null)
      return err('console.conflict', `a new config was loaded while ${name} was loading; load it again for the new town`)
    }
    // Noted first, so the views the swap sends carry it.
    const last = this.note(name, 'loaded', point.value.doc, false)
    this.port.adopt(sim, router)
    this.resetAutosave()
    for (const w of point.value.warnings) this.port.log('warn', `snapshot ${name}: ${w.message}`)
    return ok(last)
  }

  /** `doc`'s runtime blocks into `sim`, its hub swapped in; answers the restored router (none: none was saved). */
  private restoreBlocks(sim: Simulation, doc: SnapshotDocument, loaded: LoadedConfig): Result<ConsoleRouter | undefined> {
    const runtime = runtimeOf(doc.state)
    if (runtime === undefined) return ok(undefined)
    const restored = restoreRuntimeState(sim, runtime, { router: this.port.routerOptions(), config: loaded.config })
    if (!restored.ok) return restored
    if (restored.value.hub) this.port.useHub(sim, restored.value.hub)
    return ok(restored.value.router)
  }

  /** After ticks (a clock slice, a step chunk): an autosave when the cadence is due. Never throws. */
  afterTicks(): void {
    const sim = this.port.simulation()
    const tick = sim.world.state.tick
    const cadence = this.port.loaded().config.snapshot.autosave.cadence_ticks
    if (this.nextAutosaveAt === null || cadence === null || tick < this.nextAutosaveAt || sim.stepInFlight || !this.port.files) return
    this.nextAutosaveAt = nextMultiple(tick, cadence)
    const retain = this.port.loaded().config.snapshot.autosave.retain
    // Captured now, at this tick boundary; written in turn with every other request.
    const doc = this.document()
    void this.serial(async () => {
      const store = await this.store(true)
      if (!store.ok) return this.port.log('warn', `autosave at tick ${tick} skipped: ${store.error.message}`)
      const saved = await this.write(() => store.value.autosave(doc, retain))
      if (!saved.ok) return this.port.log('warn', `autosave at tick ${tick} failed: ${saved.error.message}`)
      this.note(saved.value.saved.name, 'autosaved', doc)
      this.port.stored?.(saved.value.saved.name, 'autosaved')
    })
  }

  /** A new world (a config load, a snapshot load): the cadence counts from its tick. */
  resetAutosave(): void {
    const cadence = this.port.loaded().config.snapshot.autosave.cadence_ticks
    this.nextAutosaveAt = cadence === null ? null : nextMultiple(this.port.simulation().world.state.tick, cadence)
  }

  private document(forEncoding = false): SnapshotDocument {
    const sim = this.port.simulation()
    const identity = sim.policy.identity()
    const runtime = captureRuntimeState(sim, this.port.router(), this.port.hub())
    return (forEncoding ? captureForEncoding : captureSnapshot)(
      sim.world,
      sim.lastTickEvents,
      { policy_hash: identity.policy_hash, backend: identity.backend, provider: identity.execution_provider, observation_variant: identity.observation_variant },
      runtimeBlocks(runtime)
    )
  }

  /** A capture at a tick boundary: a model scoring a tick is waited for (bounded). */
  private async captureAtBoundary(forEncoding = false): Promise<Result<SnapshotDocument>> {
    const started = Date.now()
    while (this.port.simulation().stepInFlight) {
      if (Date.now() - started > BOUNDARY_WAIT_MS) return err('shard.timeout', `the tick in flight did not end within ${BOUNDARY_WAIT_MS} ms, so nothing was saved: pause the shard and save again`)
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    return ok(this.document(forEncoding))
  }

  private note(name: string, action: LastSnapshot['action'], doc: SnapshotDocument, announce = true): LastSnapshot {
    this.lastSnapshot = { name, action, tick: doc.tick, identity: doc.identity }
    if (announce) this.port.noted?.()
    return this.lastSnapshot
  }

  private files(): ShardFiles {
    // Only reached through store(), which refuses first when there are none.
    return this.port.files!
  }

  private async store(create: boolean): Promise<Result<SnapshotStore>> {
    if (!this.port.files) return snapshotErr('snapshot.outside_workspace', 'this shard names no workspace, so it keeps no snapshots: run it from the app or townlet, which name one')
    return SnapshotStore.open(this.port.files, this.port.loaded().config.snapshot.storage.root, { create })
  }

  private async bytesOf(name: string): Promise<Result<Buffer>> {
    const store = await this.store(false)
    if (!store.ok) return store
    const read = await readSnapshotBytes(join(store.value.dir, name), this.files(), MAX_SNAPSHOT_BYTES)
    return read.ok ? ok(read.value.bytes) : read
  }

  private async entryOf(store: SnapshotStore, name: string): Promise<SnapshotEntry> {
    return describeSnapshotFile(join(store.dir, name), name, this.files(), MAX_SNAPSHOT_BYTES)
  }

  /** A write's I/O failure is a runtime failure, answered, never thrown across the worker. */
  private async write<T extends SavedSnapshot | { saved: SavedSnapshot }>(run: () => Promise<T>): Promise<Result<T>> {
    try {
      return ok(await run())
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error'
      return err('internal.error', `the snapshot could not be written (${code}): check that the snapshot folder is writable and has room`)
    }
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run)
    this.queue = next.catch(() => undefined)
    return next
  }
}

/** The first multiple of `cadence` after `tick`. */
function nextMultiple(tick: number, cadence: number): number {
  return (Math.floor(tick / cadence) + 1) * cadence
}
