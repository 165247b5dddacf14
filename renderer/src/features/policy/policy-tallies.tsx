/**
 * The embedding allocator (slots in use, allocations, forced reuse with its warning, agents
 * without a slot) and the decisions by who made them, last tick and in total.
 */
import type { DecidedBy, PolicyStatus } from '../../../../shared/contract/dto/policy'
import { Card } from '../../components/card'
import { formatCount, formatPercent } from '../../components/format'
import { ValueBar } from '../../components/value-bar'

export function EmbeddingMetrics({ embedding: e }: { embedding: PolicyStatus['embedding'] }) {
  const warn = e.reuse_warning || e.without_slot > 0
  return (
    <Card
      title="Embedding slots"
      testId="embedding-metrics"
      actions={
        e.reuse_warning ? (
          <span className="badge badge-warn" data-testid="embedding-reuse-warning" title="Forced reuse is above its threshold: slots are handed on before their cooldown ends">
            reuse
          </span>
        ) : null
      }
    >
      <div className="bar-cell" title={`${e.in_use} of ${e.max_slots} slots in use`}>
        <ValueBar value={e.max_slots > 0 ? e.in_use / e.max_slots : 0} tone={warn ? 'warn' : 'accent'} label="slots in use" />
        <span className="mono num" data-testid="embedding-in-use">
          {e.in_use}/{e.max_slots}
        </span>
      </div>
      <dl className="facts">
        <dt>allocations</dt>
        <dd className="mono" data-testid="embedding-allocations">
          {formatCount(e.allocations_total)}
        </dd>
        <dt>forced reuse</dt>
        <dd className={`mono${e.reuse_warning ? ' warn-text' : ''}`} data-testid="embedding-forced-reuse">
          {formatCount(e.forced_reuse_count)} ({formatPercent(e.forced_reuse_rate, 1)})
        </dd>
        <dt>without a slot</dt>
        <dd className={`mono${e.without_slot > 0 ? ' warn-text' : ''}`} data-testid="embedding-without-slot">
          {formatCount(e.without_slot)}
        </dd>
        <dt>reuse cooldown</dt>
        <dd className="mono">{formatCount(e.cooldown_ticks)} ticks</dd>
      </dl>
    </Card>
  )
}

const SOURCES: readonly DecidedBy[] = ['scripted', 'learned', 'operator']

export function DecisionSources({ decisions }: { decisions: PolicyStatus['decisions'] }) {
  return (
    <Card title="Decisions by source" testId="policy-decisions">
      <p className="dim policy-note">option changes sent to the tick (an agent carrying on is not counted)</p>
      <table className="data-table">
        <thead>
          <tr>
            <th>source</th>
            <th className="right">last tick</th>
            <th className="right">total</th>
          </tr>
        </thead>
        <tbody>
          {SOURCES.map((source) => (
            <tr key={source} data-testid={`decisions-${source}`}>
              <td>
                <span className={`decided-badge decided-${source}`}>{source}</span>
              </td>
              <td className="mono num right">{formatCount(decisions.last_tick[source] ?? 0)}</td>
              <td className="mono num right">{formatCount(decisions.total[source] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  )
}
