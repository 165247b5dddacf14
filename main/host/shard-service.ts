/**
 * Keeps one shard worker alive on behalf of every client: forwards clock commands, holds the last
 * good config, reports a crash once as `loop.failure`, and restarts a fresh worker on request.
 * While the config came from a file that names an affordance registry file, it watches that file
 * and hot-reloads the registry into the running shard (see `reloadAffordances`).
 */
import type { ConfigSummary } from '../../shared/contract/dto/config-summary'
import type { LogLevel, LoopFailure } from '../../shared/contract/dto/events'
import { FRAME_SCHEMA_VERSION } from '../../shared/contract/dto/frame'
import type { ShardStatus, StepStatus } from '../../shared/contract/dto/shard-status'
import type { ConfigValidator } from './config-validator'
import type { Workspace } from '../fs/workspace'
import type { LoadedConfig } from '../config/load-config'
import type { HostRequest, ShardViewDto } from '../shard/protocol'
import type { EventBus } from './event-bus'
import { createCoalescer, type Coalescer } from './frame-coalescer'
import { AffordanceHotReload } from './affordance-hot-reload'
import { HostError } from './host-error'
import { ShardWorkerClient } from './shard-worker-client'
import type { ObserverFrame, ObserverFull } from '../../shared/contract/dto/observer'
import { ObserverRelay } from './observer-relay'
import type { ConsoleResult } from '../../shared/contract/dto/console'
import type { ConsoleEnvelope } from '../console/envelope'
import type { AgentDetail } from '../../shared/contract/dto/society'
import type { DecisionTrace, PolicyStatus } from '../../shared/contract/dto/policy'
import type { Result } from '../../shared/result'
import type { SnapshotEntry } from '../../shared/contract/dto/snapshots'
import type { SnapshotReply, SnapshotRequest, TimelineReply, TimelineRequest } from '../shard/protocol'
import type { TimelineFrame } from '../../shared/contract/dto/timeline'
import { TimelineFrameGate } from './timeline-frame-gate'
import type { PreparedPipe, TelemetryHost } from './telemetry-host'

export interface ShardServiceOptions {
  workerPath: string
  events: EventBus
  /** Log lines every client sees (log.entry) as well as the host's log. */
  log(level: LogLevel, source: 'host' | 'shard', message: string): void
  /** The host's own log only: stack traces and paths that are for the operator, not every client. */
  hostLog?(level: LogLevel, message: string): void
  /** Frames to clients: at most one per this many ms (about 30 a second by default). */
  frameIntervalMs?: number
  /** Quiet time after an affordance file changes before it is reloaded (default 150 ms). */
  reloadDebounceMs?: number
  /** Final results of queued console commands, from the worker. */
  onConsoleResult?: (result: ConsoleResult) => void
  /** Every observer frame from the worker, as it arrives (the host's KPI history reads them). */
  onObserverFrame?: (frame: ObserverFrame) => void
  /** A new worker is starting: whatever the previous one had queued is gone. */
  onWorkerStart?: () => void
  /** How long a request waits for the worker's reply (or a step for its next progress report); 15 s by default. */
  requestTimeoutMs?: number
  /** Where named files may come from: the affordance reload reads through it, and the worker gets its roots. */
  workspace: () => Workspace
  /** Reads and checks a reloaded registry off the main thread. */
  validator: Pick<ConfigValidator, 'checkAffordances'>
  /** The folder relative model paths (policy_swap) resolve from: the host's working folder. */
  workspaceBase: string
  /** Runs the config's telemetry transports on this thread, fed by the worker (none: the shard never streams). */
  telemetry?: TelemetryHost
}

export class ShardService {
  private client: ShardWorkerClient | undefined
  private loaded: LoadedConfig | undefined
  private lastView: ShardViewDto | undefined
  private failure: LoopFailure | undefined
  private restarts = 0
  private frameSeq = 0
  private readonly observer = new ObserverRelay()
  private readonly frames: Coalescer<ShardViewDto>
  private configPath: string | undefined
  private readonly registryWatch: AffordanceHotReload
  /** The newest autosave this session heard of: a crash offers it (loop.failure's `autosave`). */
  private lastAutosave: string | null = null
  private readonly pastFrames = new TimelineFrameGate()

