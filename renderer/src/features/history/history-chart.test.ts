import { describe, expect, it } from 'vitest'
import type { HistoryRuns } from '../../../../shared/contract/dto/history'
import { kpiSeries } from './history-chart'

const run = (id: number, self: number | null, starvation: number | null) =>
  ({
    run: { id } as HistoryRuns['runs'][number]['run'],
    kpi_means: { self_sufficiency: self, tenure_days: null, relationship_coverage: null, starvation_incidents: starvation, lateness_rate: null, queue_conflict_rate: null }
  }) satisfies HistoryRuns['runs'][number]

describe('kpiSeries', () => {
  it('puts the oldest run first, ratios as percentages, counts as they are, gaps as null', () => {
    const runs = [run(3, 0.71234, 2.345), run(2, null, 0), run(1, 1, null)]
    expect(kpiSeries(runs, 'self_sufficiency')).toEqual([
      { run: '#1', value: 100 },
      { run: '#2', value: null },
      { run: '#3', value: 71.2 }
    ])
    expect(kpiSeries(runs, 'starvation_incidents').map((p) => p.value)).toEqual([null, 0, 2.35])
    // The list it was given is left as it was (newest first).
    expect(runs.map((r) => r.run.id)).toEqual([3, 2, 1])
  })
})
