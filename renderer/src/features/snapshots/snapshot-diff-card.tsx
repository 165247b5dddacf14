/** The selected snapshot against another: pick the other, then read the sections side by side. */
import { useCommands, useConnection, useSnapshots } from '../../app/session-context'
import { Card } from '../../components/card'
import { fieldValue } from '../../components/field-value'
import { DiffSections } from './diff-sections'
import { LoadableBody } from './loadable-body'

export function SnapshotDiffCard({ name, names }: { name: string | null; names: readonly string[] }) {
  const commands = useCommands()
  const diff = useSnapshots((s) => s.diff)
  const other = useSnapshots((s) => s.compareWith)
  const offline = useConnection((s) => s.info.state !== 'connected')
  const others = names.filter((n) => n !== name)
  return (
    <Card
      title="Diff"
      testId="snapshot-diff"
      className="span-3"
      actions={
        <>
          <select
            aria-label="Compare with"
            data-testid="diff-other"
            value={other ?? ''}
            disabled={name === null || others.length === 0}
            onChange={(e) => {
              const picked = fieldValue(e)
              if (picked !== '') void commands.diffSnapshots(picked)
            }}
          >
            <option value="">compare with…</option>
            {others.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <button type="button" data-testid="btn-diff" disabled={name === null || other === null || offline} onClick={() => other !== null && void commands.diffSnapshots(other)}>
            Diff
          </button>
        </>
      }
    >
      <LoadableBody value={diff} idle={name === null ? 'Select a snapshot, then pick another to compare it with.' : 'Pick another snapshot to compare with.'} testId="snapshot-diff-result">
        {(value) => (
          <>
            <p className="dim">
              <span className="mono">{value.a}</span> (before) against <span className="mono">{value.b}</span> (after)
            </p>
            <DiffSections diff={value} testId="snapshot-diff-sections" />
          </>
        )}
      </LoadableBody>
    </Card>
  )
}
