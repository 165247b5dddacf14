/**
 * The Shard: the single-thread runtime that owns one world and its clock, with the policy, the
 * telemetry hub, the console and snapshots (shard-snapshots.ts) around it. It runs inside the
 * worker thread in the app, and in-process in the CLI and tests.
 */
import type { ShardState, Speed } from '../../shared/contract/dto/shard-status'
import type { LoadedConfig } from '../config/load-config'
import type { AffordanceSource } from '../config/load-affordances'
import { ok, type Result } from '../../shared/result'
import { registryFor } from './shard-registry'
import { summarizeWorld } from '../sim/world-summary'
import { defaultSpeed, DEFAULT_LOG_LIMIT, roundRate, STEP_CHUNK_MS, type ShardOptions, type ShardView, type StepOutcome } from './shard-options'
import { ShardFrames } from './shard-frames'
import type { Simulation } from './simulation'
import { ShardClock } from './shard-clock'
import type { ConsoleResult } from '../../shared/contract/dto/console'
import type { ConsoleRouter } from '../console/console-router'
import { ShardConsole } from './shard-console'
import type { ConsoleEnvelope } from '../console/envelope'
import type { AgentDetail } from '../../shared/contract/dto/society'
import { agentDetail } from './agent-detail'
import { ShardSimulations } from './shard-simulations'
import type { TelemetryView } from './society-view'
import type { TelemetryHub } from '../telemetry/telemetry-hub'
import { useConfiguredModel } from './shard-model'
import { ShardPolicyControl } from './shard-policy-control'
import { ShardSnapshots } from './shard-snapshots'
import { ShardTimeline } from './shard-timeline'
import { snapshotControl } from './snapshot-control'
import type { DecisionTrace, PolicyIdentity, PolicyStatus } from '../../shared/contract/dto/policy'
import type { JsonValue } from '../sim/state/world'

export type { ShardFiles, ShardOptions, ShardView, StepOutcome } from './shard-options'
export { defaultSpeed, STEP_CHUNK_MS } from './shard-options'

export class Shard {
  private sim: Simulation
  private state: ShardState = 'idle'
  private readonly clock: ShardClock
  /** Step requests in flight, one after another. */
  private stepping: Promise<unknown> = Promise.resolve()
  /** The step running now (for views and progress), if any. */
  private stepUnderWay: { done: number; total: number } | null = null
  /** Bumped by start and by a config load: step requests still queued or running stop there. */
  private epoch = 0
  private readonly frames: ShardFrames<ShardView>
  private loaded: LoadedConfig
  /** Builds the shard's simulations, each wired to the observer and a telemetry hub of its own. */
  private readonly sims: ShardSimulations
  /** Save, autosave, list and load snapshots of this shard's town. */
  readonly snapshots: ShardSnapshots
  /** The session's past: look at any recent tick, fork from it, reopen an abandoned branch. */
  readonly timeline: ShardTimeline
  private readonly policyControl: ShardPolicyControl