  constructor(private readonly options: ShardServiceOptions) {
    this.registryWatch = new AffordanceHotReload({
      live: () => (this.loaded && this.configPath !== undefined ? { loaded: this.loaded, configPath: this.configPath } : undefined),
      client: () => (this.failure || !this.client?.alive ? undefined : this.client),
      applied: (loaded, view) => {
        this.loaded = loaded
        this.lastView = view
        this.frames.flush()
      },
      log: options.log,
      ...(options.hostLog ? { hostLog: options.hostLog } : {}),
      validator: options.validator,
      workspace: options.workspace,
      debounceMs: options.reloadDebounceMs ?? 150
    })
    this.frames = createCoalescer((view) => this.emitFrame(view), options.frameIntervalMs ?? 33)
  }

  /**
   * Spawn the worker with a config; rejects (as a HostError) if the worker cannot start.
   * `configPath` is the file the config came from (none for the embedded default): its
   * affordance file, if it names one, is watched and hot-reloaded.
   */
  async boot(loaded: LoadedConfig, configPath?: string): Promise<ShardStatus> {
    this.registryWatch.stop()
    this.options.telemetry?.use(await this.preparePipe(loaded))
    this.loaded = loaded
    this.configPath = configPath
    const status = await this.spawn(loaded)
    this.registryWatch.start()
    return status
  }

  /** The telemetry pipe `loaded` asks for; a transport that cannot be right refuses the config. */
  private async preparePipe(loaded: LoadedConfig): Promise<PreparedPipe> {
    const prepared = await this.options.telemetry?.prepare(loaded)
    if (prepared && !prepared.ok) throw new HostError(prepared.error.code, prepared.error.message)
    return prepared?.value ?? { pipe: null, maxBufferBytes: 0 }
  }

