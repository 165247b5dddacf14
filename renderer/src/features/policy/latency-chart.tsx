/**
 * Inference latency per tick batch: the recent batches as a line over ticks, and the last, mean
 * and 95th-percentile figures. Nothing to chart while the scripted controller decides.
 */
import { memo } from 'react'
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { PolicyStatus } from '../../../../shared/contract/dto/policy'
import { Card } from '../../components/card'
import { Readout } from '../../components/readout'
import { formatFixed } from '../../components/format'

type Sample = PolicyStatus['latency']['history'][number]

/** Milliseconds to two decimals below 10 ms, one above; "—" when unknown. */
export function formatMs(ms: number | null): string {
  if (ms === null) return '—'
  return formatFixed(ms, ms < 10 ? 2 : 1)
}

const LatencyLines = memo(function LatencyLines({ data }: { data: Sample[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 10, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="2 4" />
        <XAxis dataKey="tick" type="number" domain={['dataMin', 'dataMax']} stroke="var(--text-dim)" fontSize={11} allowDecimals={false} />
        <YAxis domain={[0, 'auto']} stroke="var(--text-dim)" fontSize={11} width={56} unit=" ms" />
        <Tooltip
          contentStyle={{ background: 'var(--surface-2)', border: '1px solid var(--border)', fontSize: 12 }}
          labelFormatter={(tick) => `tick ${String(tick)}`}
          formatter={(v, _name, item) => [`${formatMs(Number(v))} ms (batch ${String((item as { payload?: Sample }).payload?.batch ?? '?')})`, 'inference']}
        />
        <Line type="monotone" dataKey="ms" stroke="var(--accent)" dot={false} strokeWidth={1.5} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  )
})

export function LatencyChart({ latency }: { latency: PolicyStatus['latency'] }) {
  const batch = latency.history[latency.history.length - 1]?.batch
  return (
    <Card title="Inference latency" testId="latency-chart" className="span-2" actions={batch === undefined ? null : <span className="mono dim">batch {batch}</span>}>
      <div className="readouts latency-readouts">
        <Readout label="last" testId="latency-last" unit="ms">
          {formatMs(latency.last_ms)}
        </Readout>
        <Readout label="mean" testId="latency-mean" unit="ms">
          {formatMs(latency.mean_ms)}
        </Readout>
        <Readout label="p95" testId="latency-p95" unit="ms">
          {formatMs(latency.p95_ms)}
        </Readout>
      </div>
      {latency.history.length === 0 ? (
        <p className="dim" data-testid="latency-empty">
          no inference yet (the model has not run)
        </p>
      ) : (
        <div className="chart-box latency-box">
          <LatencyLines data={latency.history} />
        </div>
      )}
    </Card>
  )
}