  constructor(
    loaded: LoadedConfig,
    private readonly options: ShardOptions
  ) {
    this.policyControl = new ShardPolicyControl({ sim: () => this.sim, loaded: () => this.loaded, files: options.files, changed: () => void this.changed() })
    this.loaded = loaded
    this.sims = new ShardSimulations({ live: () => this.sim, record: (events) => this.frames.record(events), logLimit: options.logLimit ?? DEFAULT_LOG_LIMIT, ...(options.onEvents ? { onEvents: options.onEvents } : {}) })
    this.frames = new ShardFrames({
      scheduler: options.scheduler,
      view: () => this.view(),
      ...(options.onFrame ? { onFrame: options.onFrame } : {}),
      ...(options.frameIntervalMs === undefined ? {} : { frameIntervalMs: options.frameIntervalMs }),
      ...(options.onObserver ? { onObserver: options.onObserver } : {}),
      ...(options.observerIntervalMs === undefined ? {} : { observerIntervalMs: options.observerIntervalMs }),
      credit: options.observerCredit === true,
      town: () => ({ world: this.sim.world, configId: this.loaded.summary.config_id, telemetry: this.sims.view() })
    })
    this.sim = this.adopt(this.sims.build(loaded, options.resume))
    this.clock = new ShardClock(options.scheduler, { simulation: () => this.sim, afterSlice: (now) => this.afterSlice(now) }, defaultSpeed(loaded.config))
    // What snapshots and the timeline both need of the shard.
    const port = {
      simulation: () => this.sim,
      loaded: () => this.loaded,
      files: options.files,
      halt: () => this.halt(),
      run: () => void this.start(),
      candidate: (l: LoadedConfig, resume: NonNullable<ShardOptions['resume']>) => this.sims.candidate(l, resume)
    }
    this.snapshots = new ShardSnapshots({
      ...port,
      router: () => this.consoles.existing,
      hub: () => this.sims.hubOf(this.sim),
      useHub: (sim, hub) => this.sims.useHub(sim, hub),
      useRouter: (router) => this.consoles.replace('the console was restored from a snapshot', { next: router }),
      useModel: (sim, l) => useConfiguredModel(sim, l, this.options.files, 'the running town is unchanged'),
      routerOptions: () => this.consoles.options(),
      adopt: (sim, router) => this.adoptPaused(sim, 'a snapshot was loaded before it reached a tick boundary', router, true),
      log: (level, message) => this.options.onLog?.(level, message),
      stored: (name, reason) => this.options.onSnapshotStored?.(name, reason),
      noted: () => {
        this.timeline.noteSnapshot(this.snapshots.last)
        this.changed()
      }
    })
    this.timeline = new ShardTimeline({ ...port, logLimit: options.logLimit ?? DEFAULT_LOG_LIMIT, adopt: (sim, reason) => this.adoptPaused(sim, reason), alerts: () => this.sims.alerts }, options.timeline === true)
  }

  /** The running simulation (world, input log, console queue). */
  get simulation(): Simulation {
    return this.sim
  }

  /**
   * Make `sim` the live simulation: the previous one stops applying ticks, views start afresh,
   * and its model session is released (every replacing path comes through here: config load,
   * snapshot load, fork, reopen).
   */
  private adopt(sim: Simulation): Simulation {
    const old = this.sim as Simulation | undefined
    old?.dispose()
    this.frames.resetObserver()
    this.sims.reset()
    // A tick still scoring on the old session (a clock slice, a step a config load cut short) ends first.
    if (old) this.sims.release(old, sim, () => Promise.all([this.stepping, this.clock.settled()]))
    return sim
  }

  /** Whether a state change's observer frame is still to go out (it follows the command's reply). */
  get observerFramePending(): boolean {
    return this.frames.observerPending
  }

  /** The receiver took the last observer frame: the next may be sent (see `observerCredit`). */
  observerAcked(): void {
    this.frames.acked()
  }

  /** A full observer frame on the next emission (a client lost the thread of diffs). */
  resetObserver(): void {
    this.frames.resetObserver()
  }

  /** Replace the world with a fresh one built from a new config (scripted policy); the clock stops. */
  loadConfig(loaded: LoadedConfig): ShardView {
    return this.replaceWith(loaded, this.sims.build(loaded))
  }

  /**
   * Load a config with its policy: the model (if the config names one) is read, checked and
   * loaded against the new town first; if that fails the running world and policy stay and the
   * error says why. Otherwise the new world replaces the old, as `loadConfig` does.
   */
  async prepareConfig(loaded: LoadedConfig): Promise<Result<ShardView>> {
    const sim = this.sims.build(loaded)
    const model = await useConfiguredModel(sim, loaded, this.options.files, 'the running shard keeps its config')
    return model.ok ? ok(this.replaceWith(loaded, sim)) : model
  }

  private replaceWith(loaded: LoadedConfig, sim: Simulation): ShardView {
    this.goLive(sim, `a new config (${loaded.summary.config_id}) was loaded before it reached a tick boundary`)
    this.loaded = loaded
    this.snapshots.resetAutosave()
    this.timeline.restart()
    this.clock.setSpeed(defaultSpeed(loaded.config))
    this.state = 'idle'
    return this.changed()
  }