  private async spawn(loaded: LoadedConfig): Promise<ShardStatus> {
    this.failure = undefined
    this.options.onWorkerStart?.()
    const client: ShardWorkerClient = new ShardWorkerClient({
      workerPath: this.options.workerPath,
      ...(this.options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: this.options.requestTimeoutMs }),
      onFrame: (view) => {
        this.lastView = view
        this.frames.push(view)
      },
      onLog: (level, message, detail) => {
        this.options.log(level, 'shard', message)
        if (detail !== undefined) this.options.hostLog?.(level, `shard: ${detail}`)
      },
      onObserver: (frame) => {
        this.observer.receive(frame)
        this.options.onObserverFrame?.(frame)
      },
      onFailure: (failure) => this.onFailure(failure),
      onFrameFollows: () => this.observer.frameFollows(),
      onConsoleResult: (result) => this.options.onConsoleResult?.(result),
      onSnapshotStored: (name, reason) => {
        this.lastAutosave = name
        this.options.events.emit('snapshot.changed', { reason })
      },
      onTelemetry: (batch) => this.options.telemetry?.receive(batch, client)
    })
    this.client = client
    const status = await this.command({ type: 'init', loaded, files: { roots: this.options.workspace().toJSON().roots, base: this.options.workspaceBase } })
    this.options.telemetry?.attachWorker(client)
    return status
  }

  /** One agent in depth for the inspector. */
  async agentDetail(id: string): Promise<AgentDetail> {
    if (this.failure || !this.client) throw new HostError('shard.failed', 'the shard worker has failed: restart it to inspect agents')
    const result = await this.client.agentDetail(id)
    if (!result.ok) throw new HostError(result.error.code, result.error.message)
    return result.value
  }

  /** The policy runtime's status, without the model list (the handler adds it). */
  async policyStatus(): Promise<Omit<PolicyStatus, 'models'>> {
    return this.queryWorker((client) => client.policyStatus(), 'see the policy')
  }

  /** One agent's latest decision trace, for the inspector. */
  async policyTrace(id: string): Promise<DecisionTrace> {
    return this.queryWorker((client) => client.policyTrace(id), 'trace decisions')
  }

  private async queryWorker<T>(ask: (client: ShardWorkerClient) => Promise<Result<T>>, what: string): Promise<T> {
    if (this.failure || !this.client) throw new HostError('shard.failed', `the shard worker has failed: restart it to ${what}`)
    const result = await ask(this.client)
    if (!result.ok) throw new HostError(result.error.code, result.error.message)
    return result.value
  }

  /** A snapshot read (list, inspect, validate, preview, diff): the worker reads the files. */
  async snapshot<R extends SnapshotRequest>(request: R): Promise<SnapshotReply<R['op']>> {
    return this.queryWorker((client) => client.snapshot(request), 'use snapshots')
  }

  /** Save the running town, or migrate a snapshot into a new file: clients hear their lists are stale. */
  async snapshotWrite(request: Extract<SnapshotRequest, { op: 'save' | 'migrate' }>): Promise<SnapshotEntry> {
    const entry = await this.snapshot(request)
    this.options.events.emit('snapshot.changed', { reason: request.op === 'save' ? 'saved' : 'migrated' })
    return entry
  }

  /** Load a snapshot into the running shard (paused first); a refused load leaves it as it was, and the log says why. */
  async snapshotLoad(name: string): Promise<ShardStatus> {
    const view = await this.snapshot({ op: 'load', name })
    this.lastView = view
    this.frames.flush()
    this.options.log('info', 'host', `snapshot ${name} loaded: the shard is paused at tick ${view.tick}`)
    this.options.events.emit('snapshot.changed', { reason: 'loaded' })
    return this.status()
  }

  /** A timeline read (status) or a bookmark: the worker answers from the session timeline. */
  async timeline<R extends Extract<TimelineRequest, { op: 'status' | 'bookmark' }>>(request: R): Promise<TimelineReply<R['op']>> {
    return this.queryWorker((client) => client.timeline(request), 'use the timeline')
  }

  /** The town at a past tick for one session, rebuilt on the worker (bounded: see TimelineFrameGate). */
  async timelineFrame(session: string, tick: number): Promise<TimelineFrame> {
    return this.pastFrames.run(session, () => this.queryWorker((client) => client.timeline({ op: 'frame', tick }), 'look at the past'))
  }

  /** Fork at a past tick or reopen a kept branch: the shard is paused and the rebuilt town goes live (a refusal leaves it as it was). */
  async timelineResume(request: Extract<TimelineRequest, { op: 'fork' | 'reopen' }>): Promise<ShardStatus> {
    const view = await this.queryWorker((client) => client.timeline(request), 'resume from the past')
    this.lastView = view
    this.frames.flush()
    this.options.log('info', 'host', request.op === 'fork' ? `the timeline forked at tick ${view.tick}: the shard is paused there` : `the timeline reopened a kept branch: the shard is paused at tick ${view.tick}`)
    return this.status()
  }

  /**
   * The whole town for a client that subscribes (or lost a diff). A shard that just started sends
   * its first frame right after it answered: wait for it a moment rather than refuse.
   */
  async observerFull(): Promise<ObserverFull> {
    const full = await this.observer.full()
    if (!full) throw new HostError('shard.not_ready', 'the shard has not sent its first frame yet: try again in a moment')
    return full
  }

  /** The next observer frame for a session, at its own pace (see ObserverPacer). */
  observerNext(session: string, after: number | null, waitMs: number): Promise<ObserverFrame | null> {
    return this.observer.next(session, after, waitMs)
  }

  /**
   * A quick clock command from a session (pause, start, resume, speed): that session's observer
   * frames wait until its reply is out, so the reply never queues behind a big frame.
   */
  async clockCommand(session: string, request: HostRequest): Promise<ShardStatus> {
    const release = this.observer.hold(session)
    try {
      return await this.command(request)
    } finally {
      release()
    }
  }

  /** A client went away: its place in the observer stream is forgotten. */
  sessionEnded(session: string): void {
    this.observer.forget(session)
  }

  /** Send an operator command to the shard; a failed or missing worker is refused like a clock command. */
  async console(envelope: ConsoleEnvelope): Promise<ConsoleResult> {
    if (this.failure || !this.client) {
      const reason = this.failure ? `: ${this.failure.reason}` : ''
      throw new HostError('shard.failed', `the shard worker has failed${reason}. Restart it to continue (the Restart button, or shard.restart).`)
    }
    const result = await this.client.console(envelope)
    if (!result.ok) throw new HostError(result.error.code, result.error.message)
    return result.value
  }

  /** The last tick the shard reported (0 before the first frame). */
  get lastTick(): number {
    return this.lastView?.tick ?? 0
  }

  get config(): ConfigSummary | undefined {
    return this.loaded?.summary
  }

  /** Send a clock command. A failed shard answers `shard.failed` until it is restarted. */
  async command(request: HostRequest): Promise<ShardStatus> {
    if (this.failure || !this.client) {
      const reason = this.failure ? `: ${this.failure.reason}` : ''
      throw new HostError('shard.failed', `the shard worker has failed${reason}. Restart it to continue (the Restart button, or shard.restart).`)
    }
    const result = await this.client.request(request)
    if (!result.ok) throw new HostError(result.error.code, result.error.message)
    this.lastView = result.value
    // The worker posted the frame for this change before its reply (one port keeps order);
    // send it to every client now rather than after the coalescing interval.
    this.frames.flush()
    return this.status()
  }

  /** Pause, then advance `ticks` ticks: the status after it and how many ticks ran (a pause cuts it short). */
  async step(ticks: number): Promise<StepStatus> {
    if (this.failure || !this.client) {
      const reason = this.failure ? `: ${this.failure.reason}` : ''
      throw new HostError('shard.failed', `the shard worker has failed${reason}. Restart it to continue (the Restart button, or shard.restart).`)
    }
    const result = await this.client.step(ticks)
    if (!result.ok) throw new HostError(result.error.code, result.error.message)
    this.lastView = result.value.view
    this.frames.flush()
    return { ...this.status(), stepped: { requested: result.value.requested, done: result.value.done } }
  }

  /**
   * Replace the live config; the caller has validated it, so only a dead worker can refuse.
   * `configPath` as for `boot`: the old config's affordance file stops being watched.
   */
  async loadConfig(loaded: LoadedConfig, configPath?: string): Promise<ShardStatus> {
    // The new pipe first: a transport that cannot be right refuses the config before the town changes.
    const pipe = await this.preparePipe(loaded)
    // Stop first: no reload of the old registry may be sent after the new config.
    this.registryWatch.stop()
    let status: ShardStatus
    try {
      status = await this.command({ type: 'load-config', loaded })
    } catch (e) {
      // The old config stays (and with it its watch and its pipe).
      this.registryWatch.start()
      this.options.telemetry?.discard(pipe)
      throw e
    }
    this.options.telemetry?.use(pipe)
    this.loaded = loaded
    this.configPath = configPath
    this.registryWatch.start()
    this.options.events.emit('config.loaded', loaded.summary)
    return status
  }

  /**
   * Start a fresh worker with the last good config, whether or not the old one failed; with
   * `snapshot` (the autosave a crash offered, or any file in the storage root) that town is then
   * loaded into it. A snapshot that does not load leaves the fresh town running, and says so.
   */
  async restart(snapshot?: string): Promise<ShardStatus> {
    const status = await this.restartFresh()
    if (snapshot === undefined) return status
    try {
      return await this.snapshotLoad(snapshot)
    } catch (e) {
      if (!(e instanceof HostError)) throw e
      throw new HostError(e.code, `the shard restarted with a fresh town, but ${snapshot} did not load: ${e.message}`, e.details)
    }
  }

  private async restartFresh(): Promise<ShardStatus> {
    if (!this.loaded) throw new HostError('shard.not_ready', 'no config has been loaded yet')
    await this.client?.terminate()
    this.restarts += 1
    this.options.log('info', 'host', `restarting the shard worker with config ${this.loaded.summary.config_id} (restart #${this.restarts})`)
    // Same config, same watch; an edit made while the old worker was down is picked up now.
    const status = await this.spawn(this.loaded)
    this.registryWatch.restarted()
    return status
  }

  status(): ShardStatus {
    if (!this.lastView) throw new HostError('shard.not_ready', 'the shard is still starting')
    return this.statusOf(this.lastView)
  }

  private statusOf(view: ShardViewDto): ShardStatus {
    return {
      state: this.failure ? 'failed' : view.state,
      tick: view.tick,
      speed: view.speed,
      measured_tps: this.failure ? 0 : view.measured_tps,
      config: view.config,
      restarts: this.restarts,
      stepping: this.failure ? null : view.stepping,
      last_snapshot: view.last_snapshot,
      tick_histogram: view.tick_histogram
    }
  }

  async dispose(): Promise<void> {
    this.observer.dispose()
    this.registryWatch.stop()
    this.frames.dispose()
    await this.client?.terminate()
    this.client = undefined
    await this.options.telemetry?.dispose()
  }

  private onFailure(failure: LoopFailure): void {
    // Every client hears what failed and where it stopped; the stack (with the host's paths) is
    // for the operator's log only.
    const { stack, ...rest } = failure
    const told = { ...rest, autosave: this.lastAutosave }
    this.failure = told
    this.frames.dispose()
    this.options.log('error', 'host', `shard worker failed: ${failure.reason}`)
    if (stack) this.options.hostLog?.('error', `shard worker failed: ${stack}`)
    this.options.events.emit('loop.failure', told)
    if (this.lastView) this.emitFrame(this.lastView)
  }

  private emitFrame(view: ShardViewDto): void {
    this.options.events.emit('shard.frame', {
      schema_version: FRAME_SCHEMA_VERSION,
      frame_seq: this.frameSeq++,
      status: this.statusOf(view),
      world: view.world
    })
  }
}
