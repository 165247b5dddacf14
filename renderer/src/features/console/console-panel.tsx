/** The Console panel: the session's role and token, a command runner, and the results. */
import { useConsole } from '../../app/session-context'
import { Card } from '../../components/card'
import { CommandRunner } from './command-runner'
import { ResultsList } from './results-list'
import { SessionCard } from './session-card'

/** Session, runner and results, in the panel grid. */
export function ConsolePanel() {
  const results = useConsole((s) => s.results)
  return (
    <div className="panel-grid">
      <SessionCard />
      <CommandRunner />
      <Card title="Results" testId="console-results-card" className="span-3">
        <ResultsList entries={results} />
      </Card>
    </div>
  )
}
