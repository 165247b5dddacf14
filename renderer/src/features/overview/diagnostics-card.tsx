/** Test-only hooks, shown only when the host was started with them enabled. */
import { useAppInfo, useCommands } from '../../app/session-context'
import { Card } from '../../components/card'

export function DiagnosticsCard() {
  const commands = useCommands()
  const enabled = useAppInfo((s) => s.info?.test_hooks === true)
  if (!enabled) return null
  return (
    <Card title="Diagnostics" testId="diagnostics">
      <p className="dim">Test hooks are enabled on this host.</p>
      <button
        type="button"
        className="danger"
        data-testid="btn-crash-worker"
        onClick={() => void commands.crashWorker()}
        title="Make the shard worker throw, to exercise the failure path"
      >
        Crash worker
      </button>
    </Card>
  )
}
