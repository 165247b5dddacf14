import { describe, expect, it } from 'vitest'
import { AlertSchema, KpisSchema, NarrationSchema, PromotionSchema, SocietyViewSchema } from '../../shared/contract/dto/society'
import { loadScenario } from '../scenarios/scenario-harness'
import { decideScripted } from '../policy/scripted/scripted-controller'
import { tick } from '../sim/tick'
import { TelemetryHub } from './telemetry-hub'
import { runWithHub } from './testing/hub-runner'

/** True when the value survives JSON unchanged: no undefined, NaN, Infinity, class instances or typed arrays. */
function jsonSafe(value: unknown): boolean {
  return JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value) && deepPlain(value)
}
function deepPlain(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true
  if (typeof v === 'number') return Number.isFinite(v)
  if (Array.isArray(v)) return v.every(deepPlain)
  if (typeof v === 'object') return Object.getPrototypeOf(v) === Object.prototype && Object.values(v as object).every(deepPlain)
  return false
}

describe('TelemetryHub', () => {
  it('answers a JSON-safe snapshot whose parts fit the society DTO', async () => {
    const s = await loadScenario('default.yaml')
    const { snapshots } = runWithHub(s.sim.world, 800)
    const last = snapshots[snapshots.length - 1]!
    for (const snap of [snapshots[0]!, snapshots[400]!, last]) {
      expect(jsonSafe(snap)).toBe(true)
      expect(KpisSchema.nullable().parse(snap.kpis)).toBeTruthy()
      for (const a of snap.alerts) expect(AlertSchema.parse(a)).toEqual(a)
      for (const n of [...snap.narrations, ...snap.recent_narrations]) expect(NarrationSchema.parse(n)).toEqual(n)
      expect(PromotionSchema.parse(snap.promotion).candidate_ready).toBe(snap.promotion.candidate_ready)
      expect(SocietyViewSchema.shape.rewards.parse(snap.rewards)).toMatchObject({ mean_total: snap.rewards.mean_total })
    }
    expect(last.tick).toBe(800)
    expect(last.rewards.agents).toBe(8)
    // Narrations are handed out once: the per-tick lines add up to what the recent list holds.
    const handed = snapshots.flatMap((x) => x.narrations)
    expect(handed.length).toBeGreaterThan(0)
    expect(last.recent_narrations).toEqual(handed.slice(-50))
  })

  it('continues exactly after toJSON/fromJSON, mid-run', async () => {
    const s = await loadScenario('scenarios/employment_punctuality.yaml')
    const world = s.sim.world
    const config = world.params.config
    const straight = TelemetryHub.create(config)
    let restored: TelemetryHub | undefined
    for (let t = 1; t <= 900; t++) {
      const decisions = decideScripted(world)
      const events = tick(world, { decisions, console: [] })
      const a = straight.observe({ world, events, decisions })
      if (restored) expect(restored.observe({ world, events, decisions })).toEqual(a)
      if (t === 400) {
        const copy = TelemetryHub.fromJSON(config, JSON.parse(JSON.stringify(straight.toJSON())))
        if (!copy.ok) throw new Error(copy.error.message)
        restored = copy.value
      }
    }
    expect(restored!.toJSON()).toEqual(straight.toJSON())
  })

  it('refuses a saved state that is not one, naming where', async () => {
    const s = await loadScenario('default.yaml')
    const hub = TelemetryHub.create(s.sim.world.params.config)
    const json = hub.toJSON() as unknown as Record<string, Record<string, unknown>>
    const refused = (data: unknown, where: RegExp) => {
      const r = TelemetryHub.fromJSON(s.sim.world.params.config, data)
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('snapshot.invalid')
        expect(r.error.message).toMatch(where)
      }
    }
    refused({ ...json, stability: { ...json.stability, active: 'x' } }, /telemetry\.stability\.active/)
    refused(null, /the telemetry state is not valid/)
    refused({ ...json, kpis: { ...json.kpis, window: { span: 10, width: 2, buckets: [[1, 2]], sums: [0, 0] } } }, /telemetry\.kpis\.window\.buckets\.0: holds 2 numbers/)
    refused({ ...json, kpis: { ...json.kpis, window: { span: 10, width: 2, buckets: [], sums: [0] } } }, /telemetry\.kpis\.window\.sums/)
    refused({ ...json, shifts: new Array(1_000_001).fill(0) }, /telemetry\.shifts/)
    refused({ ...json, narrator: { ...json.narrator, recent: [{ tick: 1, category: 'x', priority: false, text: 'y'.repeat(5000), agents: [] }] } }, /telemetry\.narrator\.recent\.0\.text/)
  })

  it('reports nothing but an empty town before its first tick', async () => {
    const s = await loadScenario('default.yaml')
    const snap = TelemetryHub.create(s.sim.world.params.config).snapshot()
    expect(snap).toMatchObject({ tick: 0, kpis: null, alerts: [], narrations: [], promotion: { windows: [], candidate_ready: false, current_window: null } })
  })
})
