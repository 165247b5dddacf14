import { describe, expect, it } from 'vitest'
import { emptyWorldSummary } from '../../../shared/contract/dto/world-summary'
import { sampleStatus } from '../../../shared/testing/contract-samples'
import { NEEDS_HISTORY, needsPoint, pushNeeds } from './needs-history'
import type { NeedsPoint } from './needs-history'

function point(t: number, tick: number, hunger = 0.5, config = 'a'): NeedsPoint {
  return { t, tick, day: 0, clock: '00:00', config, hunger, hygiene: 0.5, energy: 0.5 }
}

describe('needs history', () => {
  it('builds a point from a world summary and the status it came with', () => {
    const world = { ...emptyWorldSummary(), agents: 2, day: 3, clock: '12:05', needs: { hunger: 0.1, hygiene: 0.2, energy: 0.3 } }
    const status = sampleStatus({ tick: 77 })
    expect(needsPoint(world, status, 9)).toEqual({
      t: 9,
      tick: 77,
      day: 3,
      clock: '12:05',
      config: status.config.sha256,
      hunger: 0.1,
      hygiene: 0.2,
      energy: 0.3
    })
  })

  it('collapses samples closer than the interval into the newest (latest wins)', () => {
    let history = pushNeeds([], point(0, 0))
    history = pushNeeds(history, point(100, 1))
    history = pushNeeds(history, point(200, 2, 0.9))
    expect(history.map((p) => p.tick)).toEqual([0, 2])
    history = pushNeeds(history, point(600, 3))
    expect(history.map((p) => p.tick)).toEqual([0, 2, 3])
    history = pushNeeds(history, point(650, 4))
    expect(history.map((p) => p.tick)).toEqual([0, 2, 4])
  })

  it('replaces the newest sample when the tick has not moved (a paused shard)', () => {
    let history = pushNeeds([], point(0, 5))
    for (let t = 500; t <= 10_000; t += 500) history = pushNeeds(history, point(t, 5, t / 10_000))
    expect(history).toEqual([point(10_000, 5, 1)])
  })

  it('keeps at most maxPoints samples, the newest ones', () => {
    let history: NeedsPoint[] = []
    for (let i = 0; i < 500; i++) history = pushNeeds(history, point(i * 500, i))
    expect(history).toHaveLength(NEEDS_HISTORY.maxPoints)
    expect(history[0]?.tick).toBe(500 - NEEDS_HISTORY.maxPoints)
    expect(history.at(-1)?.tick).toBe(499)
  })

  it('starts over for another world: a lower tick or another config', () => {
    const history = [point(0, 10), point(500, 20)]
    expect(pushNeeds(history, point(1_000, 3))).toEqual([point(1_000, 3)])
    expect(pushNeeds(history, point(1_000, 30, 0.5, 'b'))).toEqual([point(1_000, 30, 0.5, 'b')])
  })

  it('forgets samples from the future after a clock jump backwards', () => {
    const history = [point(10_000, 1), point(20_000, 2)]
    expect(pushNeeds(history, point(5_000, 3))).toEqual([point(5_000, 3)])
  })

  it('does not change the history it is given', () => {
    const history = Object.freeze([point(0, 1), point(100, 2)])
    pushNeeds(history, point(200, 3))
    expect(history.map((p) => p.tick)).toEqual([1, 2])
  })
})
