/** A console result in words: its status, its error code (if any) and one line to read. */
import type { ConsoleResult } from '../../../../shared/contract/dto/console'
import type { ShardState } from '../../../../shared/contract/dto/shard-status'

export interface ResultSummary {
  status: ConsoleResult['status']
  /** The error code, '' when there is none. */
  code: string
  message: string
}

/** Longest message shown in a row; the full JSON sits under it in a details element. */
export const MAX_MESSAGE_CHARS = 160

/** The shard's clock as a queued result's wording needs it. */
export interface ClockNow {
  state: ShardState
  tick: number
}

/**
 * What a queued command waits for. A change to the world is queued for the next tick (its tick is
 * ahead of the clock), so while the clock stands it waits for the operator; work outside the tick
 * (a model loading) carries the current tick and finishes on its own.
 */
export function queuedText(result: Pick<ConsoleResult, 'tick'>, clock?: ClockNow): string {
  if (!clock || result.tick <= clock.tick) return clock ? 'in progress: the final result follows' : `applies at tick ${result.tick}`
  if (clock.state === 'paused') return `queued while paused: waits for Resume or Step (applies at tick ${result.tick})`
  if (clock.state === 'idle') return `queued: waits for Start or Step (applies at tick ${result.tick})`
  if (clock.state === 'failed') return `queued: waits for the shard to restart (applies at tick ${result.tick})`
  return `applies at tick ${result.tick}`
}

/** Status, code and message of a result, as the rows show them; `clock` words a queued one. */
export function resultSummary(result: ConsoleResult, clock?: ClockNow): ResultSummary {
  if (result.status === 'error') {
    return { status: 'error', code: result.error?.code ?? 'error', message: result.error?.message ?? 'refused' }
  }
  if (result.status === 'queued') return { status: 'queued', code: '', message: queuedText(result, clock) }
  return { status: 'ok', code: '', message: truncate(compactJson(result.result)) }
}

/** A value as one line of JSON ("done" for nothing). */
export function compactJson(value: unknown): string {
  if (value === undefined) return 'done'
  try {
    return JSON.stringify(value) ?? 'done'
  } catch {
    return String(value)
  }
}

function truncate(text: string): string {
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text
}
