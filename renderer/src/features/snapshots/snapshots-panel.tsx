/**
 * The snapshot manager: the saved snapshots, the session's timeline, and for the selected
 * snapshot its identity, its verdict against the running config, a migration preview and a diff
 * against another. Reads are open to viewers; save, load and migrate are an admin's.
 */
import { useEffect, useMemo } from 'react'
import { useCommands, useSnapshots } from '../../app/session-context'
import { Card } from '../../components/card'
import { useSimClock } from '../../components/sim-time'
import { DisabledReason } from '../operator/disabled-reason'
import { TimelineScrubber } from '../timeline/timeline-scrubber'
import { ErrorLine } from './error-line'
import { MigrationPreviewCard } from './migration-preview'
import { SnapshotActions } from './snapshot-actions'
import { SnapshotDiffCard } from './snapshot-diff-card'
import { SnapshotInspect } from './snapshot-inspect'
import { SnapshotTable } from './snapshot-table'
import { SnapshotValidate } from './snapshot-validate'
import { useSnapshotAdmin } from './use-snapshot-admin'

function SnapshotList() {
  const commands = useCommands()
  const list = useSnapshots((s) => s.list)
  const loading = useSnapshots((s) => s.listLoading)
  const error = useSnapshots((s) => s.listError)
  const selected = useSnapshots((s) => s.selected)
  const clock = useSimClock()
  const admin = useSnapshotAdmin()
  return (
    <Card
      title="Snapshots"
      testId="snapshot-list"
      className="span-3"
      actions={
        <button type="button" className="icon" title="Read the list again" data-testid="btn-snapshot-refresh" disabled={loading} onClick={() => void commands.listSnapshots()}>
          ↻
        </button>
      }
    >
      {list ? <div className="list-caption dim">in {list.root}</div> : null}
      {admin.show ? null : <DisabledReason gate={admin.gate} testId="snapshot-viewer-reason" />}
      {error ? <ErrorLine error={error} testId="snapshot-list-error" /> : null}
      {list === null ? (
        error ? null : <p className="dim">loading…</p>
      ) : (
        <SnapshotTable entries={list.snapshots} selected={selected} clock={clock} now={Date.now()} onSelect={(name) => void commands.selectSnapshot(name)} />
      )}
    </Card>
  )
}

export function SnapshotsPanel() {
  const commands = useCommands()
  const list = useSnapshots((s) => s.list)
  const selectedName = useSnapshots((s) => s.selected)
  const admin = useSnapshotAdmin()
  const names = useMemo(() => list?.snapshots.map((e) => e.name) ?? [], [list])
  const selected = list?.snapshots.find((e) => e.name === selectedName) ?? null
  useEffect(() => {
    void commands.listSnapshots()
  }, [commands])
  return (
    <div className="panel-grid snapshots-panel" data-testid="snapshots-panel">
      <SnapshotList />
      <Card title="Timeline" testId="timeline-card" className="span-3">
        <TimelineScrubber variant="full" />
      </Card>
      <SnapshotActions selected={selected} admin={admin} />
      <SnapshotInspect />
      <SnapshotValidate name={selectedName} />
      <MigrationPreviewCard name={selectedName} admin={admin} />
      <SnapshotDiffCard name={selectedName} names={names} />
    </div>
  )
}
