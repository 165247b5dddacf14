import type { ShardState } from '../../../shared/contract/dto/shard-status'

/**
 * The shard's clock state, coloured by meaning; the text is exactly the state name for tests,
 * or "pausing…" between a Pause and the shard's confirmation.
 */
export function StateBadge({ state, pending = null }: { state: ShardState | null; pending?: 'pausing' | null }) {
  if (pending === 'pausing' && state === 'running') {
    return (
      <span className="badge badge-pausing" data-testid="header-state" title="Pause sent; waiting for the shard to confirm">
        pausing…
      </span>
    )
  }
  return (
    <span className={`badge badge-${state ?? 'unknown'}`} data-testid="header-state" title="Shard state">
      {state ?? '—'}
    </span>
  )
}
