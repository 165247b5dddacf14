/**
 * The console commands behind the inspector, spawn, utility, perturbation and employment buttons,
 * in one place. Names and
 * argument names are the host's to decide (console.commands lists them), so each operation names
 * its likely spellings and its arguments take the name the host's command info uses.
 */
import type { CommandInfo } from '../../../../shared/contract/dto/console'

export interface OperatorCommand {
  /** Spellings, preferred first; the first one the host lists wins. */
  names: readonly string[]
  /** Asks for confirmation first. */
  destructive: boolean
}

export const OPERATOR_COMMANDS = {
  setNeed: { names: ['set_need', 'setneed'], destructive: false },
  teleport: { names: ['teleport'], destructive: false },
  kill: { names: ['kill'], destructive: true },
  spawn: { names: ['spawn'], destructive: false },
  utility: { names: ['set_utility', 'utility'], destructive: true },
  perturbationTrigger: { names: ['perturbation_trigger'], destructive: false },
  perturbationCancel: { names: ['perturbation_cancel'], destructive: true },
  /** Approve (destructive: the agent loses its job) or defer a pending exit; the UI confirms approvals only. */
  employmentExit: { names: ['employment_exit'], destructive: true }
} as const satisfies Record<string, OperatorCommand>

export type OperatorName = keyof typeof OPERATOR_COMMANDS

/** Other spellings of our argument names that a host may use. */
export const ARG_ALIASES: Readonly<Record<string, readonly string[]>> = {
  agent: ['agent_id', 'id'],
  id: ['agent_id', 'agent'],
  utility: ['name'],
  on: ['enabled', 'value']
}

/** The command's name on this host and its info (when the host listed it). */
export function resolveCommand(commands: readonly CommandInfo[], command: OperatorCommand): { name: string; info?: CommandInfo } {
  for (const name of command.names) {
    const info = commands.find((c) => c.name === name)
    if (info) return { name, info }
  }
  return { name: command.names[0] ?? '' }
}

/** Renames our arguments to the host's spelling where its info lists an alias but not our name. */
export function adaptArgs(info: CommandInfo | undefined, args: Record<string, unknown>): Record<string, unknown> {
  if (!info) return args
  const known = new Set(info.args.map((a) => a.name))
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(args)) {
    const alias = known.has(key) ? undefined : ARG_ALIASES[key]?.find((a) => known.has(a))
    out[alias ?? key] = value
  }
  return out
}

/** Arguments of set-need: the agent, the need and its new value. */
export const setNeedArgs = (agent: string, need: string, value: number) => ({ agent, need, value })
/** Arguments of teleport: the agent and the target tile. */
export const teleportArgs = (agent: string, x: number, y: number) => ({ agent, x, y })
/** Arguments of kill: the agent. */
export const killArgs = (agent: string) => ({ agent })
/** Arguments of the utility switch: power or water, on or off. */
export const utilityArgs = (utility: 'power' | 'water', on: boolean) => ({ utility, on })

/** Spawn's arguments: id, and home or job only when given. */
export function spawnArgs(id: string, home: string, job: string): Record<string, unknown> {
  return { id: id.trim(), ...(home.trim() ? { home: home.trim() } : {}), ...(job.trim() ? { job: job.trim() } : {}) }
}

/** Arguments of perturbation_cancel: the event, active or pending. */
export const perturbationCancelArgs = (eventId: string) => ({ event_id: eventId })

/** Arguments of employment_exit: approve or defer one agent's pending exit. */
export const employmentExitArgs = (action: 'approve' | 'defer', agent: string) => ({ action, agent })

/**
 * perturbation_trigger's arguments from the form: the spec, and magnitude (a finite number) and
 * duration (whole ticks, at least 1) only when typed. Null when a typed value is not valid.
 */
export function perturbationTriggerArgs(spec: string, magnitude: string, duration: string): Record<string, unknown> | null {
  if (spec.trim() === '') return null
  const args: Record<string, unknown> = { spec: spec.trim() }
  if (magnitude.trim() !== '') {
    const value = Number(magnitude)
    if (!Number.isFinite(value)) return null
    args.magnitude = value
  }
  if (duration.trim() !== '') {
    const ticks = Number(duration)
    if (!Number.isInteger(ticks) || ticks < 1) return null
    args.duration = ticks
  }
  return args
}
