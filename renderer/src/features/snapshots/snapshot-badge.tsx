import type { Badge } from './snapshot-text'

export function SnapshotBadge({ badge, testId }: { badge: Badge; testId: string }) {
  return (
    <span className={`snap-badge snap-badge-${badge.tone}`} data-testid={testId} title={badge.title}>
      {badge.label}
    </span>
  )
}
