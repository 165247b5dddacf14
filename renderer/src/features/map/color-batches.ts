/** Groups agents by the colour they are drawn in, for the chosen colouring (option or one need). */
import type { ColorBy } from '../../stores/ui-store'
import type { AgentLayout } from './agent-layout'
import { needColor, OPTION_COLORS } from './map-colors'

/** Agents grouped by fill colour, so each colour is one path and one fill. */
export interface ColorBatch {
  color: string
  indices: number[]
}

/** An agent's dot colour: its option's colour, or its need's gradient colour. */
export function agentColor(agent: AgentLayout['rows'][number], colorBy: ColorBy): string {
  return colorBy === 'option' ? OPTION_COLORS[agent.option] : needColor(agent[colorBy])
}

/** Agent indices grouped by colour, for one path per colour. */
export function colorBatches(layout: AgentLayout, colorBy: ColorBy): ColorBatch[] {
  const byColor = new Map<string, number[]>()
  layout.rows.forEach((agent, i) => {
    const color = agentColor(agent, colorBy)
    let indices = byColor.get(color)
    if (!indices) byColor.set(color, (indices = []))
    indices.push(i)
  })
  return [...byColor].map(([color, indices]) => ({ color, indices }))
}
