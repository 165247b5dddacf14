/**
 * What `GET /metrics` says, as Prometheus metric families (prometheus-text.ts renders them):
 * the shard's clock and state, the town's size and needs, the latest KPI window, the active
 * stability alerts by name, the policy's inference latency, worker restarts and failures, the
 * last snapshot, and the browser sockets' health. A value the host does not have yet (no frame,
 * no KPI window, a failed worker's policy) is left out rather than reported as zero.
 *
 * The tick-duration histogram is the worker's own (every tick since the simulation started, timed
 * in Simulation.advance), carried in the shard status; `townlet_tick_rate` is the measured rate.
 */
import { ShardStateSchema, type TickHistogram } from '../../shared/contract/dto/shard-status'
import type { HostMetrics } from '../host/metrics-probe'
import { clipLabelValue, type MetricFamily, type MetricType, type Sample } from './prometheus-text'
import type { SocketStats } from './socket-limits'

/** At most this many alert series: a config could name alerts without end. */
const MAX_ALERT_SERIES = 100

export interface ServerMetrics {
  sockets: number
  stats: SocketStats
}

const family = (name: string, type: MetricType, help: string, samples: readonly Sample[]): MetricFamily => ({ name: `townlet_${name}`, type, help, samples })
const one = (value: number | null | undefined, labels?: Record<string, string>): Sample[] => (value === null || value === undefined ? [] : [labels ? { labels, value } : { value }])

export function metricFamilies(host: HostMetrics, server: ServerMetrics): MetricFamily[] {
  const { status, world, kpis, policy, counters } = host
  return [
    family('shard_ready', 'gauge', '1 once the shard has started and answers, 0 while it is starting.', [{ value: status === null ? 0 : 1 }]),
    family(
      'shard_state',
      'gauge',
      'The shard clock state: 1 for the current state, 0 for the others.',
      status === null ? [] : ShardStateSchema.options.map((state) => ({ labels: { state }, value: status.state === state ? 1 : 0 }))
    ),
    family('tick', 'gauge', 'The tick the shard has reached.', one(status?.tick)),
    family('tick_rate', 'gauge', 'Ticks per second measured over the last second of running (0 when not running).', one(status?.measured_tps)),
    family('tick_duration_seconds', 'histogram', 'Wall-clock time of each tick since the simulation started (the engine tick and its listeners; policy inference not included).', tickHistogramSamples(status?.tick_histogram ?? null)),
    family('target_tick_rate', 'gauge', 'The speed asked for, in ticks per second (+Inf for max).', one(status && (status.speed === 'max' ? Infinity : status.speed))),
    family('worker_restarts_total', 'counter', 'Times the shard worker was restarted after a crash in this host session.', one(status?.restarts)),
    family('worker_failures_total', 'counter', 'Shard worker failures (loop.failure) in this host session.', [{ value: counters.worker_failures }]),
    family('last_snapshot_tick', 'gauge', 'The tick of the latest snapshot the shard saved, autosaved, migrated or loaded.', one(status?.last_snapshot?.tick)),
    family(
      'last_snapshot_info',
      'gauge',
      'The latest snapshot: its name and what happened to it (always 1).',
      one(status?.last_snapshot && 1, status?.last_snapshot ? { name: status.last_snapshot.name, action: status.last_snapshot.action } : undefined)
    ),
    family('config_info', 'gauge', 'The loaded config: its id and sha256 (always 1).', one(status && 1, status ? { config_id: status.config.config_id, sha256: status.config.sha256 } : undefined)),
    family('agents', 'gauge', 'Living agents in the latest frame.', one(world?.agents)),
    family('needs_mean', 'gauge', 'Mean need of the living agents in the latest frame (0 empty, 1 full).', world ? (['hunger', 'hygiene', 'energy'] as const).map((need) => ({ labels: { need }, value: world.needs[need] })) : []),
    family('agents_by_activity', 'gauge', 'Agents carrying out each option in the latest frame.', world ? Object.entries(world.activity).map(([activity, value]) => ({ labels: { activity }, value })) : []),
    family('kpi', 'gauge', 'The latest closed KPI window, one series per KPI (a KPI without a value yet is left out).', kpiSamples(kpis)),
    family('kpi_window_tick', 'gauge', 'The tick the latest KPI window ended at.', one(kpis?.tick)),
    family('kpi_window_ticks', 'gauge', 'Ticks the latest KPI window covers.', one(kpis?.window_ticks)),
    family('alerts_active', 'gauge', 'Stability alerts active in the latest observer frame, by name and severity.', alertSamples(host.alerts)),
    family(
      'policy_info',
      'gauge',
      'The policy runtime: its backend, model and execution provider (always 1).',
      one(policy && 1, policy ? { backend: policy.identity.backend, model: policy.identity.model, execution_provider: policy.identity.execution_provider ?? 'none' } : undefined)
    ),
    family('policy_inference_latency_seconds', 'gauge', 'Policy inference latency over the recent batches: last, mean and p95 (absent before a model ran).', latencySamples(policy)),
    family('policy_decisions_total', 'counter', 'Decisions made, by who made them.', policy ? Object.entries(policy.decisions.total).map(([by, value]) => ({ labels: { by }, value })) : []),
    family('frames_total', 'counter', 'Shard frames the host broadcast.', [{ value: counters.frames }]),
    family('observer_frames_total', 'counter', 'Observer frames the host received from the worker.', [{ value: counters.observer_frames }]),
    family('console_results_total', 'counter', 'Console command outcomes, by status.', Object.entries(counters.console_results).map(([status, value]) => ({ labels: { status }, value }))),
    family('socket_clients', 'gauge', 'Browser sockets connected now.', [{ value: server.sockets }]),
    family('socket_dropped_events_total', 'counter', 'Events not sent to a browser socket that was behind.', [{ value: server.stats.droppedEvents }]),
    family('socket_refused_replies_total', 'counter', 'Replies replaced by ipc.backpressure because the socket was behind.', [{ value: server.stats.refusedReplies }]),
    family('socket_closed_slow_total', 'counter', 'Browser sockets cut off for not reading.', [{ value: server.stats.closedSlow }]),
    ...transportFamilies(host.telemetry)
  ]
}

