/**
 * What a tick is given besides the state: the policy's decisions (made between ticks from the
 * last tick's state) and console operations. Both are recorded in the input log, so a run replays
 * from its initial state and log alone, without the policy or the console.
 */
import type { AgentOption } from '../../shared/contract/dto/world-summary'

/**
 * An agent takes up an option; `object` is the object it will use (-1 for work, idle and
 * socialise). `partner` is the agent a `socialise` decision seeks out (slot); `tile` sends an
 * agent to a tile to stand there (an operator walking a possessed agent; option idle).
 */
export interface Decision {
  agent: number
  option: AgentOption
  object: number
  partner?: number
  tile?: number
}

export type NeedName = 'hunger' | 'hygiene' | 'energy'
export type PriceKey = 'meal_cost' | 'ingredients_cost' | 'wage_income'

/**
 * Engine-level operations the console (and tests) apply at a tick boundary. Agents are named by
 * slot; the console pipeline resolves ids and checks arguments first, and the engine checks again
 * what only the live world can tell (the agent is still there, the tile is free). `cmd_id` ties
 * the `console.result` event back to the command.
 */
export type ConsoleOp = { cmd_id?: string } & (
  | { op: 'set_need'; agent: number; need: NeedName; value: number }
  | { op: 'set_wallet'; agent: number; value: number }
  | { op: 'set_price'; key: PriceKey; value: number; mode?: 'set' | 'add' | 'multiply' }
  | { op: 'set_utility'; utility: 'power' | 'water'; on: boolean }
  | { op: 'spawn'; id: string; at?: [number, number]; home?: string; job?: string | null; needs?: Partial<Record<NeedName, number>>; wallet?: number }
  | { op: 'kill'; agent: number; reason?: string }
  | { op: 'teleport'; agent: number; x: number; y: number }
  /** Approve (exit at this tick's lifecycle) or defer (forgive) an agent's employment exit. */
  | { op: 'employment_exit'; agent: number; action: 'approve' | 'defer' }
  // Perturbations (main/sim/perturbations/manual-ops.ts): `targets` are economy keys or groups for a
  // price spike; a meet names its agents by slot in `agents`. Pending events start in the scheduler.
  | { op: 'perturbation_trigger'; spec: string; starts_in?: number; duration?: number; magnitude?: number; targets?: string[]; agents?: number[] }
  | { op: 'perturbation_cancel'; event_id: string }
  | { op: 'arrange_meet'; agents: number[]; location: string; duration?: number }
  /** A chat between two agents, wherever they stand (main/sim/society/force-chat.ts). */
  | { op: 'force_chat'; speaker: number; listener: number; quality?: number }
  // Policy (main/sim/policy/policy-ops.ts): an operator takes an agent over from the policy and
  // gives it back; a possessed agent does what `operator_act` says (a Decision, as the policy's).
  | { op: 'possess'; agent: number }
  | { op: 'release'; agent: number }
  | { op: 'operator_act'; agent: number; option: AgentOption; object: number; partner?: number; tile?: number }
  /** The chance an agent's decision comes from the model rather than the scripted controller. */
  | { op: 'anneal_set'; ratio: number }
)

export interface TickInputs {
  decisions: Decision[]
  console: ConsoleOp[]
  /**
   * The `policy` stream's state after the controller drew from it between ticks (anneal draws),
   * when it did: the tick adopts it, so a replay without the policy restores the same stream.
   */
  policy_rng?: number[]
}

export const NO_INPUTS: TickInputs = Object.freeze({ decisions: [], console: [] }) as TickInputs
