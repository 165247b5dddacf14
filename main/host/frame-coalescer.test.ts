import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCoalescer } from './frame-coalescer'

describe('createCoalescer', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sends the first value at once and then at most one per interval, latest wins', () => {
    const sent: number[] = []
    const c = createCoalescer((v: number) => sent.push(v), 33, () => Date.now())
    c.push(1)
    expect(sent).toEqual([1])
    for (let i = 2; i <= 100; i++) c.push(i)
    expect(sent).toEqual([1])
    vi.advanceTimersByTime(33)
    expect(sent).toEqual([1, 100])
  })

  it('caps a flood to about 30 a second', () => {
    const sent: number[] = []
    const c = createCoalescer((v: number) => sent.push(v), 33, () => Date.now())
    for (let ms = 0; ms < 1000; ms++) {
      c.push(ms)
      vi.advanceTimersByTime(1)
    }
    expect(sent.length).toBeGreaterThanOrEqual(29)
    expect(sent.length).toBeLessThanOrEqual(31)
  })

  it('flushes a waiting value on demand and forgets it on dispose', () => {
    const sent: number[] = []
    const c = createCoalescer((v: number) => sent.push(v), 33, () => Date.now())
    c.push(1)
    c.push(2)
    c.flush()
    expect(sent).toEqual([1, 2])
    c.push(3)
    c.dispose()
    vi.advanceTimersByTime(100)
    expect(sent).toEqual([1, 2])
  })
})
