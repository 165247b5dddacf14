/**
 * Every console command's descriptor, by name, in the order `help` lists them: the one table the
 * host (which adds each command's `run`, main/console/commands), the renderer (whose
 * `runConsole(name, args)` is typed from it) and the docs (scripts/docs) read. A new command is
 * one descriptor here plus one `run` there; a test fails while either is missing.
 *
 * One spelling per command: the handbook's operator names (`setneed`, `price`, `utility`, as in
 * the original's console), not the engine's operation names. The engine spellings that clients
 * used to send are kept as aliases the registry resolves (CONSOLE_COMMAND_ALIASES); nothing else
 * knows them.
 */
import type { z } from 'zod'
import { killDescriptor, setNeedDescriptor, setWalletDescriptor, spawnDescriptor, teleportDescriptor } from './agent-commands'
import type { CommandDescriptor } from './descriptor'
import { priceDescriptor, utilityDescriptor } from './economy-commands'
import { employmentExitDescriptor, employmentStatusDescriptor } from './employment-commands'
import { arrangeMeetDescriptor, perturbationCancelDescriptor, perturbationQueueDescriptor, perturbationTriggerDescriptor } from './perturbation-commands'
import { annealSetDescriptor, operatorActDescriptor, policyStatusDescriptor, policySwapDescriptor, possessDescriptor, releaseDescriptor } from './policy-commands'
import {
  snapshotDiffDescriptor,
  snapshotInspectDescriptor,
  snapshotListDescriptor,
  snapshotLoadDescriptor,
  snapshotMigrateDescriptor,
  snapshotSaveDescriptor,
  snapshotValidateDescriptor
} from './snapshot-commands'
import { conflictStatusDescriptor, forceChatDescriptor, rivalryDumpDescriptor } from './society-commands'
import { debugQueuesDescriptor, healthStatusDescriptor, helpDescriptor, queueInspectDescriptor, telemetrySnapshotDescriptor } from './town-view-commands'

export * from './descriptor'
export { MAX_CONFLICT_ENTRIES } from './society-commands'

/** The table, keyed by each descriptor's own name (`satisfies` below holds key and name together). */
export const CONSOLE_COMMAND_DESCRIPTORS = {
  help: helpDescriptor,
  telemetry_snapshot: telemetrySnapshotDescriptor,
  health_status: healthStatusDescriptor,
  queue_inspect: queueInspectDescriptor,
  debug_queues: debugQueuesDescriptor,
  spawn: spawnDescriptor,
  kill: killDescriptor,
  teleport: teleportDescriptor,
  setneed: setNeedDescriptor,
  set_wallet: setWalletDescriptor,
  price: priceDescriptor,
  utility: utilityDescriptor,
  perturbation_queue: perturbationQueueDescriptor,
  perturbation_trigger: perturbationTriggerDescriptor,
  perturbation_cancel: perturbationCancelDescriptor,
  arrange_meet: arrangeMeetDescriptor,
  conflict_status: conflictStatusDescriptor,
  rivalry_dump: rivalryDumpDescriptor,
  force_chat: forceChatDescriptor,
  employment_status: employmentStatusDescriptor,
  employment_exit: employmentExitDescriptor,
  policy_status: policyStatusDescriptor,
  policy_swap: policySwapDescriptor,
  anneal_set: annealSetDescriptor,
  possess: possessDescriptor,
  release: releaseDescriptor,
  operator_act: operatorActDescriptor,
  snapshot_save: snapshotSaveDescriptor,
  snapshot_list: snapshotListDescriptor,
  snapshot_inspect: snapshotInspectDescriptor,
  snapshot_validate: snapshotValidateDescriptor,
  snapshot_migrate: snapshotMigrateDescriptor,
  snapshot_load: snapshotLoadDescriptor,
  snapshot_diff: snapshotDiffDescriptor
} as const

type Descriptors = typeof CONSOLE_COMMAND_DESCRIPTORS

// Each key is its descriptor's own name: a descriptor filed under another name fails the typecheck.
const keyedByName: { readonly [N in keyof Descriptors]: CommandDescriptor<N> } = CONSOLE_COMMAND_DESCRIPTORS
void keyedByName

/** A console command's one spelling. */
export type ConsoleCommandName = keyof Descriptors

/** The descriptor of command `N`, with its exact argument schema. */
export type DescriptorOf<N extends ConsoleCommandName> = Descriptors[N]

/** What a client sends as command `N`'s arguments (before defaults apply): a wrong name is a type error. */
export type ConsoleArgs<N extends ConsoleCommandName> = z.input<Descriptors[N]['args']>

/** What `run` receives as command `N`'s arguments, once parsed (defaults filled in). */
export type ParsedConsoleArgs<N extends ConsoleCommandName> = z.output<Descriptors[N]['args']>

/** Every descriptor, in `help` order. */
export const CONSOLE_COMMAND_LIST: readonly CommandDescriptor[] = Object.values(CONSOLE_COMMAND_DESCRIPTORS)

/** Every command name, in `help` order. */
export const CONSOLE_COMMAND_NAMES = Object.keys(CONSOLE_COMMAND_DESCRIPTORS) as ConsoleCommandName[]

/**
 * Older spellings the registry still accepts, each resolved to its one name before anything else
 * (role, cmd_id, cache) so a retry under either spelling is the same command. These are the
 * engine's operation names, which clients once guessed at; new code uses the names above.
 */
export const CONSOLE_COMMAND_ALIASES = {
  set_need: 'setneed',
  set_price: 'price',
  set_utility: 'utility'
} as const satisfies Readonly<Record<string, ConsoleCommandName>>

/** Whether `name` is one of the commands' own spellings (an own key: `constructor` is not a command). */
export function isConsoleCommandName(name: string): name is ConsoleCommandName {
  return Object.hasOwn(CONSOLE_COMMAND_DESCRIPTORS, name)
}
