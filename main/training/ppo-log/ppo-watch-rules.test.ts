import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { firstBreach, LIMIT_RULES, parseWatchRecord, watchLine, watchThresholds, type WatchRecord } from './ppo-watch-rules'
import { sampleRecord } from './sample-records'

function watched(overrides: Record<string, unknown> = {}, anneal = false): WatchRecord {
  const parsed = parseWatchRecord({ ...sampleRecord(7, { anneal }), ...overrides })
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  return parsed.value
}

describe('watch rules', () => {
  it('needs the watcher keys whatever the version, and reads missing utility/shower/sleep counts as 0', () => {
    const v10 = parseWatchRecord(sampleRecord(1, { version: '1.0' }))
    expect(v10.ok).toBe(false)
    if (!v10.ok) expect(v10.problems[0]).toMatch(/^missing required keys for watch: batch_entropy_mean, reward_advantage_corr, log_stream_offset/)
    const parsed = parseWatchRecord(sampleRecord(1))
    expect(parsed).toMatchObject({ ok: true, value: { utility_outage_events: 0, shower_complete_events: 0, sleep_complete_events: 0 }, absent: ['utility_outage_events', 'shower_complete_events', 'sleep_complete_events'] })
  })

  it('every limit holds at its edge and breaks just past it (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LIMIT_RULES), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (rule, limit) => {
        const at = watched({ [rule.key]: limit, data_mode: 'rollout' })
        expect(firstBreach(at, { [rule.flag]: limit })).toBeNull()
        const past = rule.kind === 'max' ? limit + Math.max(1e-6, Math.abs(limit) * 1e-9) : limit - Math.max(1e-6, Math.abs(limit) * 1e-9)
        const broken = firstBreach(watched({ [rule.key]: past, data_mode: 'rollout' }), { [rule.flag]: limit })
        expect(broken).toMatch(new RegExp(`^Epoch 7: ${rule.key} -?[\\d.]+ (exceeds|below) threshold ${String(limit).replace(/[.+]/g, '\\$&')}$`))
      })
    )
  })

  it('social-count limits apply to roll-out records only; loss, KL, grad, entropy and correlation to all', () => {
    for (const rule of LIMIT_RULES) {
      const extreme = rule.kind === 'max' ? 1e9 : -1e9
      const replay = watched({ [rule.key]: rule.kind === 'max' ? 2e9 : -2e9, data_mode: 'replay' })
      expect(firstBreach(replay, { [rule.flag]: extreme }) === null, rule.flag).toBe(rule.rolloutOnly)
    }
  })

  it('names a count that was absent and read as 0', () => {
    const parsed = parseWatchRecord(sampleRecord(7))
    if (!parsed.ok) throw new Error('sample')
    expect(firstBreach(parsed.value, { 'shower-complete-min': 1 }, parsed.absent)).toBe('Epoch 7: shower_complete_events 0.0 (absent from the record, read as 0) below threshold 1')
  })

  it('anneal rules: only for records with an anneal_stage; bc-min 0.9 and loss-max 0.1 by default', () => {
    const t = watchThresholds({})
    expect(firstBreach(watched({ anneal_bc_accuracy: 0.5 }), t)).toBeNull() // no anneal_stage
    expect(firstBreach(watched({ anneal_bc_accuracy: 0.9 }, true), t)).toBeNull()
    expect(firstBreach(watched({ anneal_bc_accuracy: 0.89 }, true), t)).toBe('Epoch 7: anneal_bc_accuracy 0.890 below threshold 0.9')
    expect(firstBreach(watched({ anneal_bc_accuracy: null }, true), t)).toBeNull()
    expect(firstBreach(watched({ anneal_bc_accuracy: 0.8 }, true), watchThresholds({ 'anneal-bc-min': 0.75 }))).toBeNull()
    expect(firstBreach(watched({ loss_total: 1.09, anneal_loss_baseline: 1 }, true), t)).toBeNull()
    expect(firstBreach(watched({ loss_total: 1.1001, anneal_loss_baseline: 1 }, true), t)).toBe('Epoch 7: loss_total 1.100100 drifts beyond ±10.0% of baseline 1.000000')
    // At the edge exactly (numbers a float holds exactly): not a breach; just past it: one.
    const quarter = watchThresholds({ 'anneal-loss-max': 0.25 })
    expect(firstBreach(watched({ loss_total: 2.5, anneal_loss_baseline: 2 }, true), quarter)).toBeNull()
    expect(firstBreach(watched({ loss_total: 1.5, anneal_loss_baseline: 2 }, true), quarter)).toBeNull()
    expect(firstBreach(watched({ loss_total: 2.5001, anneal_loss_baseline: 2 }, true), quarter)).toMatch(/drifts beyond ±25.0% of baseline 2.000000/)
    expect(firstBreach(watched({ loss_total: -5, anneal_loss_baseline: 0 }, true), t)).toBeNull() // a zero baseline: no ratio
  })

  it('anneal queue limits: 85% of the baseline by default, roll-out anneal records only, overridable', () => {
    const t = watchThresholds({})
    const rec = (events: number, mode = 'rollout') => watched({ queue_conflict_events: events, anneal_queue_baseline: 20, anneal_intensity_baseline: 0, data_mode: mode }, true)
    expect(firstBreach(rec(17), t)).toBeNull()
    expect(firstBreach(rec(16.9), t)).toBe('Epoch 7: anneal queue_conflict_events 16.9 below threshold 17')
    expect(firstBreach(rec(1, 'replay'), t)).toBeNull()
    expect(firstBreach(rec(16.9), watchThresholds({ 'anneal-queue-min': 10 }))).toBeNull()
    const intensity = watched({ queue_conflict_intensity_sum: 8, anneal_intensity_baseline: 10, anneal_queue_baseline: null }, true)
    expect(firstBreach(intensity, t)).toBe('Epoch 7: anneal queue_conflict_intensity_sum 8.00 below threshold 8.5')
    expect(firstBreach(intensity, watchThresholds({ 'anneal-intensity-min': 8 }))).toBeNull()
  })

  it("prints the original's epoch line", () => {
    expect(watchLine(watched({ epoch: 7.0 }))).toMatch(/^Epoch 7 \(rollout\): loss_total=0\.\d{6}, kl_divergence=.*utility_outages=0\.0, shower_complete=0\.0, sleep_complete=0\.0, offset=7$/)
  })
})
