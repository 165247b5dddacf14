/**
 * The admin actions on the running shard: Save now (optionally gzipped, with a label in the file
 * name) and Load the selected snapshot, which asks first and says that the shard pauses. The
 * outcome of the last action stays under the buttons, an error with its code.
 */
import { useState } from 'react'
import type { FormEvent } from 'react'
import type { SnapshotEntry } from '../../../../shared/contract/dto/snapshots'
import { useCommands, useSnapshots, useStores } from '../../app/session-context'
import { Card } from '../../components/card'
import { fieldChecked, fieldValue } from '../../components/field-value'
import { useConfirm } from '../../components/use-confirm'
import { DisabledReason } from '../operator/disabled-reason'
import { ErrorLine } from './error-line'
import { loadConfirm } from './snapshot-text'
import type { SnapshotAdmin } from './use-snapshot-admin'

function Outcome() {
  const outcome = useSnapshots((s) => s.outcome)
  if (outcome.state === 'idle') return null
  if (outcome.state === 'loading') return <p className="dim" data-testid="snapshot-outcome-loading">working…</p>
  if (outcome.state === 'error') return <ErrorLine error={outcome.error} testId="snapshot-outcome-error" />
  return (
    <p className="snapshot-outcome" role="status" data-testid="snapshot-outcome">
      {outcome.value}
    </p>
  )
}

export function SnapshotActions({ selected, admin }: { selected: SnapshotEntry | null; admin: SnapshotAdmin }) {
  const commands = useCommands()
  const stores = useStores()
  const busy = useSnapshots((s) => s.outcome.state === 'loading')
  const [gzip, setGzip] = useState(false)
  const [label, setLabel] = useState('')
  const { ask, dialog } = useConfirm()
  if (!admin.show) return null

  function save(event: FormEvent): void {
    event.preventDefault()
    const trimmed = label.trim()
    void commands.saveSnapshot(trimmed === '' ? { gzip } : { gzip, label: trimmed })
  }

  function load(): void {
    if (!selected) return
    // The status is read when asked: the card need not render on every frame.
    ask(loadConfirm(selected.name, stores.shard.getState().status, () => void commands.loadSnapshot(selected.name)))
  }

  const loadable = selected !== null && selected.kind === 'snapshot' && selected.integrity.ok
  return (
    <Card title="Save and load" testId="snapshot-actions">
      <form className="snapshot-save" onSubmit={save}>
        <input type="text" aria-label="Label" placeholder="label (optional)" data-testid="save-label" maxLength={40} value={label} onChange={(e) => setLabel(fieldValue(e))} />
        <label className="inline-check" title="Write a .json.gz file: smaller, a little slower to write">
          <input type="checkbox" data-testid="save-gzip" checked={gzip} onChange={(e) => setGzip(fieldChecked(e))} /> gzip
        </label>
        <button type="submit" className="primary" data-testid="btn-save-snapshot" disabled={!admin.gate.allowed || busy}>
          Save now
        </button>
      </form>
      <div className="snapshot-load">
        <button
          type="button"
          className="danger"
          data-testid="btn-load-snapshot"
          disabled={!admin.townGate.allowed || !loadable || busy}
          title={!admin.townGate.allowed ? (admin.townGate.reason ?? undefined) : loadable ? `Pause the shard, then load ${selected?.name ?? ''}` : 'Select a readable snapshot (a legacy one migrates first)'}
          onClick={load}
        >
          {selected ? `Load ${selected.name}…` : 'Load…'}
        </button>
      </div>
      <DisabledReason gate={admin.townGate} testId="snapshot-disabled-reason" />
      <Outcome />
      {dialog}
    </Card>
  )
}
