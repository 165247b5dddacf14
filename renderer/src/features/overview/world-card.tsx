import { useShard } from '../../app/session-context'
import { Card } from '../../components/card'

/** The world summary from the latest frame; it grows as the engine lands in later issues. */
export function WorldCard() {
  const agents = useShard((s) => s.agents)
  return (
    <Card title="World" testId="world-card">
      <dl className="facts">
        <dt>agents</dt>
        <dd className="mono num" data-testid="world-agents">
          {agents ?? '—'}
        </dd>
      </dl>
      {agents === 0 ? <p className="dim">empty world — the engine arrives in a later issue</p> : null}
    </Card>
  )
}
