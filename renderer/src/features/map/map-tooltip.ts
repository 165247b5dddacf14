/** The hover tooltip's lines for an agent or an object, as plain text (the tooltip is `white-space: pre`). */
import type { AgentRow, ObjectRow } from '../../../../shared/contract/dto/observer'
import { formatPercent } from '../../components/format'

/** Id, what it does and towards what, and its needs. */
export function agentTooltip(agent: AgentRow): string[] {
  const doing = agent.action ? `${agent.option} · ${agent.action}` : agent.option
  return [
    agent.id,
    `${doing} (${agent.phase})${agent.target ? ` → ${agent.target}` : ''}`,
    `hunger ${formatPercent(agent.hunger)} · hygiene ${formatPercent(agent.hygiene)} · energy ${formatPercent(agent.energy)}`
  ]
}

/** Id and type, holder and running affordance, queue, stock. */
export function objectTooltip(object: ObjectRow): string[] {
  const stock = Object.entries(object.stock)
    .map(([item, n]) => `${item} ${n}`)
    .join(', ')
  return [
    `${object.id} (${object.type})`,
    `holder: ${object.holder ?? '—'}${object.running ? ` · ${object.running}, ${object.remaining} left` : ''}`,
    `queue: ${object.queue.length === 0 ? 'empty' : `${object.queue.length} — ${object.queue.slice(0, 5).join(', ')}${object.queue.length > 5 ? ' …' : ''}`}`,
    ...(stock ? [`stock: ${stock}`] : [])
  ]
}
