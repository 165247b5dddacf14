/**
 * One KPI across the recorded runs: each run's mean over its windows, oldest run first, so a
 * change of policy or config shows as a step. Ratios are drawn as percentages.
 */
import { memo } from 'react'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { HistoryKpiMeans, HistoryRuns } from '../../../../shared/contract/dto/history'

export const KPI_LABELS: Record<keyof HistoryKpiMeans, string> = {
  self_sufficiency: 'self-sufficiency',
  tenure_days: 'tenure (days)',
  relationship_coverage: 'relationship coverage',
  starvation_incidents: 'starvation incidents',
  lateness_rate: 'lateness rate',
  queue_conflict_rate: 'queue conflict rate'
}
const RATIOS = new Set<keyof HistoryKpiMeans>(['self_sufficiency', 'relationship_coverage', 'lateness_rate'])

export interface KpiPoint {
  run: string
  value: number | null
}

/** The chart's rows: one per run, oldest first. */
export function kpiSeries(runs: HistoryRuns['runs'], kpi: keyof HistoryKpiMeans): KpiPoint[] {
  return [...runs].reverse().map((r) => {
    const v = r.kpi_means[kpi]
    return { run: `#${r.run.id}`, value: v === null ? null : RATIOS.has(kpi) ? Math.round(v * 1000) / 10 : Math.round(v * 100) / 100 }
  })
}

export const HistoryChart = memo(function HistoryChart({ data, kpi }: { data: KpiPoint[]; kpi: keyof HistoryKpiMeans }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 10, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="2 4" />
        <XAxis dataKey="run" stroke="var(--text-dim)" fontSize={11} />
        <YAxis domain={[0, 'auto']} stroke="var(--text-dim)" fontSize={11} width={56} unit={RATIOS.has(kpi) ? ' %' : ''} />
        <Tooltip contentStyle={{ background: 'var(--surface-2)', border: '1px solid var(--border)', fontSize: 12 }} formatter={(v) => [String(v), KPI_LABELS[kpi]]} />
        <Bar dataKey="value" fill="var(--accent)" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  )
})
