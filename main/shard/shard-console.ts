/**
 * The shard's operator console: one ConsoleRouter per world (made on first use, so a new config
 * starts afresh; a loaded snapshot brings its own, restored), built with the shard's hooks, and
 * the one listener its queued commands' final results go to (the worker posts them to the host).
 */
import type { ConsoleResult } from '../../shared/contract/dto/console'
import { ConsoleRouter, type ConsoleRouterOptions } from '../console/console-router'
import type { TelemetryReadout } from '../console/command'
import type { Simulation } from './simulation'

/** What the shard hands its console besides the world: the policy, snapshots, transport status and the live hub. */
export type ShardConsoleHooks = Pick<ConsoleRouterOptions, 'policy' | 'snapshots' | 'transport'> & { hub?: TelemetryReadout['hub'] }

export class ShardConsole {
  private router: ConsoleRouter | undefined
  private listener: ((result: ConsoleResult) => void) | undefined

  constructor(
    private readonly sim: () => Simulation,
    private readonly hooks: () => ShardConsoleHooks
  ) {}

  /** The live world's router. */
  get live(): ConsoleRouter {
    if (this.router?.simulation !== this.sim()) this.router = new ConsoleRouter(this.sim(), this.options())
    return this.router
  }

  /** The live world's router if one was made (a snapshot saves its state; none yet saves null). */
  get existing(): ConsoleRouter | undefined {
    return this.router?.simulation === this.sim() ? this.router : undefined
  }

  /** What every router of this shard is built with: where results go, the policy and snapshot hooks. */
  options(): ConsoleRouterOptions {
    const { hub, ...hooks } = this.hooks()
    // Read when a command runs, not now: a snapshot load swaps the live world's hub.
    const telemetry: TelemetryReadout = {
      hub: () => hub?.(),
      tickTiming: () => this.sim().timing.view(),
      consoleOps: () => this.sim().pendingOps().length
    }
    return { onResult: (result) => this.listener?.(result), ...hooks, telemetry }
  }

  onResult(listener: (result: ConsoleResult) => void): void {
    this.listener = listener
  }

  /**
   * The world goes away: commands still waiting for its ticks get their final error now
   * (`engineOnly`: host-side work, like the snapshot_load that caused it, still settles), and
   * `next` (a restored router, or none yet) serves the new world.
   */
  replace(reason: string, options: { engineOnly?: boolean; next?: ConsoleRouter } = {}): void {
    this.router?.abandon(reason, { engineOnly: options.engineOnly === true })
    if (options.engineOnly === true) {
      // The next world's router: the loaded snapshot's, or a fresh one made now, so the work
      // still settling here (the load itself) is known to it.
      const next = options.next ?? new ConsoleRouter(this.sim(), this.options())
      this.router?.handOver(next)
      this.router = next
      return
    }
    this.router = options.next
  }
}
