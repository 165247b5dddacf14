/**
 * Queue conflicts and fairness per frame over ticks: queue conflicts (what the contention table
 * counts: a handover to someone waiting, or a ghost step), ghost steps (stalled holders moved
 * back), rotations (someone overtaking on age) and cooldown refusals, as four lines. A town whose
 * queues only hand over charts its conflicts and flat zeros for the other three.
 */
import { memo } from 'react'
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { SimClock } from '../../../../shared/sim-clock'
import { formatSimAxis, formatSimTime, useSimClock } from '../../components/sim-time'
import type { FairnessPoint } from '../../stores/society-history'

/** The series, their labels and colours (the conflicts line matches the contention bars). */
export const FAIRNESS_SERIES = [
  { key: 'conflicts', label: 'queue conflicts', color: 'var(--warn)' },
  { key: 'ghost_steps', label: 'ghost steps', color: 'var(--late)' },
  { key: 'rotations', label: 'rotations', color: 'var(--accent)' },
  { key: 'cooldowns', label: 'cooldown refusals', color: 'var(--bad)' }
] as const satisfies ReadonlyArray<{ key: keyof FairnessPoint; label: string; color: string }>

/** Sums of each counter over the points (what the chart's window holds). */
export function fairnessTotals(points: readonly FairnessPoint[]): Omit<FairnessPoint, 'tick'> {
  const totals = { conflicts: 0, ghost_steps: 0, rotations: 0, cooldowns: 0 }
  for (const p of points) {
    totals.conflicts += p.conflicts
    totals.ghost_steps += p.ghost_steps
    totals.rotations += p.rotations
    totals.cooldowns += p.cooldowns
  }
  return totals
}

const FairnessLines = memo(function FairnessLines({ data, clock }: { data: readonly FairnessPoint[]; clock: SimClock | null }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data as FairnessPoint[]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="2 4" />
        <XAxis
          dataKey="tick"
          type="number"
          domain={['dataMin', 'dataMax']}
          stroke="var(--text-dim)"
          fontSize={11}
          tickCount={5}
          tickFormatter={(tick: number) => formatSimAxis(clock, tick)}
        />
        <YAxis domain={[0, 'auto']} allowDecimals={false} stroke="var(--text-dim)" fontSize={11} width={32} />
        <Tooltip
          contentStyle={{ background: 'var(--surface-2)', border: '1px solid var(--border)', fontSize: 12 }}
          labelFormatter={(tick) => `${formatSimTime(clock, Number(tick))} · tick ${String(tick)}`}
        />
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
  const clock = useSimClock()
  return (
    <div className="chart-box" data-testid="fairness-chart">
      {points.length < 2 ? <p className="dim">collecting fairness history…</p> : <FairnessLines data={points} clock={clock} />}
    </div>
  )
}
