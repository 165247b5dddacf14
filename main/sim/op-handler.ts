/**
 * The shape of a console operation's engine side. Each domain exports a map from the op names it
 * owns to handlers (agents/agent-ops.ts, systems/economy-ops.ts, lifecycle/employment-console.ts,
 * society/force-chat.ts, perturbations/manual-ops.ts, policy/policy-ops.ts) and console-ops.ts,
 * beside tick.ts, merges them into one table. A leaf: the domains import these types from here,
 * never the dispatcher, so the dispatcher can import every domain without a circle.
 */
import type { ConsoleOp } from './inputs'
import type { JsonValue, World } from './state/world'

export type OpName = ConsoleOp['op']
export type OpOf<K extends OpName> = Extract<ConsoleOp, { op: K }>
export type OpOutcome = { ok: true; value: { [key: string]: JsonValue } } | { ok: false; code: string; message: string }
/** The engine side of one op: checks what only the live world can tell, then applies it or refuses without changing anything. */
export type OpHandler<K extends OpName> = (world: World, op: OpOf<K>) => OpOutcome
/** A domain's handlers, one per op name it owns. */
export type OpHandlers<K extends OpName> = { readonly [P in K]: OpHandler<P> }

/** Whether slot `agent` holds an agent that is still in the town. */
export function living(world: World, agent: number): boolean {
  return Number.isInteger(agent) && agent >= 0 && agent < world.state.agents.count && world.state.agents.cols.alive[agent] === 1
}

export const NOT_IN_TOWN = (agent: number): string => `agent slot ${agent} is not in the town (it may have left): list agents with telemetry_snapshot`

/** The refusal for an op on a slot that is not (or no longer) in the town. */
export const missing = (agent: number): OpOutcome => ({ ok: false, code: 'console.not_found', message: NOT_IN_TOWN(agent) })
