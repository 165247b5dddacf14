/**
 * Turns a town's ticks into stream messages (stream-schema.ts) and hands them to a sink (the
 * TelemetryPipe): per tick its engine events, new narration lines, alerts raised and cleared;
 * per KPI window its KPIs; every `everyTicks` ticks a `loop.tick` and a `loop.health`. Everything
 * here runs on the tick's path, so it only builds small objects and enqueues: the sink's `send`
 * never waits on I/O. Reads the hub's snapshot and never changes the town.
 */
import type { Alert, Narration } from '../../../shared/contract/dto/society'
import type { PolicyIdentity } from '../../../shared/contract/dto/policy'
import type { ErrorCode } from '../../../shared/error-codes'
import type { SimEvent } from '../../sim/state/world'
import type { StreamReadout } from '../telemetry-hub'
import type { TelemetryPipeStatus } from '../transports/telemetry-pipe'
import { STREAM_SCHEMA_VERSION, type PayloadOf, type StreamKind } from './stream-schema'

/** Where messages go: the TelemetryPipe, or anything shaped like it. */
export interface StreamSink {
  send(message: unknown): void
  setTick(tick: number): void
  status(): TelemetryPipeStatus
}

/** What a `loop.health` reads of the town besides its telemetry; asked only every `everyTicks` ticks. */
export interface LoopFacts {
  policy(): PolicyIdentity
  consoleOps(): number
  perturbations(): { pending: number; active: number }
  exitQueue(): number
}

export interface StreamEmitterOptions {
  sink: StreamSink
  facts: LoopFacts
  /** `loop.tick` and `loop.health` cadence, in ticks. */
  everyTicks: number
  /** `kpi.window` goes out at every tick divisible by this (the config's stability.kpis.window_ticks). */
  kpiWindowTicks: number
  /** A monotonic clock in milliseconds (performance.now). */
  now: () => number
}

/** Default cadence of loop.tick and loop.health: once a simulated hour at a tick a minute. */
export const DEFAULT_LOOP_EVERY_TICKS = 60

export class StreamEmitter {
  private seq = 0
  private active = new Map<string, Alert>()
  private lastNarrationTick = -1
  private lastTickAt: number | null = null
  private windowTicks = 0
  private windowMs = 0
  private windowMax = 0
  private lastTick = 0
  private lastAlertsRevision = -1
  private source: StreamReadout | null = null

  constructor(private readonly opts: StreamEmitterOptions) {
    if (!Number.isSafeInteger(opts.everyTicks) || opts.everyTicks < 1) throw new RangeError('everyTicks must be a positive whole number')
    if (!Number.isSafeInteger(opts.kpiWindowTicks) || opts.kpiWindowTicks < 1) throw new RangeError('kpiWindowTicks must be a positive whole number')
  }

  /** Messages made so far (the next message's seq). */
  get sent(): number {
    return this.seq
  }

  /**
   * One tick, after the hub digested it: `source` reads the hub as it stands after this tick. Only
   * what goes out is built: the alert list when an alert was raised or cleared, the KPIs at a
   * window's end, the rewards summary at a loop message.
   */
  tick(tick: number, events: readonly SimEvent[], source: StreamReadout): void {
    const { sink } = this.opts
    sink.setTick(tick)
    this.time()
    this.lastTick = tick
    this.source = source
    for (const event of events) this.emit('engine.event', event.tick, event as PayloadOf<'engine.event'>)
    this.narrations(tick, source.narrationsAfter(this.lastNarrationTick))
    const revision = source.alertsRevision()
    if (revision !== this.lastAlertsRevision) {
      this.lastAlertsRevision = revision
      this.alerts(tick, source.alerts())
    }
    if (tick % this.opts.kpiWindowTicks === 0) {
      const kpis = source.kpis()
      if (kpis) this.emit('kpi.window', tick, kpis)
    }
    if (this.windowTicks >= this.opts.everyTicks) this.loop(tick)
  }

  /** The run ends: a last loop.tick and loop.health for the ticks since the previous ones. */
  finish(): void {
    if (this.windowTicks > 0) this.loop(this.lastTick)
  }

  /** The loop stopped on an error: our own words and code, never a host path. */
  failure(tick: number, code: ErrorCode, message: string, snapshot: string | null = null): void {
    this.emit('loop.failure', tick, { error: { code, message: message.slice(0, 2000) }, snapshot })
  }

  private emit<K extends StreamKind>(kind: K, tick: number, payload: PayloadOf<K>): void {
    this.opts.sink.send({ schema_version: STREAM_SCHEMA_VERSION, kind, tick, seq: this.seq++, payload })
  }

  /** The wall time since the previous tick's call, pauses between chunks included. */
  private time(): void {
    const now = this.opts.now()
    if (this.lastTickAt !== null) {
      const spent = Math.max(0, now - this.lastTickAt)
      this.windowMs += spent
      if (spent > this.windowMax) this.windowMax = spent
    }
    this.lastTickAt = now
    this.windowTicks++
  }

  /**
   * Lines narrated since the last tick sent: read from the hub's recent list, so whoever else
   * drained its new-lines list meanwhile (a frame, a recorder) takes none from the stream.
   */
  private narrations(tick: number, after: readonly Narration[]): void {
    for (const line of after) {
      if (line.tick <= tick) this.emit('narration', line.tick, line)
    }
    this.lastNarrationTick = tick
  }

  private alerts(tick: number, alerts: readonly Alert[]): void {
    if (alerts.length === 0 && this.active.size === 0) return
    const now = new Map<string, Alert>()
    for (const alert of alerts) {
      now.set(alert.name, alert)
      if (!this.active.has(alert.name)) this.emit('stability.alert', tick, { state: 'raised', alert })
    }
    for (const [name, alert] of this.active) {
      if (!now.has(name)) this.emit('stability.alert', tick, { state: 'cleared', alert })
    }
    this.active = now
  }

  private loop(tick: number): void {
    const { facts, sink } = this.opts
    const ticks = this.windowTicks
    const mean = this.windowMs / ticks
    const rewards = this.source?.rewards() ?? { mean_total: 0, components: {}, agents: 0 }
    this.emit('loop.tick', tick, { ticks, duration_ms: mean, rewards, policy: facts.policy() })
    const status = sink.status()
    this.emit('loop.health', tick, {
      tick_duration_ms: { mean, max: this.windowMax },
      queue_depth: { transport_messages: status.transports.reduce((m, t) => Math.max(m, t.queued_messages), 0), console_ops: facts.consoleOps() },
      transport: status,
      dropped: { transport: status.dropped_messages, unencodable: status.unencodable_messages },
      perturbations: facts.perturbations(),
      exit_queue: facts.exitQueue()
    })
    const metrics = this.source?.metrics()
    if (metrics) this.emit('stability.metrics', tick, metrics)
    this.windowTicks = 0
    this.windowMs = 0
    this.windowMax = 0
  }
}
