import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NarrationSchema } from '../../config/sections/telemetry'
import { NarrationLimiter, type LimiterVerdict } from './narration-limiter'

const config = (patch: object = {}) => NarrationSchema.parse({ global_cooldown_ticks: 30, dedupe_window_ticks: 20, global_window_ticks: 600, global_window_limit: 10, ...patch })

/** Feed (tick, category, priority, key) lines in order, calling beginTick as the narrator does. */
function feed(limiter: NarrationLimiter, lines: [number, string, boolean, string][]): LimiterVerdict[] {
  let last = -1
  return lines.map(([t, category, priority, key]) => {
    if (t !== last) limiter.beginTick(t)
    last = t
    return limiter.allow(t, category, priority, key)
  })
}

describe('narration limiter', () => {
  it('holds ordinary lines to the global cooldown', () => {
    const verdicts = feed(new NarrationLimiter(config()), [
      [0, 'chat', false, 'a'],
      [10, 'exit', false, 'b'],
      [29, 'chat', false, 'c'],
      [30, 'chat', false, 'd']
    ])
    expect(verdicts).toEqual(['ok', 'cooldown', 'cooldown', 'ok'])
  })

  it('holds a category to its own cooldown, others to the global one', () => {
    const verdicts = feed(new NarrationLimiter(config({ global_cooldown_ticks: 0, category_cooldown_ticks: { conflict: 100 } })), [
      [0, 'conflict', false, 'c1'],
      [50, 'conflict', false, 'c2'],
      [50, 'chat', false, 'x'],
      [51, 'chat', false, 'y'],
      [100, 'conflict', false, 'c3']
    ])
    expect(verdicts).toEqual(['ok', 'category_cooldown', 'ok', 'ok', 'ok'])
  })

  it('lets priority lines skip both cooldowns', () => {
    const verdicts = feed(new NarrationLimiter(config({ category_cooldown_ticks: { exit: 500 } })), [
      [0, 'exit', false, 'a'],
      [1, 'exit', true, 'b'],
      [2, 'chat', true, 'c'],
      [3, 'chat', false, 'd']
    ])
    expect(verdicts).toEqual(['ok', 'ok', 'ok', 'cooldown'])
  })

  it('never repeats a line within the dedupe window, priority or not', () => {
    const verdicts = feed(new NarrationLimiter(config({ global_cooldown_ticks: 0 })), [
      [0, 'exit', true, 'same'],
      [20, 'exit', true, 'same'],
      [21, 'exit', true, 'same']
    ])
    expect(verdicts).toEqual(['ok', 'dedupe', 'ok'])
  })

  it('caps lines per rolling window, priority or not', () => {
    const limiter = new NarrationLimiter(config({ global_window_limit: 3, global_window_ticks: 100 }))
    const verdicts = feed(limiter, [
      [0, 'exit', true, 'a'],
      [1, 'exit', true, 'b'],
      [2, 'exit', true, 'c'],
      [3, 'exit', true, 'd'],
      [99, 'exit', true, 'e'],
      [100, 'exit', true, 'f'],
      [101, 'exit', true, 'g'],
      [102, 'exit', true, 'h'],
      [103, 'exit', true, 'i']
    ])
    expect(verdicts).toEqual(['ok', 'ok', 'ok', 'limit', 'limit', 'ok', 'ok', 'ok', 'limit'])
  })

  it('keeps every limit over any stream of lines (property)', () => {
    const line = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('chat', 'exit', 'conflict'), fc.boolean(), fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k6'))
    fc.assert(
      fc.property(fc.array(line, { maxLength: 300 }), (steps) => {
        const cfg = config({ global_cooldown_ticks: 5, category_cooldown_ticks: { conflict: 9 }, dedupe_window_ticks: 7, global_window_ticks: 40, global_window_limit: 4 })
        const limiter = new NarrationLimiter(cfg)
        let t = 0
        const lines = steps.map(([dt, c, p, k]) => [(t += dt), c, p, k] as [number, string, boolean, string])
        const verdicts = feed(limiter, lines)
        const allowed = lines.filter((_, i) => verdicts[i] === 'ok')
        allowed.forEach(([tick, category, priority, key], i) => {
          const earlier = allowed.slice(0, i)
          expect(earlier.filter(([t0]) => t0 > tick - 40).length).toBeLessThan(4)
          expect(earlier.some(([t0, , , k0]) => k0 === key && tick - t0 <= 7)).toBe(false)
          if (!priority) {
            expect(earlier.some(([t0]) => tick - t0 < 5)).toBe(false)
            if (category === 'conflict') expect(earlier.some(([t0, c0]) => c0 === 'conflict' && tick - t0 < 9)).toBe(false)
          }
        })
      }),
      { numRuns: 300 }
    )
  })

  it('continues exactly where it left off after toJSON/fromJSON', () => {
    const cfg = config({ global_cooldown_ticks: 3, global_window_limit: 5, global_window_ticks: 50 })
    const lines: [number, string, boolean, string][] = Array.from({ length: 120 }, (_, i) => [i, i % 3 === 0 ? 'exit' : 'chat', i % 7 === 0, `k${i % 9}`])
    const straight = feed(new NarrationLimiter(cfg), lines)
    const first = new NarrationLimiter(cfg)
    const head = feed(first, lines.slice(0, 60))
    const restored = NarrationLimiter.fromJSON(cfg, JSON.parse(JSON.stringify(first.toJSON())))
    expect([...head, ...feed(restored, lines.slice(60))]).toEqual(straight)
  })
})
