/** One agent's needs over its recent samples (ticks on x), coloured like the need bars. */
import { memo } from 'react'
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useObserverSampled } from '../../app/session-context'
import { formatPercent } from '../../components/format'
import { formatSimAxis, formatSimTime, useSimClock } from '../../components/sim-time'
import type { NeedSample } from '../../stores/agent-history'
import { NEEDS } from '../../stores/needs-history'

const EMPTY: readonly NeedSample[] = []

const NeedLines = memo(function NeedLines({ data }: { data: readonly NeedSample[] }) {
  // Time reads as day and hour, as on the KPI charts; the tooltip keeps the tick too.
  const clock = useSimClock()
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data as NeedSample[]} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <XAxis dataKey="tick" type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} tickFormatter={(tick: number) => formatSimAxis(clock, tick)} stroke="var(--text-dim)" fontSize={10} tickCount={4} />
        <YAxis domain={[0, 1]} ticks={[0, 0.5, 1]} tickFormatter={(v: number) => formatPercent(v)} stroke="var(--text-dim)" fontSize={10} width={36} />
        <Tooltip
          contentStyle={{ background: 'var(--surface-2)', border: '1px solid var(--border)', fontSize: 12 }}
          labelFormatter={(tick) => (clock ? `${formatSimTime(clock, Number(tick))} · tick ${String(tick)}` : `tick ${String(tick)}`)}
          formatter={(v, name) => [formatPercent(Number(v)), name]}
        />
        {NEEDS.map((need) => (
          <Line key={need} type="monotone" dataKey={need} stroke={`var(--need-${need})`} dot={false} strokeWidth={1.5} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  )
})

/** The chart for one agent, re-read at most twice a second. */
export function AgentNeedsChart({ agentId }: { agentId: string }) {
  const history = useObserverSampled((s) => s.history.get(agentId) ?? EMPTY, 500)
  return (
    <div className={history.length < 2 ? 'inspector-chart-pending' : 'inspector-chart'} data-testid="inspector-needs-chart">
      {history.length < 2 ? <p className="dim">collecting need history…</p> : <NeedLines data={history} />}
    </div>
  )
}
