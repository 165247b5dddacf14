/**
 * Which console results the inspector lists as "commands applied" to an agent: those aimed at it,
 * not every result that happens to contain its id (a town-wide `telemetry_snapshot` lists every
 * agent), and only those of the town now loaded (a new config is another town; its agents may
 * share names with the old one's).
 */
import type { ConsoleEntry } from '../../stores/console-state'

/** Result fields that name the agent a command acted on (set_need → agent_id, spawn → agent_id …). */
const TARGET_FIELDS = ['agent_id', 'agent', 'id'] as const

function names(value: unknown, id: string): boolean {
  return value === id || (Array.isArray(value) && value.includes(id))
}

/**
 * True when the command was aimed at the agent: one of the arguments this window sent is its id
 * (or a list holding it); for another window's command (no arguments known), the result says it
 * acted on the agent in one of its top-level target fields.
 */
export function aimedAt(entry: ConsoleEntry, id: string): boolean {
  if (entry.args) return Object.values(entry.args).some((value) => names(value, id))
  const result = entry.result.result
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return false
  const fields = result as Record<string, unknown>
  return TARGET_FIELDS.some((field) => names(fields[field], id))
}

/** The entries aimed at the agent since the current config loaded (`loadedAt`, wall ms; null: keep all). */
export function commandsForAgent(entries: readonly ConsoleEntry[], id: string, loadedAt: number | null): ConsoleEntry[] {
  return entries.filter((entry) => (loadedAt === null || entry.at >= loadedAt) && aimedAt(entry, id))
}
