/**
 * What a tick is given besides the state: the policy's decisions (made between ticks from the
 * last tick's state) and console operations. Both are recorded in the input log, so a run replays
 * from its initial state and log alone, without the policy or the console.
 */
import type { AgentOption } from '../../shared/contract/dto/world-summary'

/** An agent takes up an option; `object` is the object it will use (-1 for work and idle). */
export interface Decision {
  agent: number
  option: AgentOption
  object: number
}

/** Engine-level operations the console (and tests) apply at a tick boundary. */
export type ConsoleOp =
  | { op: 'set_need'; agent: number; need: 'hunger' | 'hygiene' | 'energy'; value: number }
  | { op: 'set_wallet'; agent: number; value: number }
  | { op: 'set_price'; key: 'meal_cost' | 'ingredients_cost' | 'wage_income'; value: number }
  | { op: 'set_utility'; utility: 'power' | 'water'; on: boolean }

export interface TickInputs {
  decisions: Decision[]
  console: ConsoleOp[]
}

export const NO_INPUTS: TickInputs = Object.freeze({ decisions: [], console: [] }) as TickInputs
