/** The Console panel: the session's role and token, a command runner, and the results. */
import { useConsole, useShard } from '../../app/session-context'
import { Card } from '../../components/card'
import { CommandRunner } from './command-runner'
import { ResultsList } from './results-list'
import { SessionCard } from './session-card'

/** Session, runner and results, in the panel grid. */
export function ConsolePanel() {
  const results = useConsole((s) => s.results)
  // A queued result says whether it waits for Resume or Step, so it needs the clock; the tick is
  // read only while one waits, so the panel does not render again on every frame of a running town.
  const waiting = results.some((e) => e.result.status === 'queued')
  const state = useShard((s) => s.status?.state)
  const tick = useShard((s) => (waiting ? s.status?.tick : undefined))
  const clock = state !== undefined && tick !== undefined ? { state, tick } : undefined
  return (
    <div className="panel-grid">
      <SessionCard />
      <CommandRunner />
      <Card title="Results" testId="console-results-card" className="span-3">
        <ResultsList entries={results} clock={clock} />
      </Card>
    </div>
  )
}
