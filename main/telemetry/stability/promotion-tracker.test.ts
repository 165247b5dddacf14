import { describe, expect, it } from 'vitest'
import { PromotionSchema } from '../../config/sections/telemetry'
import type { AlertSignal } from './alert-signal'
import { PromotionTracker } from './promotion-tracker'

const starving: AlertSignal = { name: 'starvation_spike', message: '1 starvation incident' }
const pressure: AlertSignal = { name: 'queue_fairness_pressure', message: '5 ghost steps' }

function run(tracker: PromotionTracker, from: number, to: number, alertsAt: Record<number, AlertSignal[]> = {}): void {
  for (let t = from; t <= to; t++) tracker.observe(t, alertsAt[t] ?? [])
}

describe('promotion windows', () => {
  it('makes the candidate ready after two consecutive passing windows', () => {
    const tracker = new PromotionTracker(PromotionSchema.parse({ window_ticks: 10 }))
    run(tracker, 1, 10)
    expect(tracker.view()).toMatchObject({ candidate_ready: false, pass_streak: 1, windows: [{ start_tick: 1, end_tick: 10, passed: true, reasons: [] }] })
    run(tracker, 11, 19)
    expect(tracker.candidateReady()).toBe(false) // the second window is not over yet
    run(tracker, 20, 20)
    expect(tracker.view()).toMatchObject({ candidate_ready: true, pass_streak: 2, current_window: { start_tick: 21, end_tick: 30, failing: [] } })
  })

  it('fails a window with the alert as its reason, and starts counting again', () => {
    const tracker = new PromotionTracker(PromotionSchema.parse({ window_ticks: 10 }))
    run(tracker, 1, 20)
    expect(tracker.candidateReady()).toBe(true)
    run(tracker, 21, 30, { 25: [starving], 26: [starving] })
    const view = tracker.view()
    expect(view.candidate_ready).toBe(false)
    expect(view.windows[2]).toEqual({ start_tick: 21, end_tick: 30, passed: false, reasons: ['starvation_spike at tick 25: 1 starvation incident'] })
    run(tracker, 31, 40)
    expect(tracker.candidateReady()).toBe(false)
    run(tracker, 41, 50)
    expect(tracker.candidateReady()).toBe(true)
  })

  it('ignores allowed alerts, keeps a bounded history, and starts its first window where it joined', () => {
    const tracker = new PromotionTracker(PromotionSchema.parse({ window_ticks: 10, allowed_alerts: ['queue_fairness_pressure'], history: 2 }))
    run(tracker, 7, 30, { 8: [pressure], 15: [pressure] })
    const view = tracker.view()
    expect(view.windows).toEqual([
      { start_tick: 11, end_tick: 20, passed: true, reasons: [] },
      { start_tick: 21, end_tick: 30, passed: true, reasons: [] }
    ])
    expect(view.pass_streak).toBe(3) // 7–10, 11–20, 21–30
  })

  it('round-trips through JSON mid-window', () => {
    const cfg = PromotionSchema.parse({ window_ticks: 10 })
    const a = new PromotionTracker(cfg)
    run(a, 1, 14, { 12: [starving] })
    const b = PromotionTracker.fromJSON(cfg, JSON.parse(JSON.stringify(a.toJSON())))
    run(a, 15, 40)
    run(b, 15, 40)
    expect(b.view()).toEqual(a.view())
  })
})