/**
 * The telemetry transports, one series per kind and target. Two transports that write to the same
 * target (or whose targets agree up to the label bound) are one series: connected only if both are.
 */
function transportFamilies(telemetry: HostMetrics['telemetry']): MetricFamily[] {
  const series = new Map<string, { labels: { kind: string; target: string }; connected: number; dropped: number; sent: number; failures: number }>()
  for (const t of telemetry?.transports ?? []) {
    const labels = { kind: t.kind, target: clipLabelValue(t.target) }
    const key = `${labels.kind}\u0000${labels.target}`
    const entry = series.get(key) ?? { labels, connected: 1, dropped: 0, sent: 0, failures: 0 }
    if (!t.connected) entry.connected = 0
    entry.dropped += t.dropped_messages
    entry.sent += t.sent_messages
    entry.failures += t.failures
    if (series.size < MAX_ALERT_SERIES || series.has(key)) series.set(key, entry)
  }
  const all = [...series.values()]
  const each = (pick: (e: (typeof all)[number]) => number): Sample[] => all.map((e) => ({ labels: e.labels, value: pick(e) }))
  return [
    family('telemetry_streaming', 'gauge', '1 while the shard streams its telemetry (a transport is configured or an external observer is connected).', [{ value: telemetry?.streaming ? 1 : 0 }]),
    family('transport_connected', 'gauge', 'Whether each telemetry transport can deliver now (1) or not (0).', each((e) => e.connected)),
    family('transport_dropped_messages_total', 'counter', 'Telemetry messages each transport dropped (buffer full, retries exhausted, output closed).', each((e) => e.dropped)),
    family('transport_sent_messages_total', 'counter', 'Telemetry messages each transport delivered.', each((e) => e.sent)),
    family('transport_failures_total', 'counter', 'Failed writes, connects or POSTs of each telemetry transport.', each((e) => e.failures)),
    family('transport_host_lag_dropped_messages_total', 'counter', 'Telemetry messages the shard worker dropped because the host had not taken its last batch.', [{ value: telemetry?.host_lag_dropped ?? 0 }])
  ]
}

function kpiSamples(kpis: HostMetrics['kpis']): Sample[] {
  if (!kpis) return []
  const { window_ticks: _w, tick: _t, ...values } = kpis
  return Object.entries(values).flatMap(([kpi, value]) => one(value, { kpi }))
}

function alertSamples(alerts: HostMetrics['alerts']): Sample[] {
  // Counted by the name as it will be written (cut to the label bound), so a cut cannot make two series alike.
  const counts = new Map<string, { name: string; severity: string; value: number }>()
  for (const alert of alerts) {
    const name = clipLabelValue(alert.name)
    const key = `${alert.severity}\u0000${name}`
    const entry = counts.get(key)
    if (entry) entry.value += 1
    else if (counts.size < MAX_ALERT_SERIES) counts.set(key, { name, severity: alert.severity, value: 1 })
  }
  return [...counts.values()].map(({ name, severity, value }) => ({ labels: { name, severity }, value }))
}

function latencySamples(policy: HostMetrics['policy']): Sample[] {
  if (!policy) return []
  const { last_ms, mean_ms, p95_ms } = policy.latency
  const seconds = (ms: number | null): number | null => (ms === null ? null : ms / 1000)
  return [...one(seconds(last_ms), { stat: 'last' }), ...one(seconds(mean_ms), { stat: 'mean' }), ...one(seconds(p95_ms), { stat: 'p95' })]
}

/** A Prometheus histogram from the shard's cumulative counts: `le` in seconds, `+Inf` last, then `_sum` and `_count`. */
function tickHistogramSamples(h: TickHistogram | null): Sample[] {
  if (h === null) return []
  const buckets: Sample[] = h.bounds_ms.map((ms, i) => ({ suffix: '_bucket', labels: { le: String(ms / 1000) }, value: h.cumulative[i] ?? 0 }))
  return [...buckets, { suffix: '_bucket', labels: { le: '+Inf' }, value: h.count }, { suffix: '_sum', value: h.sum_ms / 1000 }, { suffix: '_count', value: h.count }]
}
