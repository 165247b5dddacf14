/**
 * The Agents table as CSV (RFC 4180: comma-separated, CRLF line ends, quoted where needed), for
 * the export button. Ids, jobs and targets come from config files a spreadsheet did not write:
 * a text cell that starts like a formula (= + - @, or a tab or carriage return) is prefixed with
 * a quote, so opening the file never runs it. Numbers are written as numbers, unrounded.
 */
import type { AgentRow } from '../../../../shared/contract/dto/observer'

type Cell = string | number | null

const COLUMNS: ReadonlyArray<{ header: string; value: (row: AgentRow) => Cell }> = [
  { header: 'id', value: (r) => r.id },
  { header: 'hunger', value: (r) => r.hunger },
  { header: 'hygiene', value: (r) => r.hygiene },
  { header: 'energy', value: (r) => r.energy },
  { header: 'wallet', value: (r) => r.wallet },
  { header: 'home', value: (r) => r.home },
  { header: 'job', value: (r) => r.job },
  { header: 'shift', value: (r) => r.shift },
  { header: 'option', value: (r) => r.option },
  { header: 'action', value: (r) => r.action },
  { header: 'phase', value: (r) => r.phase },
  { header: 'target', value: (r) => r.target },
  { header: 'queue_pos', value: (r) => r.queue_pos },
  { header: 'x', value: (r) => r.x },
  { header: 'y', value: (r) => r.y }
]

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/

/** One CSV field: formula-like text defused, then quoted (quotes doubled) when it must be. */
export function csvCell(value: Cell): string {
  if (value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The header line and one line per row, in the order given (the table's visible order). */
export function agentsCsv(rows: readonly AgentRow[]): string {
  const lines = [COLUMNS.map((c) => csvCell(c.header)).join(',')]
  for (const row of rows) lines.push(COLUMNS.map((c) => csvCell(c.value(row))).join(','))
  return `${lines.join('\r\n')}\r\n`
}

/** A file name that says which town and when: agents-default-tick-1200.csv. */
export function agentsCsvName(configId: string | null, tick: number): string {
  const town = (configId ?? 'town').replace(/[^a-zA-Z0-9_.-]/g, '_')
  return `agents-${town}-tick-${tick}.csv`
}
