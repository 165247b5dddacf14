import { describe, expect, it } from 'vitest'
import type { HostMetrics } from '../host/metrics-probe'
import { metricFamilies } from './metrics-endpoint'
import { MAX_LABEL_VALUE_CHARS, renderExposition } from './prometheus-text'
import { emptySocketStats } from './socket-limits'
import { parseExposition, type ParsedFamily } from './testing/prometheus-parse'

const status: NonNullable<HostMetrics['status']> = {
  state: 'running',
  tick: 1200,
  speed: 'max',
  measured_tps: 850.5,
  config: { config_id: 'town', seed: 1, tick_ms: 100, ticks_per_day: 1440, start_time: '06:00', source: 'embedded:default', sha256: 'a'.repeat(64) },
  restarts: 2,
  stepping: null,
  last_snapshot: null,
  tick_histogram: { bounds_ms: [0.5, 1, 5], cumulative: [10, 900, 1190, 1200], count: 1200, sum_ms: 1034.5 }
}

function metrics(over: Partial<HostMetrics> = {}): HostMetrics {
  return {
    status,
    world: null,
    kpis: { window_ticks: 1440, tick: 1000, self_sufficiency: 0.75, tenure_days: null, relationship_coverage: 0.2, starvation_incidents: 3, lateness_rate: null, queue_conflict_rate: 0.1 },
    alerts: [],
    counters: { frames: 10, observer_frames: 4, worker_failures: 1, console_results: { ok: 2, error: 1, queued: 0 } },
    policy: null,
    telemetry: null,
    ...over
  }
}

function scrape(m: HostMetrics): Map<string, ParsedFamily> {
  return parseExposition(renderExposition(metricFamilies(m, { sockets: 3, stats: { ...emptySocketStats(), droppedEvents: 7 } })))
}

const samples = (families: Map<string, ParsedFamily>, name: string) => families.get(name)?.samples.map((s) => [s.labels, s.value]) ?? []

