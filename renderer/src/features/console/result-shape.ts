/**
 * How a command's answer is best read: rows of objects as tables (help's commands, the busy
 * objects, rivalry pairs), the rest of the answer as pretty JSON. Nothing is cut to one line; a
 * very long table shows its first rows and says how many more the copied JSON holds.
 */

/** Rows a table shows; the rest are counted under it (Copy JSON has them all). */
export const MAX_TABLE_ROWS = 200
/** Columns a table shows; an object with more keys is not a row anyone reads across. */
export const MAX_TABLE_COLUMNS = 16
/** Tables one answer becomes; further lists stay in the JSON. */
const MAX_TABLES = 4

export interface ResultTable {
  /** The key the rows sat under; '' for an answer that is itself a list. */
  caption: string
  columns: string[]
  /** Each cell as text, in column order. */
  rows: string[][]
  /** Rows not shown. */
  more: number
}

export interface ResultShape {
  tables: ResultTable[]
  /** Pretty JSON of what is not in a table; '' when the tables hold everything. */
  json: string
  /** The whole answer, pretty, for Copy. */
  copy: string
}

type Row = Record<string, unknown>

const isRow = (value: unknown): value is Row => value !== null && typeof value === 'object' && !Array.isArray(value)
const isRows = (value: unknown): value is Row[] => Array.isArray(value) && value.length > 0 && value.every(isRow)

/** Pretty JSON, two spaces; "done" for an answer with nothing in it. */
export function prettyJson(value: unknown): string {
  if (value === undefined) return 'done'
  try {
    return JSON.stringify(value, null, 2) ?? 'done'
  } catch {
    return String(value)
  }
}

/** A cell: text as it is, numbers and booleans as written, nested values as compact JSON. */
export function cellText(value: unknown): string {
  if (value === undefined) return ''
  if (value === null) return 'null'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  try {
    return JSON.stringify(value) ?? ''
  } catch {
    return String(value)
  }
}

/** Rows as a table: the keys in the order first seen, bounded. */
export function toTable(caption: string, rows: readonly Row[]): ResultTable {
  const columns: string[] = []
  const seen = new Set<string>()
  const shown = rows.slice(0, MAX_TABLE_ROWS)
  for (const row of shown) {
    for (const key of Object.keys(row)) {
      if (seen.has(key) || columns.length >= MAX_TABLE_COLUMNS) continue
      seen.add(key)
      columns.push(key)
    }
  }
  return { caption, columns, rows: shown.map((row) => columns.map((c) => cellText(row[c]))), more: rows.length - shown.length }
}

/** An answer as tables and pretty JSON (see the file comment). */
export function resultShape(value: unknown): ResultShape {
  const copy = prettyJson(value)
  if (isRows(value)) return { tables: [toTable('', value)], json: '', copy }
  if (!isRow(value)) return { tables: [], json: copy, copy }
  const tables: ResultTable[] = []
  const rest: Row = {}
  for (const [key, field] of Object.entries(value)) {
    if (tables.length < MAX_TABLES && isRows(field)) tables.push(toTable(key, field))
    else rest[key] = field
  }
  if (tables.length === 0) return { tables, json: copy, copy }
  return { tables, json: Object.keys(rest).length > 0 ? prettyJson(rest) : '', copy }
}
