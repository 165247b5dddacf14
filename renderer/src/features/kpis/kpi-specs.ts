/**
 * The KPIs the panel shows, with the charter's targets (seeds: self-sufficiency ≥ 70 %, tenure
 * ≥ 3 days, relationship coverage ≥ 60 %, starvation 0). Lateness and the queue conflict rate
 * have no fixed target (the ops canary is lateness ≤ 2× its baseline): they are shown and charted.
 */
import type { Kpis } from '../../../../shared/contract/dto/society'
import { formatCount, formatFixed, formatPercent } from '../../components/format'

export type KpiName = Exclude<keyof Kpis, 'window_ticks' | 'tick'>

export interface KpiSpec {
  name: KpiName
  label: string
  /** How the value reads: a [0, 1] ratio as a percentage, days, a count, or a plain rate. */
  kind: 'ratio' | 'days' | 'count' | 'rate'
  /** Met when the value is at least (`min`) or at most (`max`) this; null when there is none. */
  target: { op: 'min' | 'max'; value: number } | null
  help: string
}

export const KPI_SPECS: readonly KpiSpec[] = [
  { name: 'self_sufficiency', label: 'self-sufficiency', kind: 'ratio', target: { op: 'min', value: 0.7 }, help: 'Share of agent-ticks with every need above the floor' },
  { name: 'tenure_days', label: 'tenure', kind: 'days', target: { op: 'min', value: 3 }, help: 'Mean days agents have stayed in their job' },
  { name: 'relationship_coverage', label: 'relationship coverage', kind: 'ratio', target: { op: 'min', value: 0.6 }, help: 'Share of agents with at least one meaningful tie' },
  { name: 'starvation_incidents', label: 'starvation', kind: 'count', target: { op: 'max', value: 0 }, help: 'Starvation incidents in the window' },
  { name: 'lateness_rate', label: 'lateness', kind: 'ratio', target: null, help: 'Late arrivals per shift started' },
  { name: 'queue_conflict_rate', label: 'queue conflicts', kind: 'rate', target: null, help: 'Queue conflicts per agent-day in the window' }
]

export type KpiStatus = 'met' | 'missed' | 'none'

/** The value as it reads on the tile; "—" when unknown. */
export function formatKpi(spec: Pick<KpiSpec, 'kind'>, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—'
  switch (spec.kind) {
    case 'ratio':
      return formatPercent(value)
    case 'days':
      return `${formatFixed(value, 1)} d`
    case 'count':
      return formatCount(value)
    case 'rate':
      return formatFixed(value)
  }
}

/** "≥ 70%", "≥ 3.0 d", "≤ 0", or "no target". */
export function targetText(spec: KpiSpec): string {
  if (!spec.target) return 'no target'
  if (spec.kind === 'count' && spec.target.op === 'max' && spec.target.value === 0) return '= 0'
  return `${spec.target.op === 'min' ? '≥' : '≤'} ${formatKpi(spec, spec.target.value)}`
}

/** Whether the value meets its target ('none' without a target or a value). */
export function kpiStatus(spec: KpiSpec, value: number | null): KpiStatus {
  if (!spec.target || value === null || !Number.isFinite(value)) return 'none'
  const met = spec.target.op === 'min' ? value >= spec.target.value : value <= spec.target.value
  return met ? 'met' : 'missed'
}