describe('the /metrics families', () => {
  it('reports the clock, KPIs with values only, and the sockets', () => {
    const f = scrape(metrics())
    expect(samples(f, 'townlet_tick')).toEqual([[{}, 1200]])
    expect(samples(f, 'townlet_tick_rate')).toEqual([[{}, 850.5]])
    expect(samples(f, 'townlet_target_tick_rate')).toEqual([[{}, Infinity]])
    expect(samples(f, 'townlet_worker_restarts_total')).toEqual([[{}, 2]])
    expect(samples(f, 'townlet_shard_state')).toEqual([
      [{ state: 'idle' }, 0],
      [{ state: 'running' }, 1],
      [{ state: 'paused' }, 0],
      [{ state: 'failed' }, 0]
    ])
    expect(samples(f, 'townlet_kpi')).toEqual([
      [{ kpi: 'self_sufficiency' }, 0.75],
      [{ kpi: 'relationship_coverage' }, 0.2],
      [{ kpi: 'starvation_incidents' }, 3],
      [{ kpi: 'queue_conflict_rate' }, 0.1]
    ])
    expect(samples(f, 'townlet_kpi_window_tick')).toEqual([[{}, 1000]])
    expect(samples(f, 'townlet_console_results_total')).toContainEqual([{ status: 'error' }, 1])
    expect(samples(f, 'townlet_socket_clients')).toEqual([[{}, 3]])
    expect(samples(f, 'townlet_socket_dropped_events_total')).toEqual([[{}, 7]])
    // Nothing known yet: absent, not zero.
    expect(samples(f, 'townlet_agents')).toEqual([])
    expect(samples(f, 'townlet_last_snapshot_tick')).toEqual([])
  })

  it('gives tick durations as a histogram in seconds: cumulative buckets, +Inf, sum and count', () => {
    const f = scrape(metrics())
    const h = f.get('townlet_tick_duration_seconds')
    expect(h?.type).toBe('histogram')
    expect(h?.samples.map((s) => [s.name, s.labels, s.value])).toEqual([
      ['townlet_tick_duration_seconds_bucket', { le: '0.0005' }, 10],
      ['townlet_tick_duration_seconds_bucket', { le: '0.001' }, 900],
      ['townlet_tick_duration_seconds_bucket', { le: '0.005' }, 1190],
      ['townlet_tick_duration_seconds_bucket', { le: '+Inf' }, 1200],
      ['townlet_tick_duration_seconds_sum', {}, 1.0345],
      ['townlet_tick_duration_seconds_count', {}, 1200]
    ])
    // A shard that does not time its ticks (or no shard yet): no histogram, not an empty one.
    expect(scrape(metrics({ status: { ...status, tick_histogram: null } })).get('townlet_tick_duration_seconds')?.samples ?? []).toEqual([])
  })

  it('counts alerts by name and severity, escaping and bounding names a config chose', () => {
    const hostile = 'x"} 1\ntownlet_admin 1'
    const long = 'n'.repeat(300)
    const alerts: HostMetrics['alerts'] = [
      { name: 'need_depleted', severity: 'critical' },
      { name: 'need_depleted', severity: 'critical' },
      { name: 'need_depleted', severity: 'warn' },
      { name: hostile, severity: 'warn' },
      { name: `${long}a`, severity: 'warn' },
      { name: `${long}b`, severity: 'warn' },
      ...Array.from({ length: 200 }, (_, i) => ({ name: `flood-${i}`, severity: 'warn' as const }))
    ]
    const f = scrape(metrics({ alerts }))
    expect(f.has('townlet_admin')).toBe(false)
    const active = samples(f, 'townlet_alerts_active')
    expect(active).toContainEqual([{ name: 'need_depleted', severity: 'critical' }, 2])
    expect(active).toContainEqual([{ name: 'need_depleted', severity: 'warn' }, 1])
    expect(active).toContainEqual([{ name: hostile, severity: 'warn' }, 1])
    // Two names alike once cut are one series.
    expect(active).toContainEqual([{ name: 'n'.repeat(MAX_LABEL_VALUE_CHARS), severity: 'warn' }, 2])
    expect(active.length).toBe(100)
  })

  it('gives policy latency in seconds, and leaves out what a failed shard cannot say', () => {
    const policy: HostMetrics['policy'] = {
      identity: { backend: 'onnx', policy_hash: 'b'.repeat(64), model: 'bc.onnx', execution_provider: 'cpu', observation_variant: 'compact', anneal_ratio: 1, option_set: ['idle'] },
      latency: { last_ms: 2, mean_ms: 1.5, p95_ms: null, history: [] },
      decisions: { last_tick: { scripted: 0, learned: 4, operator: 0 }, total: { scripted: 10, learned: 40, operator: 1 } }
    }
    const f = scrape(metrics({ policy }))
    expect(samples(f, 'townlet_policy_inference_latency_seconds')).toEqual([
      [{ stat: 'last' }, 0.002],
      [{ stat: 'mean' }, 0.0015]
    ])
    expect(samples(f, 'townlet_policy_info')).toEqual([[{ backend: 'onnx', model: 'bc.onnx', execution_provider: 'cpu' }, 1]])
    expect(samples(f, 'townlet_policy_decisions_total')).toContainEqual([{ by: 'learned' }, 40])
    const starting = scrape(metrics({ status: null, policy: null, kpis: null }))
    expect(samples(starting, 'townlet_shard_ready')).toEqual([[{}, 0]])
    expect(samples(starting, 'townlet_tick')).toEqual([])
    expect(samples(starting, 'townlet_policy_inference_latency_seconds')).toEqual([])
  })

  it('reports each telemetry transport by kind and target, escaped, with two transports to one target as one series', () => {
    const transport = (kind: 'tcp' | 'file' | 'websocket', target: string, connected: boolean, sent: number, dropped: number) => ({
      kind,
      target,
      connected,
      dropped_messages: dropped,
      sent_messages: sent,
      queued_bytes: 0,
      queued_messages: 0,
      failures: connected ? 0 : 3,
      reconnects: 0,
      last_success_tick: 10,
      last_failure_tick: connected ? null : 12,
      last_error: connected ? null : 'refused',
      last_error_code: connected ? null : ('telemetry.unreachable' as const)
    })
    const telemetry: HostMetrics['telemetry'] = {
      schema_version: 1,
      streaming: true,
      transports: [transport('tcp', 'tcp://127.0.0.1:9', false, 5, 40), transport('file', 'out "a"\nb.jsonl', true, 45, 0), transport('file', 'out "a"\nb.jsonl', false, 1, 2), transport('websocket', '/api/telemetry (1 observer)', true, 44, 1)],
      connected: false,
      dropped_messages: 50,
      host_lag_dropped: 7,
      unencodable_messages: 0,
      tick: 12
    }
    const text = renderExposition(metricFamilies(metrics({ telemetry }), { sockets: 0, stats: emptySocketStats() }))
    expect(text).toContain('townlet_transport_connected{kind="file",target="out \\"a\\"\\nb.jsonl"} 0')
    const f = parseExposition(text)
    expect(samples(f, 'townlet_transport_connected')).toEqual([
      [{ kind: 'tcp', target: 'tcp://127.0.0.1:9' }, 0],
      [{ kind: 'file', target: 'out "a"\nb.jsonl' }, 0],
      [{ kind: 'websocket', target: '/api/telemetry (1 observer)' }, 1]
    ])
    expect(samples(f, 'townlet_transport_sent_messages_total')).toContainEqual([{ kind: 'file', target: 'out "a"\nb.jsonl' }, 46])
    expect(samples(f, 'townlet_transport_dropped_messages_total')).toContainEqual([{ kind: 'tcp', target: 'tcp://127.0.0.1:9' }, 40])
    expect(samples(f, 'townlet_transport_host_lag_dropped_messages_total')).toEqual([[{}, 7]])
    expect(samples(f, 'townlet_telemetry_streaming')).toEqual([[{}, 1]])
    const none = scrape(metrics())
    expect(samples(none, 'townlet_transport_connected')).toEqual([])
    expect(samples(none, 'townlet_telemetry_streaming')).toEqual([[{}, 0]])
  })
})
