import type { Gate } from './command-gate'

/** Why the admin controls next to it are disabled; nothing when they are not. */
export function DisabledReason({ gate }: { gate: Gate }) {
  if (gate.allowed) return null
  return (
    <p className="command-disabled" data-testid="command-disabled-reason" role="note">
      {gate.reason}
    </p>
  )
}
