/**
 * The agent's recent decisions that changed something (newest first): tick, who decided, the
 * option, whether the commitment held it or a guardrail stepped in, and the model's top choice.
 * Clicking a row opens that tick's mask and top-3 probabilities; features and map tensors are
 * kept for the latest tick only (above).
 */
import { useState } from 'react'
import type { DecisionTrace } from '../../../../shared/contract/dto/policy'
import { formatFixed, formatPercent } from '../../components/format'

type Entry = DecisionTrace['history'][number]

export function TraceHistory({ history }: { history: DecisionTrace['history'] }) {
  const [open, setOpen] = useState<number | null>(null)
  if (history.length === 0) {
    return (
      <p className="dim trace-line" data-testid="trace-history" data-count={0}>
        no recent decisions that changed anything
      </p>
    )
  }
  return (
    <div className="trace-history" data-testid="trace-history" data-count={history.length}>
      <p className="list-caption">recent decisions (click a tick)</p>
      <table className="data-table compact">
        <tbody>
          {history.map((entry) => (
            <HistoryRow key={`${entry.tick}-${entry.decided_by}-${entry.chosen}`} entry={entry} open={open === entry.tick} onToggle={() => setOpen(open === entry.tick ? null : entry.tick)} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function HistoryRow({ entry, open, onToggle }: { entry: Entry; open: boolean; onToggle: () => void }) {
  const note = entry.guardrail ? `guardrail: ${entry.guardrail}` : entry.held ? 'held by commitment' : ''
  const top = entry.probabilities?.[0]
  return (
    <>
      <tr className={`history-row${open ? ' open' : ''}`} data-testid="trace-history-entry" data-tick={entry.tick} data-decided-by={entry.decided_by} onClick={onToggle} title="Show this decision's mask and probabilities">
        <td className="mono num">t{entry.tick}</td>
        <td>
          <span className={`decided-badge decided-${entry.decided_by}`}>{entry.decided_by}</span>
        </td>
        <td className="mono">{entry.chosen}</td>
        <td className="dim">{note}</td>
        <td className="mono num right">{top ? `${top.option} ${formatPercent(top.p)}` : ''}</td>
      </tr>
      {open && (
        <tr className="history-detail" data-testid="trace-history-detail">
          <td colSpan={5}>
            <span className="dim">allowed:</span> {entry.allowed ? entry.allowed.join(', ') : 'no mask (the controller decided)'}
            {entry.probabilities && (
              <>
                {' · '}
                <span className="dim">model:</span> {entry.probabilities.map((p) => `${p.option} ${formatPercent(p.p, 1)}`).join(', ')}
              </>
            )}
            {entry.anneal_draw !== null && ` · anneal draw ${formatFixed(entry.anneal_draw, 3)}`}
          </td>
        </tr>
      )}
    </>
  )
}
