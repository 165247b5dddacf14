/**
 * A command's answer, whole: rows of objects as tables, the rest as pretty JSON, with a button
 * that copies the full answer. Errors and queued results read as their sentence.
 */
import { useState } from 'react'
import { copyText } from '../../components/copy-text'
import type { ResultTable } from './result-shape'
import { resultShape } from './result-shape'
import { formatCount } from '../../components/format'

function Table({ table }: { table: ResultTable }) {
  return (
    <div className="result-table-wrap">
      {table.caption ? <div className="result-caption mono">{table.caption}</div> : null}
      <table className="result-table" data-testid="console-result-table" data-caption={table.caption}>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} className="mono">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((cells, i) => (
            <tr key={i} data-testid="console-result-row">
              {cells.map((cell, j) => (
                <td key={j} className="mono">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.more > 0 ? <p className="dim">and {formatCount(table.more)} more rows: Copy JSON has them all</p> : null}
    </div>
  )
}

/** The answer of an `ok` result: tables, JSON and Copy JSON. */
export function ResultBody({ value }: { value: unknown }) {
  const shape = resultShape(value)
  const [copied, setCopied] = useState<boolean | null>(null)
  return (
    <div className="result-body" data-testid="console-result-body">
      {shape.tables.map((table) => (
        <Table key={table.caption} table={table} />
      ))}
      {shape.json ? (
        <pre className="result-json mono" data-testid="console-result-json">
          {shape.json}
        </pre>
      ) : null}
      <button type="button" className="copy-json" data-testid="console-result-copy" title="Copy the whole answer as JSON" onClick={() => void copyText(shape.copy).then(setCopied)}>
        {copied === null ? 'Copy JSON' : copied ? 'Copied' : 'Copy refused by the browser'}
      </button>
    </div>
  )
}
