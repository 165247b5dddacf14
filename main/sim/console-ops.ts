/**
 * Apply console operations at the tick boundary, first in the tick so the rest of the tick sees
 * them. Each domain owns its operations and exports them as a map of handlers (see op-handler.ts);
 * they are merged here, the one place that knows them all. Each operation answers with one
 * `console.result` event (status ok with a payload, or error with a code), so the result is part
 * of the tick's record and replays with it. Arguments arrive checked by the console pipeline; what
 * only the live world can tell (the agent is still there, the tile is free) is checked by the
 * handler, and a refused operation changes nothing.
 */
import { agentOps } from './agents/agent-ops'
import type { ConsoleOp } from './inputs'
import { lifecycleOps } from './lifecycle/employment-console'
import type { OpHandler, OpName, OpOutcome } from './op-handler'
import { perturbationOps } from './perturbations/manual-ops'
import { policyOps } from './policy/policy-ops'
import { societyOps } from './society/force-chat'
import { emit, type World } from './state/world'
import { economyOps } from './systems/economy-ops'

/** Every domain's handlers, each owning its op names (a test holds that no two share one). */
export const DOMAIN_OPS = { agentOps, economyOps, lifecycleOps, societyOps, perturbationOps, policyOps } as const

// The type requires a handler for every op name, so a new ConsoleOp without one does not compile.
const HANDLERS: { readonly [K in OpName]: OpHandler<K> } = { ...agentOps, ...economyOps, ...lifecycleOps, ...societyOps, ...perturbationOps, ...policyOps }

export function applyConsoleOps(world: World, ops: readonly ConsoleOp[]): void {
  for (const op of ops) {
    const outcome = applyOp(world, op)
    const said = { cmd_id: op.cmd_id ?? null, op: op.op }
    emit(world.state, 'console.result', outcome.ok ? { ...said, status: 'ok', result: outcome.value } : { ...said, status: 'error', code: outcome.code, message: outcome.message })
  }
}

export function applyOp(world: World, op: ConsoleOp): OpOutcome {
  // HANDLERS[op.op] is the handler for exactly this op's variant; TypeScript cannot correlate the
  // lookup with the argument's narrowing, so the call is widened once, here.
  const handler = HANDLERS[op.op] as (world: World, op: ConsoleOp) => OpOutcome
  return handler(world, op)
}
