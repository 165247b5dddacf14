import { describe, expect, it } from 'vitest'
import type { Narration } from '../../../shared/contract/dto/society'
import { sampleAgentRow, sampleObserverFull, sampleSociety } from '../../../shared/testing/contract-samples'
import { sampleDiff } from '../testing/observer-samples'
import { applyFullFrame, initialObserver, receiveFrame } from './observer-state'
import { appendNarrations, emptySocietyHistory, MAX_NARRATIONS, pushFairness, pushKpis, recordSociety } from './society-history'
import type { KpiPoint, SocietyHistory } from './society-history'

const line = (tick: number, text: string, overrides: Partial<Narration> = {}): Narration => ({ tick, category: 'conflict', priority: false, text, agents: ['alice'], ...overrides })

function societyAt(fairness: [number, number, number], kpiTick: number | null = null, conflicts = 0) {
  const base = sampleSociety()
  return sampleSociety({
    conflict: { ...base.conflict, fairness: { queue_conflicts: conflicts, ghost_step_events: fairness[0], rotation_events: fairness[1], cooldown_events: fairness[2] } },
    kpis:
      kpiTick === null
        ? null
        : { window_ticks: 100, tick: kpiTick, self_sufficiency: 0.8, tenure_days: 2, relationship_coverage: 0.5, starvation_incidents: 0, lateness_rate: 0.1, queue_conflict_rate: 0.3 }
  })
}

describe('narration feed', () => {
  it('appends only lines it has not seen, by tick and text, newest last', () => {
    const first = appendNarrations([], [line(1, 'a'), line(2, 'b')])
    const second = appendNarrations(first, [line(1, 'a'), line(2, 'b'), line(3, 'c'), line(3, 'c')])
    expect(second.map((l) => l.text)).toEqual(['a', 'b', 'c'])
    // Same text at another tick is another line.
    expect(appendNarrations(second, [line(4, 'a')]).map((l) => `${l.tick}${l.text}`)).toEqual(['1a', '2b', '3c', '4a'])
  })

  it('keeps the same list when a frame brings nothing new', () => {
    const feed = appendNarrations([], [line(1, 'a')])
    expect(appendNarrations(feed, [line(1, 'a')])).toBe(feed)
    expect(appendNarrations(feed, [])).toBe(feed)
  })

  it('keeps only the newest lines', () => {
    let feed: readonly Narration[] = []
    for (let t = 0; t < MAX_NARRATIONS + 20; t++) feed = appendNarrations(feed, [line(t, `line ${t}`)])
    expect(feed).toHaveLength(MAX_NARRATIONS)
    expect(feed[0]?.tick).toBe(20)
    expect(feed.at(-1)?.tick).toBe(MAX_NARRATIONS + 19)
    expect(appendNarrations([line(1, 'a'), line(2, 'b')], [line(3, 'c')], 2).map((l) => l.text)).toEqual(['b', 'c'])
  })
})

describe('fairness history', () => {
  it('adds a point per tick and merges frames of one tick by the larger counts', () => {
    let points = pushFairness([], { tick: 1, conflicts: 0, ghost_steps: 1, rotations: 0, cooldowns: 2 })
    points = pushFairness(points, { tick: 2, conflicts: 0, ghost_steps: 0, rotations: 3, cooldowns: 0 })
    // A paused shard's frame (zeros) and a refetched full frame (a repeat) change nothing.
    const same = pushFairness(points, { tick: 2, conflicts: 0, ghost_steps: 0, rotations: 0, cooldowns: 0 })
    expect(same).toBe(points)
    expect(pushFairness(points, { tick: 2, conflicts: 0, ghost_steps: 0, rotations: 3, cooldowns: 0 })).toBe(points)
    points = pushFairness(points, { tick: 2, conflicts: 4, ghost_steps: 1, rotations: 1, cooldowns: 0 })
    expect(points).toEqual([
      { tick: 1, conflicts: 0, ghost_steps: 1, rotations: 0, cooldowns: 2 },
      { tick: 2, conflicts: 4, ghost_steps: 1, rotations: 3, cooldowns: 0 }
    ])
  })

  it('starts again when the tick goes back, and is bounded', () => {
    const points = pushFairness([{ tick: 9, conflicts: 0, ghost_steps: 1, rotations: 1, cooldowns: 1 }], { tick: 3, conflicts: 0, ghost_steps: 0, rotations: 0, cooldowns: 0 })
    expect(points).toEqual([{ tick: 3, conflicts: 0, ghost_steps: 0, rotations: 0, cooldowns: 0 }])
    let many: readonly { tick: number; conflicts: number; ghost_steps: number; rotations: number; cooldowns: number }[] = []
    for (let t = 0; t < 10; t++) many = pushFairness(many, { tick: t, conflicts: 0, ghost_steps: t, rotations: 0, cooldowns: 0 }, 4)
    expect(many.map((p) => p.tick)).toEqual([6, 7, 8, 9])
  })
})

