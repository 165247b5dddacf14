import type { Gate } from './command-gate'

/**
 * Why the admin controls next to it are disabled; nothing when they are not. A second reason on
 * one panel takes its own `testId`, so `command-disabled-reason` stays unique on the page.
 */
export function DisabledReason({ gate, testId = 'command-disabled-reason' }: { gate: Gate; testId?: string }) {
  if (gate.allowed) return null
  return (
    <p className="command-disabled" data-testid={testId} role="note">
      {gate.reason}
    </p>
  )
}
