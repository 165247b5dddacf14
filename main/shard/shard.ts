/**
 * The Shard: the single-thread runtime that owns one world and its clock. Later issues add the
 * policy, snapshots, telemetry and console to it. It runs inside the worker thread in the app,
 * and in-process in the CLI and tests.
 */
import type { ConfigSummary } from '../../shared/contract/dto/config-summary'
import type { ShardState, Speed } from '../../shared/contract/dto/shard-status'
import type { LoadedConfig } from '../config/load-config'
import type { AffordanceSource } from '../config/load-affordances'
import { err, ok, type Result } from '../../shared/result'
import { compileRegistry } from '../sim/affordances/registry'
import type { ShardConfig } from '../config/shard-config-schema'
import type { SimEvent } from '../sim/state/world'
import { summarizeWorld } from '../sim/world-summary'
import { STEP_CHUNK_MS, type ShardOptions, type ShardView, type StepOutcome } from './shard-options'
import { ShardFrames } from './shard-frames'
import { Simulation } from './simulation'
import { ShardClock } from './shard-clock'
import type { ConsoleResult } from '../../shared/contract/dto/console'
import { ConsoleRouter } from '../console/console-router'
import type { ConsoleEnvelope } from '../console/envelope'
import type { AgentDetail } from '../../shared/contract/dto/society'
import { agentDetail } from './agent-detail'
import { TelemetryHub, type SocietyTelemetry } from '../telemetry/telemetry-hub'
import type { TelemetryView } from './society-view'
import { loadOnnxPolicy } from '../policy/runtime/onnx-policy'
import { configuredModel } from '../policy/runtime/model-path'
import type { DecisionTrace, PolicyIdentity, PolicyStatus } from '../../shared/contract/dto/policy'
import type { JsonValue } from '../sim/state/world'

export type { ShardFiles, ShardOptions, ShardView, StepOutcome } from './shard-options'
export { STEP_CHUNK_MS } from './shard-options'

export class Shard {
  private sim: Simulation
  private telemetry: SocietyTelemetry | undefined
  private config: ShardConfig
  private summary: ConfigSummary
  private state: ShardState = 'idle'
  private readonly clock: ShardClock
  /** Step requests in flight, one after another. */
  private stepping: Promise<unknown> = Promise.resolve()
  /** The step running now (for views and progress), if any. */
  private stepUnderWay: { done: number; total: number } | null = null
  /** Bumped by start and by a config load: step requests still queued or running stop there. */
  private epoch = 0
  private readonly frames: ShardFrames<ShardView>

  constructor(
    loaded: LoadedConfig,
    private readonly options: ShardOptions
  ) {
    this.config = loaded.config
    this.summary = loaded.summary
    this.frames = new ShardFrames({
      scheduler: options.scheduler,
      view: () => this.view(),
      ...(options.onFrame ? { onFrame: options.onFrame } : {}),
      ...(options.frameIntervalMs === undefined ? {} : { frameIntervalMs: options.frameIntervalMs }),
      ...(options.onObserver ? { onObserver: options.onObserver } : {}),
      ...(options.observerIntervalMs === undefined ? {} : { observerIntervalMs: options.observerIntervalMs }),
      credit: options.observerCredit === true,
      town: () => ({ world: this.sim.world, configId: this.summary.config_id, telemetry: this.telemetryView() })
    })
    this.sim = this.createSimulation(loaded, options.resume)
    this.clock = new ShardClock(options.scheduler, { simulation: () => this.sim, afterSlice: (now) => this.afterSlice(now) }, defaultSpeed(loaded.config))
  }

  /** The running simulation (world, input log, console queue). */
  get simulation(): Simulation {
    return this.sim
  }

  private createSimulation(loaded: LoadedConfig, resume?: ShardOptions['resume']): Simulation {
    return this.adopt(this.buildSimulation(loaded, resume))
  }

