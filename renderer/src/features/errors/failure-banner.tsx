/**
 * Shown while the shard is failed: the reason, where it stopped, and the one way out (Restart,
 * which starts a fresh worker with the last good config).
 */
import { useState } from 'react'
import { useCommands, useFailures, useShard } from '../../app/session-context'
import { useAdminGate } from '../operator/use-operator'

export function FailureBanner() {
  const commands = useCommands()
  const recorded = useFailures((s) => s.failure)
  const stateFailed = useShard((s) => s.status?.state === 'failed')
  const [restarting, setRestarting] = useState(false)
  const gate = useAdminGate()
  if (!recorded && !stateFailed) return null

  const failure = recorded?.failure
  // A page that connects after the crash sees the failed state but never got the event.
  const reason = failure?.reason ?? 'The shard failed before this window connected.'
  const facts = [
    failure?.tick != null ? `at tick ${failure.tick}` : null,
    failure?.exit_code != null ? `exit code ${failure.exit_code}` : null
  ].filter((fact) => fact !== null)

  async function restart(): Promise<void> {
    setRestarting(true)
    await commands.restart()
    setRestarting(false)
  }

  return (
    <div className="banner banner-failure" role="alert" data-testid="failure-banner">
      <div className="banner-text">
        <strong>Shard failed</strong>
        <span className="banner-reason">{reason}</span>
        {facts.length > 0 ? <span className="banner-facts">{facts.join(' · ')}</span> : null}
        {gate.allowed ? null : <span className="banner-facts" data-testid="restart-disabled-reason">{gate.reason}</span>}
      </div>
      <button
        type="button"
        className="danger"
        data-testid="btn-restart"
        disabled={restarting || !gate.allowed}
        title={gate.allowed ? 'Start a fresh worker with the last good config' : (gate.reason ?? undefined)}
        onClick={() => void restart()}
      >
        {restarting ? 'Restarting…' : 'Restart shard'}
      </button>
    </div>
  )
}
