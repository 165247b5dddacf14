import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { settleReward } from './settle-reward'

const component = fc.double({ min: -3, max: 3, noNaN: true })
const input = fc.record({
  parts: fc.array(component, { minLength: 1, maxLength: 7 }),
  terminal: fc.oneof(fc.constant(0), fc.double({ min: -5, max: 0, noNaN: true })),
  guarded: fc.boolean(),
  clipPerTick: fc.double({ min: 0.01, max: 1, noNaN: true }),
  clipPerEpisode: fc.double({ min: 1, max: 200, noNaN: true }),
  fraction: fc.double({ min: -1, max: 1, noNaN: true })
})

describe('settleReward (guardrails)', () => {
  it('pays components + clip adjustment exactly, within the tick and episode clips', () => {
    fc.assert(
      fc.property(input, ({ parts, terminal, guarded, clipPerTick, clipPerEpisode, fraction }) => {
        const shaping = parts.reduce((s, x) => s + x, 0)
        const episodeBefore = fraction * clipPerEpisode
        const s = settleReward({ shaping, terminal, guarded, episodeBefore, clipPerTick, clipPerEpisode })
        // The components (shaping parts, terminal, clip adjustment) add up to the total.
        expect(Math.abs(parts.reduce((a, x) => a + x, 0) + terminal + s.clipAdjustment - s.total)).toBeLessThan(1e-9)
        // The shaping part never exceeds the tick clip; only a terminal penalty may go below it.
        expect(s.total).toBeLessThanOrEqual(clipPerTick + 1e-12)
        expect(s.total).toBeGreaterThanOrEqual(-clipPerTick + terminal - 1e-12)
        if (terminal === 0) expect(Math.abs(s.total)).toBeLessThanOrEqual(clipPerTick + 1e-12)
        // The episode stays inside its clip, and the running total is what was paid.
        expect(Math.abs(s.episodeAfter)).toBeLessThanOrEqual(clipPerEpisode)
        expect(Math.abs(episodeBefore + s.total - s.episodeAfter)).toBeLessThan(1e-9)
        if (guarded) expect(s.total).toBeLessThanOrEqual(0)
      })
    )
  })

  it('pays the raw sum untouched when no guardrail applies', () => {
    const s = settleReward({ shaping: -0.05, terminal: 0, guarded: false, episodeBefore: 3, clipPerTick: 0.2, clipPerEpisode: 50 })
    expect(s).toEqual({ total: -0.05, clipAdjustment: 0, episodeAfter: 2.95, guardApplied: false, clipped: false })
  })

  it('clips a tick, zeroes a guarded positive, and adds a terminal penalty after the tick clip', () => {
    expect(settleReward({ shaping: 0.9, terminal: 0, guarded: false, episodeBefore: 0, clipPerTick: 0.2, clipPerEpisode: 50 })).toMatchObject({ total: 0.2, clipped: true })
    expect(settleReward({ shaping: 0.1, terminal: 0, guarded: true, episodeBefore: 0, clipPerTick: 0.2, clipPerEpisode: 50 })).toMatchObject({ total: 0, guardApplied: true })
    const faint = settleReward({ shaping: -0.5, terminal: -1, guarded: true, episodeBefore: 0, clipPerTick: 0.2, clipPerEpisode: 50 })
    expect(faint.total).toBeCloseTo(-1.2)
    expect(faint.clipAdjustment).toBeCloseTo(0.3)
  })

  it('pays only what is left of the episode budget', () => {
    const s = settleReward({ shaping: 0.2, terminal: 0, guarded: false, episodeBefore: 49.9, clipPerTick: 0.2, clipPerEpisode: 50 })
    expect(s.total).toBeCloseTo(0.1)
    expect(s.episodeAfter).toBe(50)
  })
})
