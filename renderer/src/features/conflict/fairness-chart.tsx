/**
 * Queue fairness per frame over ticks: ghost steps (stalled holders moved back), rotations
 * (handovers) and cooldown refusals, as three lines.
 */
import { memo } from 'react'
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { FairnessPoint } from '../../stores/society-history'

/** The series, their labels and colours. */
export const FAIRNESS_SERIES = [
  { key: 'ghost_steps', label: 'ghost steps', color: 'var(--warn)' },
  { key: 'rotations', label: 'rotations', color: 'var(--accent)' },
  { key: 'cooldowns', label: 'cooldown refusals', color: 'var(--bad)' }
] as const satisfies ReadonlyArray<{ key: keyof FairnessPoint; label: string; color: string }>

/** Sums of each counter over the points (what the chart's window holds). */
export function fairnessTotals(points: readonly FairnessPoint[]): Omit<FairnessPoint, 'tick'> {
  const totals = { ghost_steps: 0, rotations: 0, cooldowns: 0 }
  for (const p of points) {
    totals.ghost_steps += p.ghost_steps
    totals.rotations += p.rotations
    totals.cooldowns += p.cooldowns
  }
  return totals
}

const FairnessLines = memo(function FairnessLines({ data }: { data: readonly FairnessPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data as FairnessPoint[]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="2 4" />
        <XAxis dataKey="tick" type="number" domain={['dataMin', 'dataMax']} stroke="var(--text-dim)" fontSize={11} tickCount={5} />
        <YAxis domain={[0, 'auto']} allowDecimals={false} stroke="var(--text-dim)" fontSize={11} width={32} />
        <Tooltip contentStyle={{ background: 'var(--surface-2)', border: '1px solid var(--border)', fontSize: 12 }} labelFormatter={(tick) => `tick ${String(tick)}`} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {FAIRNESS_SERIES.map((s) => (
          <Line key={s.key} type="stepAfter" dataKey={s.key} name={s.label} stroke={s.color} dot={false} strokeWidth={1.5} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  )
})

/** The chart, or a note until two frames have arrived. */
export function FairnessChart({ points }: { points: readonly FairnessPoint[] }) {
  return (
    <div className="chart-box" data-testid="fairness-chart">
      {points.length < 2 ? <p className="dim">collecting fairness history…</p> : <FairnessLines data={points} />}
    </div>
  )
}
