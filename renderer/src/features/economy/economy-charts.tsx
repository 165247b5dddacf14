/**
 * The economy over time: prices, wages per tick, wages paid and stock, one line chart each, from
 * the renderer's economy history (sampled from every observer frame). The x axis is the tick;
 * how a tick reads is one function prop, `formatTick`, so a day-and-hour formatter can replace it.
 */
import { memo, useMemo } from 'react'
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatCount, formatMoney, formatWage } from '../../components/format'
import type { EconomyPoint } from '../../stores/economy-history'
import { seriesKeys } from '../../stores/economy-history'

export type TickFormatter = (tick: number) => string

/** How a tick reads on the axes and in tooltips until a day/hour formatter is given. */
export const formatTickNumber: TickFormatter = (tick) => formatCount(tick)

type Group = 'prices' | 'wages' | 'earned' | 'stock'

/** What each chart shows and how its values read. */
export const ECONOMY_CHARTS: ReadonlyArray<{ group: Group; title: string; format: (v: number) => string }> = [
  { group: 'prices', title: 'Prices', format: formatWage },
  { group: 'wages', title: 'Wage per tick, by job', format: formatWage },
  { group: 'earned', title: 'Wages paid, by job', format: formatMoney },
  { group: 'stock', title: 'Stock, by type and item', format: formatCount }
]

/** Series colours, in order; a chart with more series than colours wraps around. */
const PALETTE = ['var(--accent)', 'var(--need-hunger)', 'var(--need-hygiene)', 'var(--need-energy)', 'var(--ok)', 'var(--late)', 'var(--event-perturbation)', 'var(--waiting)']

interface Series {
  key: string
  color: string
  value: (point: EconomyPoint) => number | undefined
}

function seriesOf(points: readonly EconomyPoint[], group: Group): Series[] {
  // A function per series, not a string path: job ids and item names may hold dots.
  return seriesKeys(points, group).map((key, i) => ({ key, color: PALETTE[i % PALETTE.length]!, value: (p: EconomyPoint) => p[group][key] }))
}

/**
 * Round axis ticks from zero to past `max`: about four steps of 1, 2 or 5 × a power of ten, so a
 * wage axis reads 0, 0.01, 0.02, 0.03 rather than 0, 0.0065, 0.013 …
 */
export function niceTicks(max: number): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1]
  const rough = max / 4
  const power = 10 ** Math.floor(Math.log10(rough))
  const factor = [1, 2, 5, 10].find((f) => f * power >= rough) ?? 10
  const count = Math.ceil(max / (factor * power) - 1e-9)
  // Dividing by a whole 1/power (not multiplying by 0.01) keeps 3 × 0.1 from reading 0.30000000000000004.
  const tick = (i: number) => (power < 1 ? (i * factor) / Math.round(1 / power) : i * factor * power)
  return Array.from({ length: count + 1 }, (_, i) => tick(i))
}

function maxOf(points: readonly EconomyPoint[], series: Series[]): number {
  let max = 0
  for (const p of points) for (const s of series) max = Math.max(max, s.value(p) ?? 0)
  return max
}

const TOOLTIP_STYLE = { background: 'var(--surface-2)', border: '1px solid var(--border)', fontSize: 12 }

const EconomyLines = memo(function EconomyLines(props: { points: readonly EconomyPoint[]; series: Series[]; format: (v: number) => string; formatTick: TickFormatter }) {
  const { format, formatTick } = props
  const ticks = niceTicks(maxOf(props.points, props.series))
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={props.points as EconomyPoint[]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="2 4" />
        <XAxis dataKey="tick" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(t: number) => formatTick(t)} stroke="var(--text-dim)" fontSize={11} tickCount={5} />
        <YAxis domain={[0, ticks[ticks.length - 1]!]} ticks={ticks} interval={0} tickFormatter={(v: number) => format(v)} stroke="var(--text-dim)" fontSize={11} width={52} />
        <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={(t) => formatTick(Number(t))} formatter={(v, name) => [format(Number(v)), name]} />
        {props.series.map((s) => (
          <Line key={s.key} type="stepAfter" dataKey={s.value} name={s.key} stroke={s.color} dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  )
})

/** One chart with its own legend (text, so it reads the same in any renderer). */
function EconomyChart(props: { points: readonly EconomyPoint[]; group: Group; title: string; format: (v: number) => string; formatTick: TickFormatter }) {
  const { points, group } = props
  const series = useMemo(() => seriesOf(points, group), [points, group])
  return (
    <figure className="economy-chart" data-testid="economy-chart" data-series={group} data-points={points.length}>
      <figcaption className="readout-label">{props.title}</figcaption>
      {series.length === 0 ? (
        <p className="dim">nothing to chart</p>
      ) : (
        <>
          <div className="economy-chart-box">
            <EconomyLines points={points} series={series} format={props.format} formatTick={props.formatTick} />
          </div>
          <ul className="chart-legend" data-testid="economy-chart-legend">
            {series.map((s) => (
              <li key={s.key} className="mono">
                <span className="legend-swatch" style={{ background: s.color }} aria-hidden="true" />
                {s.key}
              </li>
            ))}
          </ul>
        </>
      )}
    </figure>
  )
}

/** The four charts, or a note until two samples have arrived. */
export function EconomyCharts({ points, formatTick = formatTickNumber }: { points: readonly EconomyPoint[]; formatTick?: TickFormatter }) {
  if (points.length < 2) {
    return (
      <p className="dim" data-testid="economy-history-empty">
        Collecting history: the charts start with the second frame.
      </p>
    )
  }
  return (
    <div className="economy-charts" data-testid="economy-history">
      {ECONOMY_CHARTS.map((chart) => (
        <EconomyChart key={chart.group} points={points} group={chart.group} title={chart.title} format={chart.format} formatTick={formatTick} />
      ))}
    </div>
  )
}
