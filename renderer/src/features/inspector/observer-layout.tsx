import type { ReactNode } from 'react'
import { useUi } from '../../app/session-context'
import { AgentInspector } from './agent-inspector'

/** A Map or Agents panel with the agent inspector beside it while an agent is selected. */
export function ObserverLayout({ children }: { children: ReactNode }) {
  const selected = useUi((s) => s.selectedAgentId !== null)
  return (
    <div className={`observer-layout${selected ? ' with-inspector' : ''}`}>
      <div className="observer-main">{children}</div>
      {selected ? <AgentInspector /> : null}
    </div>
  )
}
