/**
 * What the host knows that `GET /metrics` reports (main/server/metrics-endpoint.ts): the latest
 * frame's world summary, the observer frames' society (KPIs, active alerts), counters of what the
 * bus carried (frames, worker failures, console results by status), and, asked of the worker on
 * each scrape, the policy runtime's inference latency. Everything here is a latest value or a
 * counter, so a long run costs no more memory than a short one.
 *
 * Tick durations come with the shard status (the worker's histogram), not through here.
 */
import type { ConsoleResult } from '../../shared/contract/dto/console'
import type { Frame } from '../../shared/contract/dto/frame'
import type { PolicyStatus } from '../../shared/contract/dto/policy'
import type { ShardStatus } from '../../shared/contract/dto/shard-status'
import type { Alert, Kpis, SocietyView } from '../../shared/contract/dto/society'
import type { WorldSummary } from '../../shared/contract/dto/world-summary'
import type { EventBus } from './event-bus'
import type { TelemetryStatus } from '../../shared/contract/dto/telemetry'

export interface HostMetrics {
  /** The shard's status now; null while it is still starting. */
  status: ShardStatus | null
  /** The latest frame's world summary; null before the first frame. */
  world: WorldSummary | null
  /** The latest closed KPI window an observer frame carried; null before the first. */
  kpis: Kpis | null
  /** The stability alerts active in the latest observer frame. */
  alerts: Pick<Alert, 'name' | 'severity'>[]
  /** Since the host started. */
  counters: { frames: number; observer_frames: number; worker_failures: number; console_results: Record<ConsoleResult['status'], number> }
  /** The policy runtime's identity, latency and decision counts; null when the worker could not say (failed, starting). */
  policy: Pick<PolicyStatus, 'identity' | 'latency' | 'decisions'> | null
  /** The telemetry transports now (the config's and the external observers' WebSocket); null when the host has none to say. */
  telemetry: TelemetryStatus | null
}

export class MetricsProbe {
  private world: WorldSummary | null = null
  private kpis: Kpis | null = null
  private alerts: Pick<Alert, 'name' | 'severity'>[] = []
  private readonly counters: HostMetrics['counters'] = { frames: 0, observer_frames: 0, worker_failures: 0, console_results: { ok: 0, error: 0, queued: 0 } }

  /** Count what the bus carries; returns the function that stops it. */
  attach(events: EventBus): () => void {
    return events.subscribe((name, payload) => {
      // The bus validated each payload against the contract before it reached us.
      if (name === 'shard.frame') {
        this.counters.frames += 1
        this.world = (payload as Frame).world
      } else if (name === 'loop.failure') this.counters.worker_failures += 1
      else if (name === 'console.result') this.counters.console_results[(payload as ConsoleResult).status] += 1
      else if (name === 'config.loaded') {
        // A new town has closed no KPI window and raised no alert yet.
        this.kpis = null
        this.alerts = []
      }
    })
  }

  /** The society of an observer frame (they reach clients by request, not over the bus). */
  recordSociety(society: Pick<SocietyView, 'kpis' | 'alerts'>): void {
    this.counters.observer_frames += 1
    if (society.kpis !== null) this.kpis = society.kpis
    // Only what the endpoint reports: an alert's message may be long, its `depleted` list longer.
    this.alerts = society.alerts.map((a) => ({ name: a.name, severity: a.severity }))
  }

  snapshot(status: ShardStatus | null, policy: HostMetrics['policy'], telemetry: TelemetryStatus | null = null): HostMetrics {
    return {
      status,
      world: this.world,
      kpis: this.kpis,
      alerts: [...this.alerts],
      counters: { ...this.counters, console_results: { ...this.counters.console_results } },
      policy,
      telemetry
    }
  }
}
