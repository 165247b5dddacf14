/**
 * The arguments of the console commands behind the inspector, spawn, utility, perturbation and
 * employment buttons. Names and argument names are the contract's (shared/contract/
 * console-commands): each builder returns exactly what its command's schema takes, so a renamed
 * argument fails the build here rather than at the host.
 */
import type { ConsoleArgs } from '../../../../shared/contract/console-commands'

/** Arguments of setneed: the agent, the need and its new value. */
export const setNeedArgs = (agent: string, need: ConsoleArgs<'setneed'>['need'], value: number): ConsoleArgs<'setneed'> => ({ agent, need, value })
/** Arguments of teleport: the agent and the target tile. */
export const teleportArgs = (agent: string, x: number, y: number): ConsoleArgs<'teleport'> => ({ agent, x, y })
/** Arguments of kill: the agent. */
export const killArgs = (agent: string): ConsoleArgs<'kill'> => ({ agent })
/** Arguments of the utility switch: power or water, on or off. */
export const utilityArgs = (utility: ConsoleArgs<'utility'>['utility'], on: boolean): ConsoleArgs<'utility'> => ({ utility, on })

/** Spawn's arguments: id, and home or job only when given. */
export function spawnArgs(id: string, home: string, job: string): ConsoleArgs<'spawn'> {
  return { id: id.trim(), ...(home.trim() ? { home: home.trim() } : {}), ...(job.trim() ? { job: job.trim() } : {}) }
}

/** Arguments of perturbation_cancel: the event, active or pending. */
export const perturbationCancelArgs = (eventId: string): ConsoleArgs<'perturbation_cancel'> => ({ event_id: eventId })

/** Arguments of employment_exit: approve or defer one agent's pending exit. */
export const employmentExitArgs = (action: 'approve' | 'defer', agent: string): ConsoleArgs<'employment_exit'> => ({ action, agent })

/**
 * perturbation_trigger's arguments from the form: the spec, and magnitude (a finite number) and
 * duration (whole ticks, at least 1) only when typed. Null when a typed value is not valid.
 */
export function perturbationTriggerArgs(spec: string, magnitude: string, duration: string): ConsoleArgs<'perturbation_trigger'> | null {
  if (spec.trim() === '') return null
  const args: ConsoleArgs<'perturbation_trigger'> = { spec: spec.trim() }
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
