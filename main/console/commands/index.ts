/**
 * Every console command, in the order `help` lists them. A new command is one module under
 * this folder plus one line here; the registry refuses duplicate names.
 */
import type { AnyCommand } from '../command'
import { killCommand, setNeedCommand, setWalletCommand, teleportCommand } from './agent-ops'
import { priceCommand, utilityCommand } from './economy-ops'
import { employmentExitCommand, employmentStatusCommand } from './employment'
import { healthStatusCommand } from './health-status'
import { helpCommand } from './help'
import { PERTURBATION_COMMANDS } from './perturbation-commands'
import { debugQueuesCommand, queueInspectCommand } from './queue-inspect'
import { SOCIETY_COMMANDS } from './society-commands'
import { spawnCommand } from './spawn'
import { telemetrySnapshotCommand } from './telemetry-snapshot'
import { POLICY_OPS_COMMANDS } from './policy-ops'
import { policyStatusCommand, policySwapCommand } from './policy-runtime-commands'
import { SNAPSHOT_COMMANDS } from './snapshot-commands'

export const CONSOLE_COMMANDS: readonly AnyCommand[] = [
  helpCommand,
  telemetrySnapshotCommand,
  healthStatusCommand,
  queueInspectCommand,
  debugQueuesCommand,
  spawnCommand,
  killCommand,
  teleportCommand,
  setNeedCommand,
  setWalletCommand,
  priceCommand,
  utilityCommand,
  ...PERTURBATION_COMMANDS,
  ...SOCIETY_COMMANDS,
  employmentStatusCommand, employmentExitCommand,
  policyStatusCommand,
  policySwapCommand,
  ...POLICY_OPS_COMMANDS,
  ...SNAPSHOT_COMMANDS
] as AnyCommand[]
