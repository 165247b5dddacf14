/**
 * The built-in hook handlers an affordance may name. Handlers are code in ./hooks.ts; the registry
 * file only names them, so a registry edit can never run arbitrary code.
 */
export const HOOK_NAMES = [
  /** before: only people who live in the object's home may use it. */
  'residents_only',
  /** after: count a meal eaten (agent and town totals). */
  'count_meal',
  /** after: count a meal cooked and eaten. */
  'count_cooked',
  /** after: count a shower. */
  'count_shower',
  /** after: count a night's sleep. */
  'count_sleep',
  /** fail: when a utility precondition failed, tell the operator (`utility_outage_noticed`). */
  'note_outage'
] as const
export type HookName = (typeof HOOK_NAMES)[number]
