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
import { dirname } from 'node:path'
import type { Workspace } from '../fs/workspace'
import { affordancePath, formatIssue, type LoadedConfig } from '../config/load-config'
import type { HostRequest, ShardViewDto } from '../shard/protocol'
import type { EventBus } from './event-bus'
import { createCoalescer, type Coalescer } from './frame-coalescer'
import { watchFileChanges, type FileWatch } from './file-watcher'
import { HostError } from './host-error'
import { ShardWorkerClient } from './shard-worker-client'
import type { ObserverFrame, ObserverFull } from '../../shared/contract/dto/observer'
import { ObserverPacer } from './observer-pacer'
import { ObserverHub } from './observer-hub'
import type { ConsoleResult } from '../../shared/contract/dto/console'
import type { ConsoleEnvelope } from '../console/envelope'
import type { AgentDetail } from '../../shared/contract/dto/society'
import type { DecisionTrace, PolicyStatus } from '../../shared/contract/dto/policy'
import type { Result } from '../../shared/result'

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
}

/** The affordance file being watched for the live config, and whether its last edit was refused. */
interface AffordanceWatch {
  file: string
  watch: FileWatch
  /** Bumped whenever the watched config changes, so a reload started for an older one is dropped. */
  generation: number
  refused: boolean
}

/** How long `observer.full` waits for a just-started shard's first frame. */
const FIRST_FRAME_WAIT_MS = 5_000
/** The pacer session the host itself uses to wait for a first frame (no client is called this). */
const FIRST_FRAME_SESSION = '(host: first frame)'

export class ShardService {
  private client: ShardWorkerClient | undefined
  private loaded: LoadedConfig | undefined
  private lastView: ShardViewDto | undefined
  private failure: LoopFailure | undefined
  private restarts = 0
  private frameSeq = 0
  private readonly observer = new ObserverHub()
  private readonly pacer = new ObserverPacer(() => this.observer.full())
  /** A command changed the shard and its observer frame has not arrived yet (it follows the reply). */
  private observerBehind = false
  private readonly frames: Coalescer<ShardViewDto>
  private configPath: string | undefined
  private watching: AffordanceWatch | undefined
  private generation = 0
  private reloading = false
  private reloadAgain = false

  constructor(private readonly options: ShardServiceOptions) {
    this.frames = createCoalescer((view) => this.emitFrame(view), options.frameIntervalMs ?? 33)
  }

  /**
   * Spawn the worker with a config; rejects (as a HostError) if the worker cannot start.
   * `configPath` is the file the config came from (none for the embedded default): its
   * affordance file, if it names one, is watched and hot-reloaded.
   */
  async boot(loaded: LoadedConfig, configPath?: string): Promise<ShardStatus> {
    this.stopWatching()
    this.loaded = loaded
    this.configPath = configPath
    const status = await this.spawn(loaded)
    this.startWatching()
    return status
  }

  private spawn(loaded: LoadedConfig): Promise<ShardStatus> {
    this.failure = undefined
    this.options.onWorkerStart?.()
    this.client = new ShardWorkerClient({
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
        const out = this.observer.receive(frame)
        this.observerBehind = false
        if (out) this.pacer.publish(out)
      },
      onFailure: (failure) => this.onFailure(failure),
      onFrameFollows: () => {
        this.observerBehind = true
      },
      onConsoleResult: (result) => this.options.onConsoleResult?.(result)
    })
    return this.command({ type: 'init', loaded, files: { roots: this.options.workspace().toJSON().roots, base: this.options.workspaceBase } })
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

  /**
   * The whole town for a client that subscribes (or lost a diff). A shard that just started sends
   * its first frame right after it answered: wait for it a moment rather than refuse.
   */
  async observerFull(): Promise<ObserverFull> {
    // A command's reply goes out before the frame its change causes (so a Pause is never held up
    // by a big town's frame): a full frame asked for meanwhile waits for that frame.
    const full = this.observerBehind || !this.observer.full() ? await this.nextFrame(FIRST_FRAME_WAIT_MS) : this.observer.full()
    if (!full) throw new HostError('shard.not_ready', 'the shard has not sent its first frame yet: try again in a moment')
    return full
  }

  /** The mirror's town once the next frame arrived (or as it is after `ms`). */
  private async nextFrame(ms: number): Promise<ObserverFull | undefined> {
    // Placed at the mirror's newest frame (or none), the host's own session waits for the next.
    const placed = await this.pacer.next(FIRST_FRAME_SESSION, null, 0)
    await this.pacer.next(FIRST_FRAME_SESSION, placed?.seq ?? null, ms)
    this.pacer.forget(FIRST_FRAME_SESSION)
    this.observerBehind = false
    return this.observer.full()
  }

  /** The next observer frame for a session, at its own pace (see ObserverPacer). */
  observerNext(session: string, after: number | null, waitMs: number): Promise<ObserverFrame | null> {
    return this.pacer.next(session, after, waitMs)
  }

  /**
   * A quick clock command from a session (pause, start, resume, speed): that session's observer
   * frames wait until its reply is out, so the reply never queues behind a big frame.
   */
  async clockCommand(session: string, request: HostRequest): Promise<ShardStatus> {
    const release = this.pacer.hold(session)
    try {
      return await this.command(request)
    } finally {
      release()
    }
  }

  /** A client went away: its place in the observer stream is forgotten. */
  sessionEnded(session: string): void {
    this.pacer.forget(session)
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
    // Stop first: no reload of the old registry may be sent after the new config.
    this.stopWatching()
    let status: ShardStatus
    try {
      status = await this.command({ type: 'load-config', loaded })
    } catch (e) {
      // The old config stays (and with it its watch).
      this.startWatching()
      throw e
    }
    this.loaded = loaded
    this.configPath = configPath
    this.startWatching()
    this.options.events.emit('config.loaded', loaded.summary)
    return status
  }