  /**
   * `sim` goes live, paused (a loaded snapshot's with its restored router, a fork's): host-side
   * work (a snapshot_load itself, a policy swap) still settles; engine ops never apply. A loaded
   * snapshot (`newTimeline`) starts a timeline of its own; a fork carries the same one on.
   */
  private adoptPaused(sim: Simulation, reason: string, router?: ConsoleRouter, newTimeline = false): void {
    this.goLive(sim, reason, { engineOnly: true, ...(router ? { next: router } : {}) })
    this.snapshots.resetAutosave()
    this.state = 'paused'
    if (newTimeline) {
      this.timeline.restart()
      this.timeline.noteSnapshot(this.snapshots.last)
    }
    this.changed()
  }

  /** `sim` goes live: the clock and any step stop, and the old world's console commands settle. */
  private goLive(sim: Simulation, reason: string, consoles: Parameters<ShardConsole['replace']>[1] = {}): void {
    this.clock.stop()
    this.epoch++
    this.stepUnderWay = null
    this.sim = this.adopt(sim)
    this.consoles.replace(reason, consoles)
  }

  /** Stop the clock and any step, and wait until no tick is in flight; says whether the clock ran. */
  private async halt(): Promise<boolean> {
    const wasRunning = this.state === 'running'
    this.pause()
    await this.stepping
    await this.clock.settled()
    return wasRunning
  }

  /**
   * Hot reload: compile a new affordance registry and swap it in between ticks (the shard runs on
   * one thread, so any call is between ticks); the clock keeps its state. Refused, with the
   * previous registry left live, if it does not compile or lacks an object type the map uses.
   */
  reloadAffordances(source: AffordanceSource): Result<ShardView> {
    const compiled = registryFor(source, this.sim.world)
    if (!compiled.ok) return compiled
    this.sim.swapRegistry(compiled.value)
    return ok(this.changed())
  }

  start(): ShardView {
    if (this.state === 'running') return this.view()
    this.state = 'running'
    this.epoch++
    this.stepUnderWay = null
    this.clock.start()
    return this.changed()
  }

  /** Stop the clock, and any step under way or queued, at the next tick boundary. */
  pause(): ShardView {
    if (this.stepUnderWay !== null) {
      // Steps started before this pause stop at their next tick boundary (see stepTicks).
      this.epoch++
      this.stepUnderWay = null
      this.state = 'paused'
      return this.changed()
    }
    if (this.state !== 'running') return this.view()
    this.clock.stop()
    this.state = 'paused'
    return this.changed()
  }

  resume(): ShardView {
    return this.state === 'paused' ? this.start() : this.view()
  }

  /**
   * Pause if running, then advance exactly `ticks` ticks, synchronously: only with the scripted
   * controller (tests, benches). `advance` works with any policy.
   */
  step(ticks: number): ShardView {
    this.clock.stop()
    if (this.clock.busy) throw new Error('a model-driven slice is still running: use advance()')
    for (let i = 0; i < ticks; i++) this.sim.step()
    this.state = 'paused'
    this.snapshots.afterTicks()
    return this.changed()
  }

  /**
   * Pause if running, then advance exactly `ticks` ticks with whatever policy runs. Step requests
   * queue behind one another; pausing, starting the clock or loading a config cuts them short.
   */
  async advance(ticks: number): Promise<ShardView> {
    return (await this.stepTicks(ticks)).view
  }

  /**
   * `advance`, saying how far it got: the ticks run in chunks of about STEP_CHUNK_MS, yielding
   * between chunks so the worker can take a pause (or anything else) meanwhile; `onProgress`
   * hears the ticks done after each chunk, and frames carry the step under way.
   */
  stepTicks(ticks: number, onProgress?: (done: number, total: number) => void): Promise<StepOutcome> {
    // A model-driven slice in flight stops after its current tick.
    this.clock.stop()
    this.state = 'paused'
    const epoch = this.epoch
    const { scheduler } = this.options
    const run = this.stepping.then(async (): Promise<StepOutcome> => {
      await this.clock.settled()
      const sim = this.sim
      const live = () => sim === this.sim && epoch === this.epoch
      let done = 0
      if (!live()) return { view: this.view(), requested: ticks, done }
      this.stepUnderWay = { done, total: ticks }
      let chunkStart = scheduler.now()
      while (done < ticks && live()) {
        // The scripted controller steps without a promise per tick (on a small town those cost as much as the tick).
        if (sim.policy.async) await sim.stepAsync()
        else sim.step()
        done++
        if (this.stepUnderWay) this.stepUnderWay.done = done
        const now = scheduler.now()
        if (now - chunkStart >= STEP_CHUNK_MS && done < ticks) {
          onProgress?.(done, ticks)
          this.afterSlice(now)
          // A macrotask, not a microtask: the worker's message port runs before the next chunk.
          await new Promise<void>((resolve) => scheduler.after(0, resolve))
          chunkStart = scheduler.now()
        }
      }
      if (sim === this.sim) this.snapshots.afterTicks()
      if (epoch !== this.epoch) return { view: this.view(), requested: ticks, done }
      this.stepUnderWay = null
      this.state = 'paused'
      return { view: this.changed(), requested: ticks, done }
    })
    this.stepping = run.catch(() => undefined)
    return run
  }

