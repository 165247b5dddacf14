import type { ShardState } from '../../../shared/contract/dto/shard-status'

/** The shard's clock state, coloured by meaning; the text is exactly the state name for tests. */
export function StateBadge({ state }: { state: ShardState | null }) {
  return (
    <span className={`badge badge-${state ?? 'unknown'}`} data-testid="header-state" title="Shard state">
      {state ?? '—'}
    </span>
  )
}
