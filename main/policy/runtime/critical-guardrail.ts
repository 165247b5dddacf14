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
import type { World } from '../../sim/state/world'

const SERVES: Record<'hunger' | 'hygiene' | 'energy', number[]> = {
  hunger: [AGENT_OPTIONS.indexOf('eat'), AGENT_OPTIONS.indexOf('cook')],
  hygiene: [AGENT_OPTIONS.indexOf('shower')],
  energy: [AGENT_OPTIONS.indexOf('sleep')]
}

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
  let best = -1
  let reason = ''
  // Lowest need first: it is the one that runs out soonest.
  const needs = (['hunger', 'hygiene', 'energy'] as const).filter((n) => a[n][i]! < critical).sort((x, y) => a[x][i]! - a[y][i]!)
  for (const need of needs) {
    if (SERVES[need].includes(chosen)) break
    for (const o of SERVES[need]) {
      if (mask[o] === 1 && (best < 0 || probs[o]! > probs[best]!)) {
        best = o
        reason = `critical ${need}`
      }
    }
    if (best >= 0) return { option: best, reason }
  }
  return outlasting(world, i, chosen, mask, probs)
}

/** A need that would run out during the chosen option's longest affordance, served first. */
function outlasting(world: World, i: number, chosen: number, mask: Uint8Array, probs: Float64Array): Guarded | undefined {
  const duration = longest(world, chosen)
  if (duration === 0) return undefined
  const a = world.state.agents.cols
  for (const need of ['hunger', 'hygiene', 'energy'] as const) {
    if (SERVES[need].includes(chosen) || a[need][i]! - world.params.decay[need] * duration > 0) continue
    let best = -1
    for (const o of SERVES[need]) if (mask[o] === 1 && (best < 0 || probs[o]! > probs[best]!)) best = o
    if (best >= 0) return { option: best, reason: `${need} would run out during ${AGENT_OPTIONS[chosen]}` }
  }
  return undefined
}

const longestByRegistry = new WeakMap<World['registry'], Map<number, number>>()

/** The longest affordance of an option, in ticks (0 for work, idle, socialise); per registry. */
function longest(world: World, option: number): number {
  let table = longestByRegistry.get(world.registry)
  if (!table) {
    table = new Map()
    longestByRegistry.set(world.registry, table)
  }
  let ticks = table.get(option)
  if (ticks === undefined) {
    ticks = 0
    for (const c of world.registry.byOption.get(AGENT_OPTIONS[option]!) ?? []) ticks = Math.max(ticks, c.spec.duration)
    table.set(option, ticks)
  }
  return ticks
}
