/** A console result in words: its status, its error code (if any) and one line to read. */
import type { ConsoleResult } from '../../../../shared/contract/dto/console'

export interface ResultSummary {
  status: ConsoleResult['status']
  /** The error code, '' when there is none. */
  code: string
  message: string
}

/** Longest message shown in a row; the full JSON sits under it in a details element. */
export const MAX_MESSAGE_CHARS = 160

/** Status, code and message of a result, as the rows show them. */
export function resultSummary(result: ConsoleResult): ResultSummary {
  if (result.status === 'error') {
    return { status: 'error', code: result.error?.code ?? 'error', message: result.error?.message ?? 'refused' }
  }
  if (result.status === 'queued') return { status: 'queued', code: '', message: `applies after tick ${result.tick}` }
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
