/**
 * Shown while the shard is failed: the reason, where it stopped, and the ways out: Restart, which
 * starts a fresh worker with the last good config, and, when the shard had autosaved, Restart from
 * that autosave, which brings the town back as it was at that tick instead of afresh.
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

  const autosave = failure?.autosave ?? null

  async function restart(snapshot?: string): Promise<void> {
    setRestarting(true)
    await commands.restart(snapshot)
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
      {autosave === null ? null : (
        <button
          type="button"
          className="primary"
          data-testid="btn-restart-autosave"
          data-name={autosave}
          disabled={restarting || !gate.allowed}
          title={gate.allowed ? `Start a fresh worker and load the last autosave, ${autosave}` : (gate.reason ?? undefined)}
          onClick={() => void restart(autosave)}
        >
          Restart from last autosave
        </button>
      )}
    </div>
  )
}
