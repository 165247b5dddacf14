/**
 * Every console command's `run`, keyed by its contract name: the descriptors (name, role,
 * destructive flag, help, argument schema) live in shared/contract/console-commands, so the host,
 * the renderer and the docs read one table. `CommandRuns` makes a missing or an extra run a type
 * error; command-registry.test.ts checks the same at run time.
 */
import { CONSOLE_COMMAND_DESCRIPTORS, CONSOLE_COMMAND_NAMES, type ConsoleCommandName } from '../../../shared/contract/console-commands'
import { withRun, type AnyCommand, type CommandRun, type CommandRuns } from '../command'
import { killRun, setNeedRun, setWalletRun, teleportRun } from './agent-ops'
import { conflictStatusRun } from './conflict-status'
import { priceRun, utilityRun } from './economy-ops'
import { employmentExitRun, employmentStatusRun } from './employment'
import { forceChatRun } from './force-chat'
import { healthStatusRun } from './health-status'
import { helpRun } from './help'
import { arrangeMeetRun, perturbationCancelRun, perturbationTriggerRun } from './perturbation-ops'
import { perturbationQueueRun } from './perturbation-queue'
import { annealSetRun, operatorActRun, possessRun, releaseRun } from './policy-ops'
import { policyStatusRun, policySwapRun } from './policy-runtime-commands'
import { debugQueuesRun, queueInspectRun } from './queue-inspect'
import { rivalryDumpRun } from './rivalry-dump'
import { snapshotDiffRun, snapshotInspectRun, snapshotListRun, snapshotLoadRun, snapshotMigrateRun, snapshotSaveRun, snapshotValidateRun } from './snapshot-commands'
import { spawnRun } from './spawn'
import { telemetrySnapshotRun } from './telemetry-snapshot'

export const COMMAND_RUNS = {
  help: helpRun,
  telemetry_snapshot: telemetrySnapshotRun,
  health_status: healthStatusRun,
  queue_inspect: queueInspectRun,
  debug_queues: debugQueuesRun,
  spawn: spawnRun,
  kill: killRun,
  teleport: teleportRun,
  setneed: setNeedRun,
  set_wallet: setWalletRun,
  price: priceRun,
  utility: utilityRun,
  perturbation_queue: perturbationQueueRun,
  perturbation_trigger: perturbationTriggerRun,
  perturbation_cancel: perturbationCancelRun,
  arrange_meet: arrangeMeetRun,
  conflict_status: conflictStatusRun,
  rivalry_dump: rivalryDumpRun,
  force_chat: forceChatRun,
  employment_status: employmentStatusRun,
  employment_exit: employmentExitRun,
  policy_status: policyStatusRun,
  policy_swap: policySwapRun,
  anneal_set: annealSetRun,
  possess: possessRun,
  release: releaseRun,
  operator_act: operatorActRun,
  snapshot_save: snapshotSaveRun,
  snapshot_list: snapshotListRun,
  snapshot_inspect: snapshotInspectRun,
  snapshot_validate: snapshotValidateRun,
  snapshot_migrate: snapshotMigrateRun,
  snapshot_load: snapshotLoadRun,
  snapshot_diff: snapshotDiffRun
} as const satisfies CommandRuns

/** Contract command `name` with its run. */
function commandOf<N extends ConsoleCommandName>(name: N): AnyCommand {
  const runs: CommandRuns = COMMAND_RUNS
  const run: CommandRun<N> = runs[name]
  // Each run's arguments are its own descriptor's parse (CommandRuns ties them); the registry holds them all alike.
  return withRun(CONSOLE_COMMAND_DESCRIPTORS[name], run as AnyCommand['run']) as AnyCommand
}

/** Every console command, in the order `help` lists them (the contract table's). */
export const CONSOLE_COMMANDS: readonly AnyCommand[] = CONSOLE_COMMAND_NAMES.map(commandOf)