describe('KPI history', () => {
  const kpi = (tick: number, self_sufficiency = 0.8): KpiPoint => ({
    tick,
    self_sufficiency,
    tenure_days: 1,
    relationship_coverage: null,
    starvation_incidents: 0,
    lateness_rate: null,
    queue_conflict_rate: null
  })

  it('records KPIs when their window tick changes, not every frame', () => {
    let points = pushKpis([], kpi(100))
    expect(pushKpis(points, kpi(100, 0.1))).toBe(points)
    points = pushKpis(points, kpi(200, 0.6))
    expect(points.map((p) => [p.tick, p.self_sufficiency])).toEqual([
      [100, 0.8],
      [200, 0.6]
    ])
    expect(pushKpis(points, kpi(50))).toEqual([kpi(50)])
  })

  it('records fairness every frame and KPIs only once they exist', () => {
    // The host sends totals; the first frame is the baseline, each later one the difference.
    let history = recordSociety(emptySocietyHistory(), societyAt([1, 2, 3], null, 7), 10)
    expect(history.kpis).toEqual([])
    history = recordSociety(history, societyAt([1, 3, 3], 20, 9), 20)
    history = recordSociety(history, societyAt([1, 3, 3], 20, 9), 21)
    expect(history.fairness).toEqual([
      { tick: 10, conflicts: 0, ghost_steps: 0, rotations: 0, cooldowns: 0 },
      { tick: 20, conflicts: 2, ghost_steps: 0, rotations: 1, cooldowns: 0 },
      { tick: 21, conflicts: 0, ghost_steps: 0, rotations: 0, cooldowns: 0 }
    ])
    expect(history.kpis).toHaveLength(1)
    expect(history.kpis[0]).not.toHaveProperty('window_ticks')
    // The same frame again changes nothing, not even the reference.
    expect(recordSociety(history, societyAt([1, 3, 3], 20, 9), 21)).toBe(history)
  })

  it('loses nothing when the host folds frames together: the points add up to the totals', () => {
    const totals = [0, 4, 9, 9, 30]
    let everyFrame = emptySocietyHistory()
    let folded = emptySocietyHistory()
    totals.forEach((n, i) => {
      everyFrame = recordSociety(everyFrame, societyAt([0, 0, 0], null, n), i * 10)
      if (i === 0 || i === totals.length - 1) folded = recordSociety(folded, societyAt([0, 0, 0], null, n), i * 10)
    })
    const sum = (h: SocietyHistory) => h.fairness.reduce((acc, p) => acc + p.conflicts, 0)
    expect(sum(everyFrame)).toBe(30)
    expect(sum(folded)).toBe(30)
  })

  it('starts a new baseline when the totals or the tick go back (another world)', () => {
    let history = recordSociety(emptySocietyHistory(), societyAt([0, 0, 0], null, 5), 100)
    history = recordSociety(history, societyAt([0, 0, 0], null, 8), 110)
    history = recordSociety(history, societyAt([0, 0, 0], null, 2), 120)
    expect(history.fairness).toEqual([{ tick: 120, conflicts: 0, ghost_steps: 0, rotations: 0, cooldowns: 0 }])
    history = recordSociety(history, societyAt([0, 0, 0], null, 3), 5)
    expect(history.fairness.map((p) => p.tick)).toEqual([5])
  })
})

describe('society in the observer store', () => {
  const withNarration = (lines: Narration[], fairness: [number, number, number] = [0, 0, 0]) => ({ ...societyAt(fairness), narrations: lines })

  it('keeps the latest society from full frames and diffs, and accumulates narration across them', () => {
    const full = { ...sampleObserverFull(1, [sampleAgentRow()]), society: withNarration([line(0, 'hello')], [1, 0, 0]) }
    let slice = applyFullFrame(initialObserver(), full, 0)
    expect(slice.society?.conflict.fairness.ghost_step_events).toBe(1)
    expect(slice.narrations).toHaveLength(1)
    const diff = { ...sampleDiff(2, 1, { tick: 5 }), society: withNarration([line(0, 'hello'), line(5, 'world', { priority: true })], [1, 2, 0]) }
    slice = receiveFrame(slice, diff, 100).slice
    expect(slice.society).toBe(diff.society)
    expect(slice.narrations.map((l) => l.text)).toEqual(['hello', 'world'])
    expect(slice.societyHistory.fairness.map((p) => [p.tick, p.ghost_steps, p.rotations])).toEqual([
      [0, 0, 0],
      [5, 0, 2]
    ])
    // A refetched full frame of the same world keeps the feed and history.
    const again = applyFullFrame(slice, { ...sampleObserverFull(3, [sampleAgentRow()]), tick: 5, society: diff.society }, 200)
    expect(again.narrations).toHaveLength(2)
    expect(again.societyHistory.fairness).toHaveLength(2)
  })

  it('forgets narration and history when another world arrives', () => {
    const full = { ...sampleObserverFull(1), society: withNarration([line(0, 'hello')]) }
    const slice = applyFullFrame(initialObserver(), full, 0)
    const other = applyFullFrame(slice, { ...sampleObserverFull(2), config_id: 'other', society: withNarration([]) }, 10)
    expect(other.narrations).toEqual([])
    expect(other.societyHistory.fairness).toHaveLength(1)
    expect(initialObserver().society).toBeNull()
  })
})
