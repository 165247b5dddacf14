import { describe, expect, it } from 'vitest'
import { formatKpi, KPI_SPECS, kpiStatus, targetText } from './kpi-specs'
import type { KpiName } from './kpi-specs'

const spec = (name: KpiName) => KPI_SPECS.find((s) => s.name === name)!

describe('KPI specs', () => {
  it('covers the six KPIs with the charter targets', () => {
    expect(KPI_SPECS.map((s) => s.name)).toEqual(['self_sufficiency', 'tenure_days', 'relationship_coverage', 'starvation_incidents', 'lateness_rate', 'queue_conflict_rate'])
    expect(targetText(spec('self_sufficiency'))).toBe('≥ 70%')
    expect(targetText(spec('tenure_days'))).toBe('≥ 3.0 d')
    expect(targetText(spec('relationship_coverage'))).toBe('≥ 60%')
    expect(targetText(spec('starvation_incidents'))).toBe('= 0')
    expect(targetText(spec('lateness_rate'))).toBe('no target')
  })

  it('formats values by kind, unknown as a dash', () => {
    expect(formatKpi(spec('self_sufficiency'), 0.724)).toBe('72%')
    expect(formatKpi(spec('tenure_days'), 3.25)).toBe('3.3 d')
    expect(formatKpi(spec('starvation_incidents'), 2)).toBe('2')
    expect(formatKpi(spec('queue_conflict_rate'), 0.125)).toBe('0.13')
    expect(formatKpi(spec('relationship_coverage'), null)).toBe('—')
  })

  it('says whether a value meets its target', () => {
    expect(kpiStatus(spec('self_sufficiency'), 0.7)).toBe('met')
    expect(kpiStatus(spec('self_sufficiency'), 0.69)).toBe('missed')
    expect(kpiStatus(spec('starvation_incidents'), 0)).toBe('met')
    expect(kpiStatus(spec('starvation_incidents'), 1)).toBe('missed')
    expect(kpiStatus(spec('tenure_days'), null)).toBe('none')
    expect(kpiStatus(spec('lateness_rate'), 0.9)).toBe('none')
  })
})