  /** Start a fresh worker with the last good config, whether or not the old one failed. */
  async restart(): Promise<ShardStatus> {
    if (!this.loaded) throw new HostError('shard.not_ready', 'no config has been loaded yet')
    await this.client?.terminate()
    this.restarts += 1
    this.options.log('info', 'host', `restarting the shard worker with config ${this.loaded.summary.config_id} (restart #${this.restarts})`)
    // Same config, same watch; an edit made while the old worker was down is picked up now.
    const status = await this.spawn(this.loaded)
    if (this.watching) this.watching.watch.poke()
    else this.startWatching()
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
      stepping: this.failure ? null : view.stepping
    }
  }

  async dispose(): Promise<void> {
    this.pacer.dispose()
    this.stopWatching()
    this.frames.dispose()
    await this.client?.terminate()
    this.client = undefined
  }

  /** Watch the live config's affordance file, if it came from a file and names one. */
  private startWatching(): void {
    this.stopWatching()
    if (!this.loaded || this.configPath === undefined) return
    const file = affordancePath(this.configPath, this.loaded.config)
    if (file === undefined) return
    const watch = watchFileChanges(file, () => this.scheduleReload(), {
      debounceMs: this.debounceMs,
      onFallback: (reason) => this.options.log('warn', 'host', `${reason}; polling ${file} for affordance edits instead`)
    })
    this.watching = { file, watch, generation: ++this.generation, refused: false }
    this.options.log('info', 'host', `watching ${file} for affordance edits: a good edit reloads the registry live`)
    // An edit between loading the config and starting the watch is not missed.
    watch.poke()
  }

  private stopWatching(): void {
    this.generation += 1
    this.watching?.watch.close()
    this.watching = undefined
  }

  private get debounceMs(): number {
    return this.options.reloadDebounceMs ?? 150
  }

  /** Run one reload at a time; changes seen during one run another after it. */
  private scheduleReload(): void {
    if (this.reloading) {
      this.reloadAgain = true
      return
    }
    this.reloading = true
    void (async () => {
      try {
        do {
          this.reloadAgain = false
          await this.reloadAffordances()
        } while (this.reloadAgain)
      } catch (e) {
        this.options.log('error', 'host', 'an affordance reload failed inside the host (a bug); the host log has the details')
        this.options.hostLog?.('error', `affordance reload failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
      } finally {
        this.reloading = false
      }
    })()
  }

  /**
   * Re-read the watched affordance file; if it loads and the shard accepts it (the map's object
   * types all still exist), it becomes the live registry and the last good config's. Otherwise the
   * previous registry stays live and a warn log line lists every problem with its line.
   */
  private async reloadAffordances(): Promise<void> {
    const watching = this.watching
    if (!watching || !this.loaded) return
    const { file, generation } = watching
    const stale = (): boolean => this.generation !== generation || this.watching !== watching
    const load = await this.options.validator.checkAffordances(file, dirname(file), this.options.workspace().roots)
    if (stale()) return
    if (!load.ok) {
      // A file caught mid-save (an editor that truncates, then writes) fails to load, and its
      // watch fires again once the save ends: warn only if no newer change is on its way.
      await new Promise((resolve) => setTimeout(resolve, 2 * this.debounceMs))
      if (stale() || this.reloadAgain) return
      watching.refused = true
      const n = load.issues.length
      this.options.log(
        'warn',
        'host',
        `affordance registry ${file} not reloaded (${n} problem${n === 1 ? '' : 's'}); the previous registry stays live: ${load.issues.map(formatIssue).join('; ')}`
      )
      return
    }
    const next = load.affordances
    if (next.sha256 === this.loaded.affordances.sha256) {
      // Unchanged (a touch, an editor's extra event), or an edit reverted to what is live.
      if (watching.refused) this.options.log('info', 'host', `affordance registry ${file} matches the live registry again (sha256 ${next.sha256.slice(0, 12)})`)
      watching.refused = false
      return
    }
    const client = this.client
    if (this.failure || !client?.alive) {
      this.options.log('info', 'host', `affordance registry ${file} changed while the shard worker is down; it is applied when the shard restarts`)
      return
    }
    const result = await client.request({ type: 'reload-affordances', affordances: next })
    if (stale() || client !== this.client || !this.loaded) return
    if (!result.ok) {
      if (result.error.code === 'config.invalid') {
        watching.refused = true
        this.options.log('warn', 'host', `affordance registry ${file} refused by the shard: ${result.error.message}`)
      } else {
        this.options.log('warn', 'host', `affordance registry ${file} not applied: ${result.error.message}; it is tried again when the shard restarts`)
      }
      return
    }
    watching.refused = false
    // The last good config carries the new registry, so a restarted worker starts with it.
    this.loaded = { ...this.loaded, affordances: next }
    this.lastView = result.value
    this.frames.flush()
    const count = next.manifest.affordances.length
    this.options.log('info', 'host', `affordances reloaded from ${file}: ${count} affordance${count === 1 ? '' : 's'}, sha256 ${next.sha256.slice(0, 12)}`)
    if (load.warnings.length > 0) this.options.log('warn', 'host', `affordance registry ${file} has ${load.warnings.length} warning(s): ${load.warnings.map(formatIssue).join('; ')}`)
  }

  private onFailure(failure: LoopFailure): void {
    // Every client hears what failed and where it stopped; the stack (with the host's paths) is
    // for the operator's log only.
    const { stack, ...told } = failure
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
