/**
 * One small chart per KPI over the windows seen so far, with its target as a dashed line. x is
 * the tick a window ended, labelled as the day and time it was ("d2 07:30").
 */
import { memo } from 'react'
import { Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { SimClock } from '../../../../shared/sim-clock'
import { formatSimAxis, formatSimTime, useSimClock } from '../../components/sim-time'
import type { KpiPoint } from '../../stores/society-history'
import { cursorLines, useChartCursor, useChartHandlers } from '../timeline/chart-cursor'
import type { ChartCursor, ChartHandlers } from '../timeline/chart-cursor'
import { formatKpi, KPI_SPECS } from './kpi-specs'
import type { KpiSpec } from './kpi-specs'

interface KpiLineProps {
  spec: KpiSpec
  data: readonly KpiPoint[]
  clock: SimClock | null
  cursor: ChartCursor
  handlers: ChartHandlers
}

const KpiLine = memo(function KpiLine({ spec, data, clock, cursor, handlers }: KpiLineProps) {
  const ratio = spec.kind === 'ratio'
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data as KpiPoint[]} margin={{ top: 6, right: 12, bottom: 0, left: 0 }} {...handlers}>
        <XAxis
          dataKey="tick"
          type="number"
          domain={['dataMin', 'dataMax']}
          tickCount={3}
          tickFormatter={(tick: number) => formatSimAxis(clock, tick)}
          stroke="var(--text-dim)"
          fontSize={10}
          height={18}
        />
        <YAxis
          domain={ratio ? [0, 1] : [0, 'auto']}
          ticks={ratio ? [0, 0.5, 1] : undefined}
          tickCount={3}
          interval={0}
          tickFormatter={(v: number) => (ratio ? formatKpi(spec, v) : String(v))}
          stroke="var(--text-dim)"
          fontSize={10}
          width={36}
        />
        <Tooltip
          contentStyle={{ background: 'var(--surface-2)', border: '1px solid var(--border)', fontSize: 12 }}
          labelFormatter={(tick) => `${formatSimTime(clock, Number(tick))} · tick ${String(tick)}`}
          formatter={(v) => [formatKpi(spec, v === null || v === undefined ? null : Number(v)), spec.label]}
        />
        {cursorLines(cursor)}
        {spec.target ? <ReferenceLine y={spec.target.value} stroke="var(--ok)" strokeDasharray="3 3" ifOverflow="extendDomain" /> : null}
        <Line type="monotone" dataKey={spec.name} stroke="var(--accent)" dot={data.length < 30} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
      </LineChart>
    </ResponsiveContainer>
  )
})

/** The grid of KPI charts, or a note until two windows have closed. */
export function KpiHistory({ points }: { points: readonly KpiPoint[] }) {
  const clock = useSimClock()
  const cursor = useChartCursor()
  const handlers = useChartHandlers()
  if (points.length < 2) {
    return (
      <p className="dim" data-testid="kpi-history-empty">
        {points.length === 0 ? 'No KPI window yet.' : 'One window so far; the charts start with the second.'}
      </p>
    )
  }
  return (
    <div className="kpi-charts" data-testid="kpi-history">
      {KPI_SPECS.map((spec) => (
        <figure key={spec.name} className="kpi-chart" data-testid="kpi-chart" data-kpi={spec.name}>
          <figcaption className="readout-label">{spec.label}</figcaption>
          <div className="kpi-chart-box">
            <KpiLine spec={spec} data={points} clock={clock} cursor={cursor} handlers={handlers} />
          </div>
        </figure>
      ))}
    </div>
  )
}
