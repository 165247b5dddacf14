import { describe, expect, it } from 'vitest'
import { sampleAgentRow } from '../../../../shared/testing/contract-samples'
import { manyAgents } from '../../testing/observer-samples'
import { DEFAULT_QUERY, matchesFilter, nextSort, queryAgents, sortAgents } from './agent-table'
import { rowWindow } from './virtual-window'

const ids = (rows: { id: string }[]) => rows.map((r) => r.id)

describe('agent table', () => {
  const rows = [
    sampleAgentRow({ id: 'cara', hunger: 0.5, job: 'grocer', option: 'work' }),
    sampleAgentRow({ id: 'abe', hunger: 0.2, job: null, option: 'eat', action: 'eat_meal' }),
    sampleAgentRow({ id: 'bea', hunger: 0.5, job: 'baker', option: 'sleep' })
  ]

  it('sorts by a column with ties broken by id, either way', () => {
    expect(ids(sortAgents(rows, 'hunger', 'asc'))).toEqual(['abe', 'bea', 'cara'])
    expect(ids(sortAgents(rows, 'hunger', 'desc'))).toEqual(['bea', 'cara', 'abe'])
    expect(ids(sortAgents(rows, 'id', 'desc'))).toEqual(['cara', 'bea', 'abe'])
  })

  it('puts agents without the value (no job) last in both directions', () => {
    expect(ids(sortAgents(rows, 'job', 'asc'))).toEqual(['bea', 'cara', 'abe'])
    expect(ids(sortAgents(rows, 'job', 'desc'))).toEqual(['cara', 'bea', 'abe'])
  })

  it('filters by text over id, job, option and action, and by option', () => {
    expect(matchesFilter(rows[1]!, 'MEAL', 'all')).toBe(true)
    expect(ids(queryAgents(rows, { ...DEFAULT_QUERY, text: 'gro' }))).toEqual(['cara'])
    expect(ids(queryAgents(rows, { ...DEFAULT_QUERY, text: 'ea' }))).toEqual(['abe', 'bea'])
    expect(ids(queryAgents(rows, { ...DEFAULT_QUERY, option: 'sleep' }))).toEqual(['bea'])
    expect(ids(queryAgents(rows, { ...DEFAULT_QUERY, text: '  ' }))).toEqual(['abe', 'bea', 'cara'])
  })

  it('flips the direction on the same header, starts ascending on another', () => {
    const byHunger = nextSort(DEFAULT_QUERY, 'hunger')
    expect(byHunger).toMatchObject({ sortKey: 'hunger', sortDir: 'asc' })
    expect(nextSort(byHunger, 'hunger').sortDir).toBe('desc')
    expect(nextSort(nextSort(byHunger, 'hunger'), 'wallet')).toMatchObject({ sortKey: 'wallet', sortDir: 'asc' })
  })

  it('sorts a thousand agents quickly enough to do it four times a second', () => {
    const agents = manyAgents(1_000)
    const started = performance.now()
    const sorted = queryAgents(agents, { ...DEFAULT_QUERY, sortKey: 'hunger', sortDir: 'desc' })
    expect(performance.now() - started).toBeLessThan(100)
    expect(sorted[0]?.hunger).toBe(0.9)
  })
})

describe('rowWindow', () => {
  it('renders the rows in view plus an overscan, with spacers for the rest', () => {
    expect(rowWindow(0, 300, 30, 1_000, 5)).toEqual({ start: 0, end: 16, padTop: 0, padBottom: 984 * 30 })
    const mid = rowWindow(3_000, 300, 30, 1_000, 5)
    expect(mid).toEqual({ start: 95, end: 116, padTop: 95 * 30, padBottom: (1_000 - 116) * 30 })
  })

  it('stays inside the list at the end and for short lists', () => {
    expect(rowWindow(29_900, 300, 30, 1_000, 5)).toMatchObject({ end: 1_000, padBottom: 0 })
    expect(rowWindow(0, 300, 30, 3, 5)).toEqual({ start: 0, end: 3, padTop: 0, padBottom: 0 })
    expect(rowWindow(500, 300, 30, 0)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 })
  })
})
