/**
 * Keeps one shard worker alive on behalf of every client: forwards clock commands, holds the last
 * good config, reports a crash once as `loop.failure`, and restarts a fresh worker on request.
 */
import type { ConfigSummary } from '../../shared/contract/dto/config-summary'
import type { LogLevel, LoopFailure } from '../../shared/contract/dto/events'
import { FRAME_SCHEMA_VERSION } from '../../shared/contract/dto/frame'
import type { ShardStatus } from '../../shared/contract/dto/shard-status'
import type { LoadedConfig } from '../config/load-config'
import type { HostRequest, ShardViewDto } from '../shard/protocol'
import type { EventBus } from './event-bus'
import { createCoalescer, type Coalescer } from './frame-coalescer'
import { HostError } from './host-error'
import { ShardWorkerClient } from './shard-worker-client'

export interface ShardServiceOptions {
  workerPath: string
  events: EventBus
  log(level: LogLevel, source: 'host' | 'shard', message: string): void
  /** Frames to clients: at most one per this many ms (about 30 a second by default). */
  frameIntervalMs?: number
}

export class ShardService {
  private client: ShardWorkerClient | undefined
  private loaded: LoadedConfig | undefined
  private lastView: ShardViewDto | undefined
  private failure: LoopFailure | undefined
  private restarts = 0
  private frameSeq = 0
  private readonly frames: Coalescer<ShardViewDto>

  constructor(private readonly options: ShardServiceOptions) {
    this.frames = createCoalescer((view) => this.emitFrame(view), options.frameIntervalMs ?? 33)
  }

  /** Spawn the worker with a config; rejects (as a HostError) if the worker cannot start. */
  async boot(loaded: LoadedConfig): Promise<ShardStatus> {
    this.loaded = loaded
    this.failure = undefined
    this.client = new ShardWorkerClient({
      workerPath: this.options.workerPath,
      onFrame: (view) => {
        this.lastView = view
        this.frames.push(view)
      },
      onLog: (level, message) => this.options.log(level, 'shard', message),
      onFailure: (failure) => this.onFailure(failure)
    })
    return this.command({ type: 'init', loaded })
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

  /** Replace the live config; the caller has validated it, so only a dead worker can refuse. */
  async loadConfig(loaded: LoadedConfig): Promise<ShardStatus> {
    const status = await this.command({ type: 'load-config', loaded })
    this.loaded = loaded
    this.options.events.emit('config.loaded', loaded.summary)
    return status
  }

  /** Start a fresh worker with the last good config, whether or not the old one failed. */
  async restart(): Promise<ShardStatus> {
    if (!this.loaded) throw new HostError('shard.not_ready', 'no config has been loaded yet')
    await this.client?.terminate()
    this.restarts += 1
    this.options.log('info', 'host', `restarting the shard worker with config ${this.loaded.summary.config_id} (restart #${this.restarts})`)
    return this.boot(this.loaded)
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
      restarts: this.restarts
    }
  }

  async dispose(): Promise<void> {
    this.frames.dispose()
    await this.client?.terminate()
    this.client = undefined
  }

  private onFailure(failure: LoopFailure): void {
    this.failure = failure
    this.frames.dispose()
    this.options.log('error', 'host', `shard worker failed: ${failure.reason}`)
    this.options.events.emit('loop.failure', failure)
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
