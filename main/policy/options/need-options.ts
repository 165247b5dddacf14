/**
 * Which options see to which need, and how long the longest affordance of an option lasts: the
 * scripted controller (top up before a long affordance) and the runtime's guardrail (a need that
 * would run out meanwhile) ask the same questions of the registry.
 */
import type { AgentOption } from '../../../shared/contract/dto/world-summary'
import type { World } from '../../sim/state/world'

export type Need = 'hunger' | 'hygiene' | 'energy'
export const NEEDS: readonly Need[] = ['hunger', 'hygiene', 'energy']

export const NEED_OPTIONS: Readonly<Record<Need, readonly AgentOption[]>> = {
  hunger: ['eat', 'cook'],
  hygiene: ['shower'],
  energy: ['sleep']
}

/** Per registry (hot reload swaps it): option → its longest affordance, in ticks. */
const longestByRegistry = new WeakMap<World['registry'], Map<AgentOption, number>>()

/** The longest affordance of an option, in ticks (0 for options without one: work, idle, socialise). */
export function longestAffordance(world: World, option: AgentOption): number {
  let table = longestByRegistry.get(world.registry)
  if (!table) {
    table = new Map()
    longestByRegistry.set(world.registry, table)
  }
  let ticks = table.get(option)
  if (ticks === undefined) {
    ticks = 0
    for (const c of world.registry.byOption.get(option) ?? []) ticks = Math.max(ticks, c.spec.duration)
    table.set(option, ticks)
  }
  return ticks
}

/** The longest affordance that serves a need, in ticks. */
export function longestForNeed(world: World, need: Need): number {
  let ticks = 0
  for (const option of NEED_OPTIONS[need]) ticks = Math.max(ticks, longestAffordance(world, option))
  return ticks
}
