/**
 * The saved snapshots, newest first as the host lists them. A row selects its snapshot for the
 * cards below; the selected row is marked for the eye and for tests (`aria-selected`).
 */
import type { SnapshotEntry } from '../../../../shared/contract/dto/snapshots'
import type { SimClock } from '../../../../shared/sim-clock'
import { formatAge, formatBytes } from '../../components/format'
import { SnapshotBadge } from './snapshot-badge'
import { integrityBadge, kindBadge, policyText, tickText } from './snapshot-text'

export interface SnapshotTableProps {
  entries: readonly SnapshotEntry[]
  selected: string | null
  clock: SimClock | null
  now: number
  onSelect(name: string): void
}

export function SnapshotTable({ entries, selected, clock, now, onSelect }: SnapshotTableProps) {
  if (entries.length === 0) {
    return (
      <p className="dim" data-testid="snapshot-empty">
        No snapshots yet. Save now writes one.
      </p>
    )
  }
  return (
    <div className="snapshot-table-wrap">
      <table className="data-table snapshot-table" data-testid="snapshot-table">
        <thead>
          <tr>
            <th>name</th>
            <th>tick</th>
            <th>config</th>
            <th>policy</th>
            <th>schema</th>
            <th className="right">size</th>
            <th>age</th>
            <th>integrity</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const kind = kindBadge(entry)
            const isSelected = entry.name === selected
            return (
              <tr
                key={entry.name}
                className={isSelected ? 'snapshot-row selected' : 'snapshot-row'}
                data-testid="snapshot-row"
                data-name={entry.name}
                aria-selected={isSelected}
              >
                <td className="mono">
                  <button type="button" className="link-button mono" data-testid="snapshot-select" onClick={() => onSelect(entry.name)}>
                    {entry.name}
                  </button>
                  {kind ? <SnapshotBadge badge={kind} testId="snapshot-kind" /> : null}
                </td>
                <td className="num">{tickText(clock, entry.tick)}</td>
                <td className="mono">{entry.config_id ?? '—'}</td>
                <td className="mono" title={entry.policy_hash ?? 'no policy hash (scripted)'}>
                  {policyText(entry.policy_hash)}
                </td>
                <td className="mono">{entry.schema_version ?? '—'}</td>
                <td className="num right">
                  {formatBytes(entry.bytes)}
                  {entry.gzip ? <span className="dim"> gz</span> : null}
                </td>
                <td className="dim">{formatAge(entry.modified_ms, now)}</td>
                <td>
                  <SnapshotBadge badge={integrityBadge(entry)} testId="snapshot-integrity" />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
