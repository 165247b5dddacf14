/**
 * Whether the selected snapshot fits the running shard's config: the verdict, its reasons (each
 * with its code) and the migrations it needs first. `strict` also refuses what would only warn.
 */
import { useState } from 'react'
import { useCommands, useConnection, useSnapshots } from '../../app/session-context'
import { Card } from '../../components/card'
import { fieldChecked } from '../../components/field-value'
import { LoadableBody } from './loadable-body'
import { SnapshotBadge } from './snapshot-badge'
import { verdictBadge } from './snapshot-text'

export function SnapshotValidate({ name }: { name: string | null }) {
  const commands = useCommands()
  const verdict = useSnapshots((s) => s.verdict)
  const offline = useConnection((s) => s.info.state !== 'connected')
  const [strict, setStrict] = useState(false)
  return (
    <Card
      title="Validate"
      testId="snapshot-validate"
      actions={
        <>
          <label className="inline-check" title="Refuse what would only warn (a config hash that differs, an older schema)">
            <input type="checkbox" data-testid="validate-strict" checked={strict} onChange={(e) => setStrict(fieldChecked(e))} /> strict
          </label>
          <button type="button" data-testid="btn-validate" disabled={name === null || offline} onClick={() => name !== null && void commands.validateSnapshot(name, strict)}>
            Validate
          </button>
        </>
      }
    >
      <LoadableBody value={verdict} idle="Against the running shard's config." testId="snapshot-verdict">
        {(value) => (
          <div data-testid="snapshot-verdict" data-verdict={value.verdict}>
            <SnapshotBadge badge={verdictBadge(value.verdict)} testId="verdict-badge" />
            {value.reasons.length === 0 ? null : (
              <ul className="verdict-reasons" data-testid="verdict-reasons">
                {value.reasons.map((reason, i) => (
                  <li key={`${reason.code}-${i}`} data-code={reason.code}>
                    <code>{reason.code}</code> {reason.message}
                  </li>
                ))}
              </ul>
            )}
            {value.required_migrations.length === 0 ? null : (
              <p className="dim" data-testid="verdict-migrations">
                Needs {value.required_migrations.join(' → ')} first: Preview migration.
              </p>
            )}
          </div>
        )}
      </LoadableBody>
    </Card>
  )
}
