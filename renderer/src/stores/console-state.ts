/**
 * The console's results as the operator sees them: newest first, bounded, one entry per cmd_id.
 * A mutating command first answers `queued`; its final result (a `console.result` event) replaces
 * that entry in place. The two can race, so a late `queued` never overwrites a final result.
 */
import type { ConsoleResult, Role } from '../../../shared/contract/dto/console'
import type { AppError } from '../../../shared/result'

export interface ConsoleEntry {
  result: ConsoleResult
  /** The arguments this window sent (absent for results of other windows' commands). */
  args?: Record<string, unknown>
  /** Wall-clock ms when the entry was first added. */
  at: number
}

export const MAX_RESULTS = 100

/** Adds a result, or merges it into the entry with the same cmd_id (see above). */
export function upsertResult(entries: readonly ConsoleEntry[], entry: ConsoleEntry, max = MAX_RESULTS): ConsoleEntry[] {
  const index = entries.findIndex((e) => e.result.cmd_id === entry.result.cmd_id)
  if (index < 0) return [entry, ...entries].slice(0, max)
  const existing = entries[index]!
  const merged: ConsoleEntry = {
    result: existing.result.status !== 'queued' && entry.result.status === 'queued' ? existing.result : entry.result,
    at: existing.at,
    ...((entry.args ?? existing.args) ? { args: entry.args ?? existing.args } : {})
  }
  const next = entries.slice()
  next[index] = merged
  return next
}

/** A request that never reached the console (transport, payload) as a result row, so it is shown like any refusal. */
export function localErrorResult(run: { name: string; cmd_id: string }, error: AppError, role: Role, tick: number): ConsoleResult {
  return {
    cmd_id: run.cmd_id,
    name: run.name,
    status: 'error',
    tick,
    issuer: 'this window',
    role,
    replayed: false,
    error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) }
  }
}

/** True when the entry's arguments or result name the agent anywhere (a string equal to its id). */
export function mentionsAgent(entry: ConsoleEntry, agentId: string): boolean {
  return containsString(entry.args, agentId, 0) || containsString(entry.result.result, agentId, 0)
}

function containsString(value: unknown, needle: string, depth: number): boolean {
  if (value === needle) return true
  if (depth > 4 || value === null || typeof value !== 'object') return false
  const children = Array.isArray(value) ? value : Object.values(value)
  return children.some((child) => containsString(child, needle, depth + 1))
}