  /** A new simulation wired to this shard's observer and telemetry, not yet the live one. */
  private buildSimulation(loaded: LoadedConfig, resume?: ShardOptions['resume']): Simulation {
    const onEvents = (events: SimEvent[]) => {
      if (sim === this.sim) this.frames.record(events)
      this.options.onEvents?.(events)
    }
    const sim: Simulation = new Simulation(loaded, { onEvents, logLimit: this.options.logLimit ?? 10_000, ...(resume ? { resume } : {}) })
    // Telemetry (rewards summary, stability alerts, KPIs, narration) watches every tick; a new
    // world starts it afresh.
    const hub = TelemetryHub.create(loaded.config)
    sim.onTick((events, decisions) => {
      if (sim === this.sim) this.telemetry = hub.observe({ world: sim.world, events, decisions })
    })
    return sim
  }

  /** Make `sim` the live simulation: the previous one stops applying ticks, views start afresh. */
  private adopt(sim: Simulation): Simulation {
    this.sim?.dispose()
    this.frames.resetObserver()
    this.telemetry = undefined
    return sim
  }

  /** The telemetry side's latest view, for observer frames. */
  private telemetryView(): TelemetryView | undefined {
    const t = this.telemetry
    if (!t) return undefined
    return { kpis: t.kpis, alerts: t.alerts, promotion: t.promotion, narrations: t.recent_narrations, rewards: { mean_total: t.rewards.mean_total, components: t.rewards.components } }
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
    return this.replaceWith(loaded, this.buildSimulation(loaded))
  }

  /**
   * Load a config with its policy: the model (if the config names one) is read, checked and
   * loaded against the new town first; if that fails the running world and policy stay and the
   * error says why. Otherwise the new world replaces the old, as `loadConfig` does.
   */
  async prepareConfig(loaded: LoadedConfig): Promise<Result<ShardView>> {
    const sim = this.buildSimulation(loaded)
    const named = configuredModel(loaded.config, loaded.summary.source)
    if (named !== undefined) {
      const path = await this.modelPath(named)
      if (!path.ok) return err(path.error.code, `${loaded.summary.source}: policy.model: ${path.error.message}; the running shard keeps its config`)
      const model = await loadOnnxPolicy(path.value, sim.policy.spec, { provider: loaded.config.policy.provider })
      if (!model.ok) return err(model.error.code, `${loaded.summary.source}: policy.model: ${model.error.message}; the running shard keeps its config`, model.error.details)
      sim.policy.use(model.value)
    }
    return ok(this.replaceWith(loaded, sim))
  }

  private replaceWith(loaded: LoadedConfig, sim: Simulation): ShardView {
    this.clock.stop()
    this.epoch++
    this.stepUnderWay = null
    this.consoleRouter?.abandon(`a new config (${loaded.summary.config_id}) was loaded before it reached a tick boundary`)
    this.config = loaded.config
    this.summary = loaded.summary
    this.sim = this.adopt(sim)
    this.clock.setSpeed(defaultSpeed(loaded.config))
    this.state = 'idle'
    return this.changed()
  }