  // ---- the policy runtime (main/policy/runtime), through shard-policy-control.ts ----
  attachConfiguredPolicy = (): Promise<Result<PolicyIdentity>> => this.policyControl.attachConfigured()
  /** Use another policy from the next tick: an .onnx file or "scripted"; the current one stays on any failure. */
  swapPolicy = (model: string): Promise<Result<PolicyIdentity>> => this.policyControl.swap(model)
  policyStatus = (): Omit<PolicyStatus, 'models'> => this.policyControl.status()
  policyTrace = (id: string): Result<DecisionTrace> => this.policyControl.trace(id)

  setSpeed(speed: Speed): ShardView {
    this.clock.setSpeed(speed)
    return this.changed()
  }

  view(): ShardView {
    return {
      state: this.state,
      tick: this.sim.world.state.tick,
      speed: this.clock.speed,
      measured_tps: this.state === 'running' ? roundRate(this.clock.rate()) : 0,
      config: this.loaded.summary,
      world: summarizeWorld(this.sim.world),
      stepping: this.stepUnderWay === null ? null : { ...this.stepUnderWay },
      last_snapshot: this.snapshots.last,
      tick_histogram: this.sim.timing.histogram()
    }
  }

  /** Stop timers; the shard can be dropped afterwards. */
  dispose(): void {
    this.clock.stop()
  }

  // ---- operator console (main/console): one router per world, so a config load starts afresh ----
  private readonly consoles = new ShardConsole(
    () => this.sim,
    () => ({
      policy: { status: () => this.policyStatus() as unknown as JsonValue, swap: async (model) => (await this.swapPolicy(model)) as Result<JsonValue> },
      snapshots: snapshotControl(this.snapshots),
      transport: () => this.transport?.() ?? null,
      hub: () => this.telemetryHub()
    })
  )
  /** Where the shard's telemetry stream goes, as telemetry_snapshot reports it (set by whoever made the pipe). */
  private transport: (() => JsonValue) | null = null

  /** The telemetry stream's transport status from now on (null: the shard streams nowhere). */
  reportTransport(status: (() => JsonValue) | null): void {
    this.transport = status
  }

  /** The console router of the live world. */
  get console(): ConsoleRouter {
    return this.consoles.live
  }

  /** Run an operator command (see ConsoleRouter): answered now, refused, or queued for the next tick. */
  submitConsole(envelope: ConsoleEnvelope): ConsoleResult {
    return this.consoles.live.submit(envelope)
  }

  /** Where final results of queued console commands go (the worker posts them to the host). */
  onConsoleResult(listener: (result: ConsoleResult) => void): void {
    this.consoles.onResult(listener)
  }

  /** After a slice: a frame when one is due. */
  private afterSlice(now: number): void {
    this.snapshots.afterTicks()
    this.frames.afterSlice(now)
  }

  /** The live town's latest telemetry (KPI window, active alerts), for recorders; undefined before its first tick. */
  telemetry(): TelemetryView | undefined {
    return this.sims.view()
  }

  /** The live town's telemetry hub: a stream emitter reads each tick's alerts, KPIs and narration from it. */
  telemetryHub(): TelemetryHub | undefined {
    return this.sims.hubOf(this.sim)
  }

  /** One agent in depth (relationships, reward) for the inspector. */
  agentDetail(id: string): Result<AgentDetail> {
    return agentDetail(this.sim.world, id)
  }

  /** Send the current frames now (a new shard announcing itself). */
  publish(): ShardView {
    return this.changed()
  }

  private changed(): ShardView {
    return this.frames.changed()
  }
}
