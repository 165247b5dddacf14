/** An agent id that focuses the agent when clicked: selects it, so the inspector opens on it. */
import { useUi } from '../../app/session-context'

export function AgentLink(props: { id: string; testId?: string }) {
  const select = useUi((s) => s.select)
  const selected = useUi((s) => s.selectedAgentId === props.id)
  return (
    <button
      type="button"
      className={`agent-link mono${selected ? ' selected' : ''}`}
      data-testid={props.testId ?? 'agent-link'}
      data-agent-id={props.id}
      title={`Inspect ${props.id}`}
      onClick={(event) => {
        // Inside a clickable row, the link alone decides.
        event.stopPropagation()
        select(props.id)
      }}
    >
      {props.id}
    </button>
  )
}