  /**
   * Hot reload: compile a new affordance registry and swap it in between ticks (the shard runs on
   * one thread, so any call is between ticks); the clock keeps its state. Refused, with the
   * previous registry left live, if it does not compile or lacks an object type the map uses.
   */
  reloadAffordances(source: AffordanceSource): Result<ShardView> {
    const compiled = compileRegistry(source.manifest)
    if (!compiled.ok) {
      const problems = compiled.problems.filter((p) => !p.warning)
      return err('config.invalid', `${source.source} does not compile: ${problems.map((p) => `${p.path.join('.') || '<document>'}: ${p.message}`).join('; ')}; the previous affordance registry stays live`)
    }
    const onMap = [...new Set(this.sim.world.state.objects.types)].sort()
    const missing = onMap.filter((type) => !Object.hasOwn(source.manifest.object_types, type))
    if (missing.length > 0) {
      const names = missing.map((t) => `"${t}"`).join(', ')
      return err(
        'config.invalid',
        `${source.source} lacks object type${missing.length === 1 ? '' : 's'} ${names}, which the map uses: declare ${missing.length === 1 ? 'it' : 'them'} under object_types; the previous affordance registry stays live`,
        { missing_object_types: missing }
      )
    }
    this.sim.swapRegistry(compiled.registry)
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
        await sim.stepAsync()
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
      if (epoch !== this.epoch) return { view: this.view(), requested: ticks, done }
      this.stepUnderWay = null
      this.state = 'paused'
      return { view: this.changed(), requested: ticks, done }
    })
    this.stepping = run.catch(() => undefined)
    return run
  }

  // ---- the policy runtime (main/policy/runtime) ----

  /** Load the model the config names (backend onnx); on failure the scripted controller runs and the error is returned. */
  async attachConfiguredPolicy(): Promise<Result<PolicyIdentity>> {
    const path = configuredModel(this.config, this.summary.source)
    return path === undefined ? ok(this.sim.policy.identity()) : this.swapPolicy(path)
  }

  /**
   * Use another policy from the next tick: an .onnx file or "scripted". The model is read,
   * checked against this world's observation spec and loaded before anything changes; the
   * current policy stays on any failure.
   */
  async swapPolicy(model: string): Promise<Result<PolicyIdentity>> {
    const sim = this.sim
    if (model === 'scripted') {
      sim.policy.use(null)
      return ok(sim.policy.identity())
    }
    const path = await this.modelPath(model)
    if (!path.ok) return path
    const loaded = await loadOnnxPolicy(path.value, sim.policy.spec, { provider: this.config.policy.provider })
    if (!loaded.ok) return loaded
    if (sim !== this.sim) {
      void loaded.value.release()
      return err('console.conflict', 'a new config was loaded while the model was loading; swap again for the new town')
    }
    sim.policy.use(loaded.value)
    this.changed()
    return ok(sim.policy.identity())
  }

  /** A model file's real path inside the workspace (links followed), or why it may not be read. */
  private async modelPath(model: string): Promise<Result<string>> {
    const files = this.options.files
    if (!files) return err('fs.outside_workspace', `this shard reads no model files, so ${model} cannot be loaded: run it from a host or townlet run, which name the workspace`)
    return files.workspace.resolve(model, { base: files.base, what: 'policy model', codes: { notFound: 'policy.model_not_found', unreadable: 'policy.model_not_found' } })
  }

  policyStatus(): Omit<PolicyStatus, 'models'> {
    return this.sim.policy.status()
  }

  policyTrace(id: string): Result<DecisionTrace> {
    return this.sim.policy.trace(id)
  }

  setSpeed(speed: Speed): ShardView {
    this.clock.setSpeed(speed)
    return this.changed()
  }

  view(): ShardView {
    return {
      state: this.state,
      tick: this.tick,
      speed: this.clock.speed,
      measured_tps: this.state === 'running' ? round(this.clock.rate()) : 0,
      config: this.summary,
      world: summarizeWorld(this.sim.world),
      stepping: this.stepUnderWay === null ? null : { ...this.stepUnderWay }
    }
  }

  private get tick(): number {
    return this.sim.world.state.tick
  }

  /** Stop timers; the shard can be dropped afterwards. */
  dispose(): void {
    this.clock.stop()
  }

  // ---- operator console (main/console): one router per world, so a config load starts afresh ----
  private consoleRouter: ConsoleRouter | undefined
  private consoleListener: ((result: ConsoleResult) => void) | undefined

  /** The console router of the live world. */
  get console(): ConsoleRouter {
    if (this.consoleRouter?.simulation !== this.sim) {
      this.consoleRouter = new ConsoleRouter(this.sim, {
        onResult: (result) => this.consoleListener?.(result),
        policy: { status: () => this.policyStatus() as unknown as JsonValue, swap: async (model) => (await this.swapPolicy(model)) as Result<JsonValue> }
      })
    }
    return this.consoleRouter
  }

  /** Run an operator command (see ConsoleRouter): answered now, refused, or queued for the next tick. */
  submitConsole(envelope: ConsoleEnvelope): ConsoleResult {
    return this.console.submit(envelope)
  }

  /** Where final results of queued console commands go (the worker posts them to the host). */
  onConsoleResult(listener: (result: ConsoleResult) => void): void {
    this.consoleListener = listener
  }

  /** After a slice: a frame when one is due. */
  private afterSlice(now: number): void {
    this.frames.afterSlice(now)
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

/** The config's real-time cadence as a speed: 250 ms a tick is 4 ticks per second. */
export function defaultSpeed(config: ShardConfig): number {
  return 1000 / config.runtime.tick_ms
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
