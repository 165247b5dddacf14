/**
 * The Policy panel: who decides and with which model, the runtime's notice, the anneal ratio and
 * the model swap (admin), inference latency, the embedding allocator, decisions by source and the
 * possessed agents. The status is watched (polled about once a second) while the panel is shown.
 */
import { useEffect } from 'react'
import type { PolicyStatus } from '../../../../shared/contract/dto/policy'
import { useCommands, usePolicy } from '../../app/session-context'
import { Card } from '../../components/card'
import { DisabledReason } from '../operator/disabled-reason'
import { AnnealControl } from './anneal-control'
import { LatencyChart } from './latency-chart'
import { ModelSwap } from './model-swap'
import { PolicyIdentity, PolicyNotice } from './policy-identity'
import { DecisionSources, EmbeddingMetrics } from './policy-tallies'
import { PossessedList } from './possessed-list'
import { usePolicyOperator } from './use-policy-operator'

export function PolicyPanel() {
  const commands = useCommands()
  useEffect(() => commands.watchPolicy(), [commands])
  const status = usePolicy((s) => s.status)
  const error = usePolicy((s) => s.error)
  if (!status) {
    return (
      <div className="panel-grid">
        <Card title="Policy" testId="policy-panel">
          <p className={error ? 'warn-text' : 'dim'} data-testid="policy-status-line">
            {error ? `policy status unavailable (${error})` : 'Waiting for the policy runtime…'}
          </p>
        </Card>
      </div>
    )
  }
  return <PolicyView status={status} error={error} />
}

/** The panel for a status (also what render tests draw). */
export function PolicyView({ status, error }: { status: PolicyStatus; error: string | null }) {
  const operator = usePolicyOperator()
  return (
    <div className="panel-grid policy-grid" data-testid="policy-panel" data-backend={status.identity.backend}>
      <PolicyNotice notice={status.notice} />
      {error ? (
        <p className="warn-text span-3" data-testid="policy-status-line">
          last refresh failed ({error}); showing the previous status
        </p>
      ) : null}
      {operator.gate.allowed ? null : (
        <div className="span-3">
          <DisabledReason gate={operator.gate} />
        </div>
      )}
      <PolicyIdentity status={status} />
      <AnnealControl status={status} operator={operator} />
      <ModelSwap status={status} operator={operator} />
      <LatencyChart latency={status.latency} />
      <EmbeddingMetrics embedding={status.embedding} />
      <DecisionSources decisions={status.decisions} />
      <PossessedList possessed={status.possessed} operator={operator} />
    </div>
  )
}
