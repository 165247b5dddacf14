/**
 * Holding the Agents table still. While the order is frozen (the pointer is over the rows, or the
 * operator pinned it), the rows keep the order and membership they had when it froze, showing
 * each agent's live values, so the row under the pointer does not move as needs change. Agents
 * that left the town drop out; agents that arrived and match the filter join at the end.
 */
import type { AgentRow } from '../../../../shared/contract/dto/observer'

/** The ids in the order the table showed them, taken when it freezes. */
export function freezeOrder(rows: readonly AgentRow[]): readonly string[] {
  return rows.map((row) => row.id)
}

/**
 * The rows to show: the frozen ids with their agents' current values, then the live rows that
 * were not there when it froze. With nothing frozen, the live rows as they are.
 */
export function holdOrder(frozen: readonly string[] | null, agents: ReadonlyMap<string, AgentRow>, live: readonly AgentRow[]): readonly AgentRow[] {
  if (frozen === null) return live
  const held = new Set(frozen)
  const rows: AgentRow[] = []
  for (const id of frozen) {
    const agent = agents.get(id)
    if (agent !== undefined) rows.push(agent)
  }
  for (const row of live) if (!held.has(row.id)) rows.push(row)
  return rows
}
