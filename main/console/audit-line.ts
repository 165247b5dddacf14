/**
 * One line of the console audit log per command outcome (`kind: 'command'`): who (issuer, role),
 * what (cmd_id, command, args), when (the host's clock and the shard's tick) and how it ended.
 * Large results (a telemetry snapshot of a big town) are summarised, so the log stays a log. The
 * host's log also holds `channel` and `audit` lines (main/host/audit-records.ts).
 */
import type { ConsoleResult } from '../../shared/contract/dto/console'

/** Results and args bigger than this many characters of JSON are replaced by their size. */
export const MAX_AUDIT_RESULT_CHARS = 16 * 1024

export interface AuditLine {
  kind: 'command'
  time: string
  issuer: string
  role: ConsoleResult['role']
  cmd_id: string
  command: string
  args: unknown
  status: ConsoleResult['status']
  tick: number
  result?: unknown
  error?: ConsoleResult['error']
  replayed: boolean
}

export function auditLine(result: ConsoleResult, args: unknown, at: Date): AuditLine {
  const line: AuditLine = {
    kind: 'command',
    time: at.toISOString(),
    issuer: result.issuer,
    role: result.role,
    cmd_id: result.cmd_id,
    command: result.name,
    args: capped(args ?? {}),
    status: result.status,
    tick: result.tick,
    replayed: result.replayed
  }
  if (result.error) line.error = result.error
  else if (result.result !== undefined) line.result = capped(result.result)
  return line
}

/** The value, or its size when it is too big to log (refused oversized args, a huge snapshot). */
export function capped(value: unknown, maxChars = MAX_AUDIT_RESULT_CHARS): unknown {
  let chars: number
  try {
    chars = JSON.stringify(value)?.length ?? 0
  } catch {
    return { omitted: true, reason: 'not plain JSON' }
  }
  return chars > maxChars ? { omitted: true, json_chars: chars } : value
}
