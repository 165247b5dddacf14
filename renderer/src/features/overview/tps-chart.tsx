/**
 * Measured ticks/s over the last minute. The x axis is seconds before the newest sample, so the
 * chart reads the same whatever the wall clock says. The figure in its title bar is the shard
 * store's smoothed rate, the one the header shows too.
 */
import { memo, useMemo } from 'react'
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { MouseHandlerDataParam } from 'recharts'
import { useShard } from '../../app/session-context'
import { Card } from '../../components/card'
import { formatFixed, formatTps } from '../../components/format'
import { useThrottled } from '../../components/use-throttled'
import type { TpsPoint } from '../../stores/tps-history'
import { TPS_HISTORY, TPS_SMOOTHING_MS } from '../../stores/tps-history'
import { cursorLines, useChartCursor, useChartHandlers } from '../timeline/chart-cursor'
import type { ChartCursor, ChartHandlers } from '../timeline/chart-cursor'

interface ChartPoint {
  ago: number
  tps: number
  tick: number | null
}

const WINDOW_S = TPS_HISTORY.windowMs / 1000

function toChart(history: readonly TpsPoint[]): ChartPoint[] {
  const newest = history[history.length - 1]?.t ?? 0
  return history.map((p) => ({ ago: (p.t - newest) / 1000, tps: p.tps, tick: p.tick ?? null }))
}

/**
 * Where a tick sits on this chart's axis of seconds: at the last sample taken at or before it;
 * null when the chart does not reach back that far (or forward: a tick past the newest sample).
 */
export function agoOfTick(data: readonly ChartPoint[], tick: number): number | null {
  const newest = data[data.length - 1]
  if (newest === undefined || newest.tick === null || tick > newest.tick) return null
  let found: number | null = null
  for (const point of data) if (point.tick !== null && point.tick <= tick) found = point.ago
  return found
}

const TpsLines = memo(function TpsLines({ data, cursor, handlers }: { data: ChartPoint[]; cursor: ChartCursor; handlers: ChartHandlers }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} {...handlers}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="2 4" />
        <XAxis
          dataKey="ago"
          type="number"
          domain={[-WINDOW_S, 0]}
          ticks={[-60, -45, -30, -15, 0]}
          tickFormatter={(s: number) => (s === 0 ? 'now' : `${s}s`)}
          stroke="var(--text-dim)"
          fontSize={11}
        />
        <YAxis domain={[0, 'auto']} stroke="var(--text-dim)" fontSize={11} width={44} allowDecimals={false} />
        <Tooltip
          contentStyle={{ background: 'var(--surface-2)', border: '1px solid var(--border)', fontSize: 12 }}
          labelFormatter={(s) => `${formatFixed(Number(s), 1)} s`}
          formatter={(v) => [`${formatTps(Number(v))} t/s`, 'measured']}
        />
        {cursorLines(cursor, (tick) => agoOfTick(data, tick))}
        <Line type="monotone" dataKey="tps" stroke="var(--accent)" dot={false} strokeWidth={1.5} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  )
})

/** The smoothed rate, on its own so a new figure re-renders only this line, not the chart. */
function TpsNow() {
  const smoothed = useShard((s) => s.smoothedTps)
  return (
    <span className="mono dim" data-testid="tps-now" title={`Averaged over the last ${TPS_SMOOTHING_MS / 1000} seconds, as in the header`}>
      {smoothed === null ? 'no samples yet' : `${formatTps(smoothed)} t/s`}
    </span>
  )
}

export function TpsChart() {
  const history = useThrottled(
    useShard((s) => s.tpsHistory),
    500
  )
  const data = useMemo(() => toChart(history), [history])
  const cursor = useChartCursor()
  // The x axis is seconds, not ticks: the point under the pointer says which tick it was.
  const tickOf = useMemo(() => (state: MouseHandlerDataParam) => data[Number(state.activeIndex)]?.tick ?? null, [data])
  const handlers = useChartHandlers(tickOf)
  return (
    <Card title="Tick rate" testId="tps-chart" className="span-2" actions={<TpsNow />}>
      <div className="chart-box" data-testid="tps-chart-box" data-samples={data.length}>
        <TpsLines data={data} cursor={cursor} handlers={handlers} />
      </div>
    </Card>
  )
}
