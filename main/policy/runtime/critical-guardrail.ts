/**
 * The critical-need guardrail on learned decisions. Behaviour cloning sees a critical need
 * rarely (the controller it copies keeps needs away from the edge), so a cloned model can walk
 * an agent into a long queue for a bed while it starves. When a need is below the controller's
 * `critical_threshold` and the model's choice serves none of the critical needs, the runtime takes
 * the model's most probable allowed option that does. Likewise before a long affordance (a
 * night's sleep): if another need would run out while it lasts, that need is seen to first. The
 * decision trace names the guardrail.
 * Like the mask, it limits what the model may choose, never what it prefers among the rest.
 */
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import { OPTION_INDEX } from '../../sim/state/agent-store'
import type { World } from '../../sim/state/world'
import { longestAffordance, NEED_OPTIONS, NEEDS, type Need } from '../options/need-options'

/** Option indexes that serve each need. */
const SERVES = Object.fromEntries(NEEDS.map((n) => [n, NEED_OPTIONS[n].map((o) => OPTION_INDEX[o])])) as Record<Need, number[]>

export interface Guarded {
  option: number
  /** e.g. "critical hunger". */
  reason: string
}

/**
 * The option the guardrail substitutes for `chosen`, or undefined when it lets the choice stand
 * (no critical need, the choice serves one, or nothing allowed serves one).
 */
export function criticalGuardrail(world: World, i: number, chosen: number, mask: Uint8Array, probs: Float64Array): Guarded | undefined {
  const a = world.state.agents.cols
  const critical = world.params.behavior.critical_threshold
  // Lowest need first: it is the one that runs out soonest.
  const needs = NEEDS.filter((n) => a[n][i]! < critical).sort((x, y) => a[x][i]! - a[y][i]!)
  for (const need of needs) {
    if (SERVES[need].includes(chosen)) break
    const best = mostProbable(SERVES[need], mask, probs)
    if (best >= 0) return { option: best, reason: `critical ${need}` }
  }
  return outlasting(world, i, chosen, mask, probs)
}

/** A need that would run out during the chosen option's longest affordance, served first. */
function outlasting(world: World, i: number, chosen: number, mask: Uint8Array, probs: Float64Array): Guarded | undefined {
  const duration = longestAffordance(world, AGENT_OPTIONS[chosen]!)
  if (duration === 0) return undefined
  const a = world.state.agents.cols
  for (const need of NEEDS) {
    if (SERVES[need].includes(chosen) || a[need][i]! - world.params.decay[need] * duration > 0) continue
    const best = mostProbable(SERVES[need], mask, probs)
    if (best >= 0) return { option: best, reason: `${need} would run out during ${AGENT_OPTIONS[chosen]}` }
  }
  return undefined
}

/** The allowed option among `options` the model likes best, or −1 when the mask allows none. */
function mostProbable(options: readonly number[], mask: Uint8Array, probs: Float64Array): number {
  let best = -1
  for (const o of options) if (mask[o] === 1 && (best < 0 || probs[o]! > probs[best]!)) best = o
  return best
}
