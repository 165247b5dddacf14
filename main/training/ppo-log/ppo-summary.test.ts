import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SummaryBuilder } from './ppo-summary'
import { renderMarkdown, renderText } from './ppo-summary-format'
import { sampleRecord } from './sample-records'

describe('SummaryBuilder', () => {
  it('incremental extremes equal the extremes over all records, and --last N those over the newest N (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 70 }), (losses, last) => {
        const all = new SummaryBuilder()
        const tail = new SummaryBuilder(last)
        losses.forEach((loss, i) => {
          all.add({ ...sampleRecord(i + 1), loss_total: loss })
          tail.add({ ...sampleRecord(i + 1), loss_total: loss })
        })
        expect(all.finish(null)!.extremes.loss_total).toEqual({ min: Math.min(...losses), max: Math.max(...losses) })
        const newest = losses.slice(-last)
        const s = tail.finish(null)!
        expect(s.extremes.loss_total).toEqual({ min: Math.min(...newest), max: Math.max(...newest) })
        expect(s.records).toBe(newest.length)
        expect(s.epochs).toBe(losses.length)
      })
    )
  })

  it('the anneal status comes from the newest anneal record inside the window; drift from the newest record', () => {
    const b = new SummaryBuilder(2)
    b.add(sampleRecord(1, { anneal: true }))
    b.add(sampleRecord(2))
    expect(b.finish(null)!.anneal).toMatchObject({ stage: 'ppo', bc_accuracy: 0.93, bc_passed: true })
    b.add(sampleRecord(3))
    expect(b.finish(null)!.anneal).toBeUndefined()
    const s = b.finish({ loss_total: 0.2, lr: 0, missing_key: 5 })!
    expect(Object.keys(s.baseline_drift!)).toEqual(['loss_total', 'lr'])
    expect(s.baseline_drift!.lr!.percent).toBeNull()
    expect(s.baseline_drift!.loss_total!.delta).toBeCloseTo((sampleRecord(3).loss_total as number) - 0.2)
  })

  it('missing fields read as 0, mistyped ones are refused, no records give no summary', () => {
    const b = new SummaryBuilder()
    expect(b.finish(null)).toBeNull()
    expect(b.add({ ...sampleRecord(1), grad_norm: 'x' })).toBe('grad_norm: must be a finite number, got a string')
    expect(b.add({ epoch: 1 })).toBeNull()
    expect(b.finish(null)).toMatchObject({ epochs: 1, data_mode: 'unknown', cycle_id: null, latest: { loss_total: 0 } })
  })

  it('renders the markdown layout: heading, bullets, the Min/Max table, baseline drift', () => {
    const b = new SummaryBuilder()
    for (let e = 1; e <= 3; e++) b.add(sampleRecord(e, { anneal: true, baseline: true }))
    const md = renderMarkdown(b.finish({ baseline_reward_sum: 10 })!)
    expect(md.split('\n').slice(0, 3)).toEqual(['### PPO Telemetry Summary', '', '- Epochs analysed: **3** (3 records)'])
    expect(md).toMatch(/^- Data mode: \*\*rollout\*\* \(cycle `3`\)$/m)
    expect(md).toMatch(/^- Anneal status: stage `ppo`, cycle `2.0`, dataset `idle_v1`, bc_accuracy `0.930` \(threshold `0.900`\), passed `true`$/m)
    expect(md).toMatch(/^\| Metric \| Min \| Max \|\n\| --- \| --- \| --- \|\n\| loss_total \| 0\.\d{6} \| 0\.\d{6} \|$/m)
    expect(md).toMatch(/#### Baseline Drift\n\n\| Key \| Delta \| Percent \|\n\| --- \| --- \| --- \|\n\| baseline_reward_sum \| \+6\.000000 \| \+60\.00% \|/)
    const text = renderText(b.finish(null)!)
    expect(text).toMatch(/^Epochs analysed: 3 \(mode=rollout, cycle_id=3, records=3\)$/m)
    expect(text).toMatch(/^Anneal drift flags: loss=false, queue=false, intensity=false$/m)
  })
})
