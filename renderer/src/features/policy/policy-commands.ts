/**
 * The console commands behind the Policy panel and the inspector's possession controls, and
 * their arguments, typed by the contract (shared/contract/console-commands). Each runs through
 * `console.run`, so refusals (a viewer, a bad ratio, an unknown model) come back as ordinary
 * console results.
 */
import type { ConsoleArgs, ConsoleCommandName } from '../../../../shared/contract/console-commands'
import type { ConsoleEntry } from '../../stores/console-state'

/** The policy commands the panels send. */
export const POLICY_COMMAND_NAMES = ['anneal_set', 'policy_swap', 'possess', 'release', 'operator_act'] as const satisfies readonly ConsoleCommandName[]

export type PolicyCommandName = (typeof POLICY_COMMAND_NAMES)[number]

/** Every console command whose outcome changes what `policy.status` says. */
export const POLICY_RESULT_NAMES: ReadonlySet<string> = new Set(POLICY_COMMAND_NAMES)

/** The anneal slider's step; ratios sent are rounded to it so 0.15000000000000002 reads 0.15. */
export const ANNEAL_STEP = 0.05

/** A ratio rounded to two decimals and clamped to [0, 1]. */
export function roundRatio(ratio: number): number {
  return Math.min(1, Math.max(0, Math.round(ratio * 100) / 100))
}

/** An anneal ratio typed or slid: a number in [0, 1], else null (the Apply button stays disabled). */
export function parseAnneal(text: string): number | null {
  if (text.trim() === '') return null
  const n = Number(text)
  return Number.isFinite(n) && n >= 0 && n <= 1 ? roundRatio(n) : null
}

export const annealArgs = (ratio: number): ConsoleArgs<'anneal_set'> => ({ ratio: roundRatio(ratio) })
/** policy_swap takes the model's path as `policy.status` lists it under models[].path. */
export const swapArgs = (path: string): ConsoleArgs<'policy_swap'> => ({ model: path })
export const possessArgs = (agent: string): ConsoleArgs<'possess'> => ({ agent })
export const releaseArgs = (agent: string): ConsoleArgs<'release'> => ({ agent })

/** What a possessed agent is told to do next. */
export type OperatorAct = { action: 'walk'; x: number; y: number } | { action: 'use'; object: string } | { action: 'chat'; partner: string }

export function operatorActArgs(agent: string, act: OperatorAct): ConsoleArgs<'operator_act'> {
  return { agent, ...act }
}

/**
 * A key that changes whenever a policy command reaches a final result (ok or error), so the
 * status is fetched again right then rather than at the next poll; null when there is none.
 */
export function latestPolicyResultKey(entries: readonly ConsoleEntry[]): string | null {
  const entry = entries.find((e) => POLICY_RESULT_NAMES.has(e.result.name) && e.result.status !== 'queued')
  return entry ? `${entry.result.cmd_id}:${entry.result.status}` : null
}

/** The first 12 hex digits of a policy hash, or "—" for the scripted controller. */
export function shortHash(hash: string | null): string {
  return hash === null ? '—' : hash.slice(0, 12)
}
