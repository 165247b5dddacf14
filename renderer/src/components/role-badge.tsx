import type { Role } from '../../../shared/contract/dto/console'

/** This session's console role; the text is exactly the role name, for tests. */
export function RoleBadge({ role, testId = 'role-badge' }: { role: Role; testId?: string }) {
  return (
    <span
      className={`badge badge-role-${role}`}
      data-testid={testId}
      title={role === 'admin' ? 'Admin: console commands can change the town' : 'Viewer: read-only; enter the admin token in Console'}
    >
      {role}
    </span>
  )
}
