/**
 * The town's mean needs over the last samples, drawn over ticks so a paused shard draws no flat
 * run. Colours match the need bars.
 */
import { memo } from 'react'
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useShard } from '../../app/session-context'
import { formatDayClock, formatPercent } from '../../components/format'
import { useThrottled } from '../../components/use-throttled'
import { NEEDS } from '../../stores/needs-history'
import type { NeedsPoint } from '../../stores/needs-history'
import { cursorLines, useChartCursor, useChartHandlers } from '../timeline/chart-cursor'
import type { ChartCursor, ChartHandlers } from '../timeline/chart-cursor'

const NeedsLines = memo(function NeedsLines({ data, cursor, handlers }: { data: NeedsPoint[]; cursor: ChartCursor; handlers: ChartHandlers }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} {...handlers}>
        <XAxis dataKey="tick" type="number" domain={['dataMin', 'dataMax']} hide />
        <YAxis
          domain={[0, 1]}
          ticks={[0, 0.5, 1]}
          tickFormatter={(v: number) => formatPercent(v)}
          stroke="var(--text-dim)"
          fontSize={10}
          width={36}
        />
        <Tooltip
          contentStyle={{ background: 'var(--surface-2)', border: '1px solid var(--border)', fontSize: 12 }}
          labelFormatter={(tick, payload) => {
            const point = payload[0]?.payload as NeedsPoint | undefined
            return point ? `${formatDayClock(point.day, point.clock)} (tick ${point.tick})` : `tick ${String(tick)}`
          }}
          formatter={(v, name) => [formatPercent(Number(v)), name]}
        />
        {cursorLines(cursor)}
        {NEEDS.map((need) => (
          <Line
            key={need}
            type="monotone"
            dataKey={need}
            stroke={`var(--need-${need})`}
            dot={false}
            strokeWidth={1.5}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  )
})

export function NeedsChart() {
  const history = useThrottled(
    useShard((s) => s.needsHistory),
    500
  )
  const cursor = useChartCursor()
  const handlers = useChartHandlers()
  return (
    <div className="needs-chart" data-testid="needs-chart">
      {history.length < 2 ? <p className="dim">no need history yet</p> : <NeedsLines data={history} cursor={cursor} handlers={handlers} />}
    </div>
  )
}
