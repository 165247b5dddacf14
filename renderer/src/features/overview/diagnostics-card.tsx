/** Test-only hooks, shown only when the host was started with them enabled. */
import { useAppInfo, useCommands } from '../../app/session-context'
import { Card } from '../../components/card'
import { DisabledReason } from '../operator/disabled-reason'
import { useAdminGate } from '../operator/use-operator'

export function DiagnosticsCard() {
  const commands = useCommands()
  const enabled = useAppInfo((s) => s.info?.test_hooks === true)
  const gate = useAdminGate()
  if (!enabled) return null
  return (
    <Card title="Diagnostics" testId="diagnostics">
      <p className="dim">Test hooks are enabled on this host.</p>
      <button
        type="button"
        className="danger"
        data-testid="btn-crash-worker"
        disabled={!gate.allowed}
        onClick={() => void commands.crashWorker()}
        title={gate.allowed ? 'Make the shard worker throw, to exercise the failure path' : (gate.reason ?? undefined)}
      >
        Crash worker
      </button>
      <DisabledReason gate={gate} testId="diagnostics-disabled-reason" />
    </Card>
  )
}
