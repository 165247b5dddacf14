import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Alert, Narration } from '../../../shared/contract/dto/society'
import type { SimEvent } from '../../sim/state/world'
import type { KpiView } from '../kpis/kpi-tracker'
import type { StreamReadout } from '../telemetry-hub'
import type { TelemetryPipeStatus } from '../transports/telemetry-pipe'
import { StreamEmitter, type StreamSink } from './stream-emitter'
import { StreamMessageSchema } from './stream-schema'

const POLICY = { backend: 'scripted', policy_hash: null, model: 'scripted', execution_provider: null, observation_variant: 'full', anneal_ratio: 1, option_set: [] } as const

function recordingSink() {
  const sent: unknown[] = []
  const status: TelemetryPipeStatus = { transports: [], connected: true, dropped_messages: 0, queued_bytes: 0, unencodable_messages: 0 }
  const sink: StreamSink = { send: (m) => sent.push(JSON.parse(JSON.stringify(m))), setTick: () => undefined, status: () => status }
  return { sink, sent }
}

function emitter(sink: StreamSink, everyTicks = 3, kpiWindowTicks = 4) {
  let t = 0
  return new StreamEmitter({
    sink,
    everyTicks,
    kpiWindowTicks,
    now: () => (t += 1.5),
    facts: { policy: () => ({ ...POLICY, option_set: [] }), consoleOps: () => 0, perturbations: () => ({ pending: 1, active: 0 }), exitQueue: () => 2 }
  })
}

const METRICS = { starvation_incidents: 0, needs_depleted: 1, lateness_rate: null, option_switch_rate: 0.1, option_decisions: 40, reward_mean: 0.2, reward_variance: 0.01, reward_samples: 40, queue_deltas: { ghost_step_events: 0, rotation_events: 1, cooldown_events: 2 }, rivalry_spikes: 0, affordance_failures: 3 }

/** A hub readout as TelemetryHub.stream gives it: the revision moves when the set of alert names does. */
function readouts() {
  let names: string | null = null
  let revision = 0
  return (alerts: Alert[], kpis: unknown, rewards: unknown, recent: readonly Narration[]): StreamReadout => {
    const key = alerts.map((a) => a.name).sort().join(',')
    if (key !== names) {
      names = key
      revision++
    }
    const at = revision
    return { alertsRevision: () => at, alerts: () => alerts, narrationsAfter: (t) => recent.filter((l) => l.tick > t), kpis: () => kpis as KpiView | null, rewards: () => rewards as ReturnType<StreamReadout['rewards']>, metrics: () => METRICS }
  }
}

const json: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 })
const eventType = fc.stringMatching(/^[a-z][a-z0-9_.]{0,20}$/)
const narration = (tick: number): fc.Arbitrary<Narration> => fc.record({ tick: fc.constant(tick), category: fc.constantFrom('chat', 'rivalry'), priority: fc.boolean(), text: fc.string(), agents: fc.array(fc.string(), { maxLength: 3 }) })
const alert: fc.Arbitrary<Alert> = fc.record({ name: fc.constantFrom('starvation_spike', 'rivalry_spike', 'need_depleted'), severity: fc.constantFrom('warn', 'critical'), message: fc.string(), tick: fc.nat(1000), priority: fc.boolean() })
const kpis = fc.option(
  fc.record({
    window_ticks: fc.nat(100),
    tick: fc.nat(100),
    self_sufficiency: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    tenure_days: fc.option(fc.double({ min: 0, max: 10, noNaN: true })),
    relationship_coverage: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    starvation_incidents: fc.nat(10),
    lateness_rate: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    queue_conflict_rate: fc.option(fc.double({ min: 0, max: 5, noNaN: true })),
    targets_missed: fc.array(fc.constantFrom('self_sufficiency', 'tenure_days'))
  })
)

/** One tick's inputs: its events (with fields of any JSON), the lines narrated at it, the alerts active and the KPIs. */
const tickInput = (tick: number) =>
  fc.record({
    events: fc.array(fc.tuple(eventType, fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), json, { maxKeys: 4 })), { maxLength: 4 }),
    narrations: fc.array(narration(tick), { maxLength: 2 }),
    alerts: fc.uniqueArray(alert, { selector: (a) => a.name, maxLength: 3 }),
    kpis,
    rewards: fc.record({ mean_total: fc.double({ noNaN: true, noDefaultInfinity: true }), components: fc.dictionary(fc.string({ maxLength: 6 }), fc.double({ noNaN: true, noDefaultInfinity: true })), agents: fc.nat(100) })
  })

describe('StreamEmitter', () => {
  it('every message it makes parses with the stream schema, seq rising by one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => tickInput(i + 1)))), fc.integer({ min: 1, max: 5 }), (ticks, every) => {
        const { sink, sent } = recordingSink()
        const e = emitter(sink, every)
        const recent: Narration[] = []
        const readout = readouts()
        ticks.forEach((input, i) => {
          const tick = i + 1
          recent.push(...input.narrations)
          const events = input.events.map(([type, fields]) => ({ ...(fields as Record<string, never>), type, tick }) as SimEvent)
          e.tick(tick, events, readout(input.alerts, input.kpis, input.rewards, recent.slice(-50)))
        })
        e.failure(ticks.length, 'policy.inference_failed', 'the policy failed')
        e.finish()
        sent.forEach((m, i) => {
          const parsed = StreamMessageSchema.safeParse(m)
          expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 2))).toBe(true)
          expect((m as { seq: number }).seq).toBe(i)
        })
        const kinds = sent.map((m) => (m as { kind: string }).kind)
        expect(kinds.filter((k) => k === 'engine.event')).toHaveLength(ticks.reduce((n, t) => n + t.events.length, 0))
        expect(kinds.filter((k) => k === 'narration')).toHaveLength(ticks.reduce((n, t) => n + t.narrations.length, 0))
        expect(kinds.filter((k) => k === 'loop.tick')).toHaveLength(Math.ceil(ticks.length / every))
        expect(kinds.filter((k) => k === 'stability.metrics')).toHaveLength(Math.ceil(ticks.length / every))
      }),
      { numRuns: 60 }
    )
  })

  it('says raised once when an alert appears and cleared once when it goes', () => {
    const { sink, sent } = recordingSink()
    const e = emitter(sink, 100)
    const a: Alert = { name: 'rivalry_spike', severity: 'warn', message: 'm', tick: 2, priority: false }
    const readout = readouts()
    const t = (alerts: Alert[]) => readout(alerts, null, { mean_total: 0, components: {}, agents: 0 }, [])
    e.tick(1, [], t([]))
    e.tick(2, [], t([a]))
    e.tick(3, [], t([a]))
    e.tick(4, [], t([]))
    const alerts = sent.filter((m) => (m as { kind: string }).kind === 'stability.alert') as { tick: number; payload: { state: string } }[]
    expect(alerts.map((m) => [m.tick, m.payload.state])).toEqual([
      [2, 'raised'],
      [4, 'cleared']
    ])
  })
})
