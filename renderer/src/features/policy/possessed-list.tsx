/** The agents an operator possesses, each with Inspect (opens it on the map) and Release. */
import { useUi } from '../../app/session-context'
import { Card } from '../../components/card'
import { LastResult, useLastResult } from '../operator/last-result'
import { releaseArgs } from './policy-commands'
import type { PolicyOperator } from './use-policy-operator'

export function PossessedList({ possessed, operator }: { possessed: readonly string[]; operator: PolicyOperator }) {
  const select = useUi((s) => s.select)
  const show = useUi((s) => s.setActivePanel)
  const { track, last } = useLastResult()
  return (
    <Card title="Possessed agents" testId="possessed-list" actions={<span className="mono dim">{possessed.length}</span>}>
      {possessed.length === 0 ? (
        <p className="dim">none — possess an agent from its inspector</p>
      ) : (
        <ul className="possessed-rows">
          {possessed.map((id) => (
            <li key={id} data-testid="possessed-agent" data-agent-id={id}>
              <span className="mono">{id}</span>
              <button
                type="button"
                data-testid="possessed-inspect"
                title={`Inspect ${id} on the map`}
                onClick={() => {
                  select(id)
                  show('map')
                }}
              >
                Inspect
              </button>
              <button
                type="button"
                data-testid="possessed-release"
                data-agent-id={id}
                disabled={!operator.gate.allowed}
                title={operator.gate.reason ?? `Hand ${id} back to the policy`}
                onClick={() => void operator.run('release', releaseArgs(id)).then(track)}
              >
                Release
              </button>
            </li>
          ))}
        </ul>
      )}
      <LastResult result={last} testId="possessed-result" />
    </Card>
  )
}
