/**
 * A migration before it runs: the chain to the running config (each step and what it does), the
 * diff it makes, and for a legacy document what maps, what is defaulted and what is dropped,
 * field by field. Migrate (admin, after a confirmation) writes a new file; the source stays.
 */
import type { MigrationPreview } from '../../../../shared/contract/dto/snapshots'
import { useCommands, useConnection, useSnapshots } from '../../app/session-context'
import { Card } from '../../components/card'
import { formatCount } from '../../components/format'
import { useConfirm } from '../../components/use-confirm'
import { DiffSections } from './diff-sections'
import { LoadableBody } from './loadable-body'
import { migrateConfirm } from './snapshot-text'
import type { SnapshotAdmin } from './use-snapshot-admin'

function Report({ rows }: { rows: MigrationPreview['report'] }) {
  if (rows.length === 0) return null
  return (
    <>
      <h3 className="subhead">Field report</h3>
      <table className="data-table migration-report" data-testid="migration-report">
        <thead>
          <tr>
            <th>what</th>
            <th>field</th>
            <th className="right">count</th>
            <th>note</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={`${row.field}-${i}`} className={`report-${row.kind}`} data-testid="report-row" data-kind={row.kind}>
              <td className="report-kind">{row.kind}</td>
              <td className="mono">{row.field}</td>
              <td className="num right">{formatCount(row.count)}</td>
              <td>{row.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

function Preview({ preview }: { preview: MigrationPreview }) {
  return (
    <div data-testid="migration-preview-body" data-source={preview.source}>
      <p>
        To <span className="mono">{preview.target_config_id}</span>
        {preview.chain.length === 0 ? ': no step needed, it fits as it is.' : ':'}
      </p>
      {preview.chain.length === 0 ? null : (
        <ol className="migration-chain" data-testid="migration-chain">
          {preview.chain.map((step) => (
            <li key={step.id} data-testid="migration-step" data-id={step.id}>
              <span className="mono">{step.id}</span> <span className="dim">{step.from} → {step.to}</span> — {step.description}
            </li>
          ))}
        </ol>
      )}
      <DiffSections diff={preview.diff} testId="migration-diff" />
      <Report rows={preview.report} />
    </div>
  )
}

export function MigrationPreviewCard({ name, admin }: { name: string | null; admin: SnapshotAdmin }) {
  const commands = useCommands()
  const preview = useSnapshots((s) => s.preview)
  const busy = useSnapshots((s) => s.outcome.state === 'loading')
  const offline = useConnection((s) => s.info.state !== 'connected')
  const { ask, dialog } = useConfirm()
  const ready = preview.state === 'ok' ? preview.value : null
  return (
    <Card
      title="Migration"
      testId="snapshot-migration"
      className="span-3"
      actions={
        <>
          <button type="button" data-testid="btn-preview-migration" disabled={name === null || offline} onClick={() => name !== null && void commands.previewMigration(name)}>
            Preview migration
          </button>
          {admin.show ? (
            <button
              type="button"
              className="primary"
              data-testid="btn-migrate"
              disabled={!admin.gate.allowed || ready === null || ready.chain.length === 0 || busy}
              title={admin.gate.allowed ? 'Write the migrated snapshot as a new file (the source stays as it is)' : (admin.gate.reason ?? undefined)}
              onClick={() => ready && ask(migrateConfirm(ready, () => void commands.migrateSnapshot(ready.source)))}
            >
              Migrate…
            </button>
          ) : null}
        </>
      }
    >
      <LoadableBody value={preview} idle="Preview shows the chain of steps to the running config and what it changes, before anything is written." testId="migration-preview">
        {(value) => <Preview preview={value} />}
      </LoadableBody>
      {dialog}
    </Card>
  )
}
