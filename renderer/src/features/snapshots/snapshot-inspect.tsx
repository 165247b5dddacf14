/**
 * What a snapshot is: who wrote it (config, policy, backend, observations, anneal), the RNG
 * streams' fingerprints, how much is in it, and the migrations it went through.
 */
import type { SnapshotInspection } from '../../../../shared/contract/dto/snapshots'
import { useSnapshots } from '../../app/session-context'
import { Card } from '../../components/card'
import { formatCount, formatFixed, shortSha } from '../../components/format'
import { LoadableBody } from './loadable-body'

function Identity({ inspection }: { inspection: SnapshotInspection }) {
  const { identity, checksum, counts, migrations } = inspection
  const countRows = Object.entries(counts)
  return (
    <div className="snapshot-inspect" data-testid="snapshot-inspection" data-name={inspection.entry.name}>
      {identity === null ? (
        <p className="dim">No identity: the file could not be read as a snapshot.</p>
      ) : (
        <dl className="facts">
          <dt>config</dt>
          <dd className="mono" data-testid="inspect-config-id">{identity.config_id}</dd>
          <dt>policy</dt>
          <dd className="mono" title={identity.policy_hash ?? undefined}>{identity.policy_hash === null ? '—' : shortSha(identity.policy_hash)}</dd>
          <dt>backend</dt>
          <dd>
            {identity.backend}
            {identity.provider ? <span className="dim"> · {identity.provider}</span> : null}
          </dd>
          <dt>observations</dt>
          <dd className="mono">{identity.observation_variant ?? '—'}</dd>
          <dt>anneal ratio</dt>
          <dd className="mono num">{formatFixed(identity.anneal_ratio)}</dd>
          <dt>checksum</dt>
          <dd className="mono" title={checksum ?? undefined}>{checksum === null ? '—' : shortSha(checksum)}</dd>
          <dt>rng</dt>
          <dd className="mono rng-prints" data-testid="inspect-rng">
            {(['world', 'events', 'policy'] as const).map((stream) => (
              <span key={stream} title={`${stream} stream state fingerprint`}>
                {stream} {identity.rng[stream]}
              </span>
            ))}
          </dd>
        </dl>
      )}
      <h3 className="subhead">Counts</h3>
      {countRows.length === 0 ? (
        <p className="dim">none</p>
      ) : (
        <ul className="snapshot-counts" data-testid="inspect-counts">
          {countRows.map(([section, n]) => (
            <li key={section}>
              <span className="mono num">{formatCount(n)}</span> <span className="dim">{section}</span>
            </li>
          ))}
        </ul>
      )}
      <h3 className="subhead">Migrations applied</h3>
      {migrations.length === 0 ? (
        <p className="dim" data-testid="inspect-no-migrations">none: written as it is</p>
      ) : (
        <ol className="migration-chain" data-testid="inspect-migrations">
          {migrations.map((m) => (
            <li key={m.id}>
              <span className="mono">{m.id}</span> <span className="dim">{m.from} → {m.to}</span> — {m.description}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}

export function SnapshotInspect() {
  const inspection = useSnapshots((s) => s.inspection)
  return (
    <Card title="Inspect" testId="snapshot-inspect">
      <LoadableBody value={inspection} idle="Select a snapshot to inspect it." testId="snapshot-inspect">
        {(value) => <Identity inspection={value} />}
      </LoadableBody>
    </Card>
  )
}
