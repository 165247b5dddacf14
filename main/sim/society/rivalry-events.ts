/**
 * Every rivalry change goes through here: the tie changes, a `rivalry_changed {agent_id, other,
 * value, delta, reason}` event says so, and the latest few are remembered for the console and
 * the conflict panel. Values in events are rounded to 6 places; the state keeps full precision.
 */
import { emit, type World } from '../state/world'
import { noteAvoider } from './avoiders'
import { rivalryGainFactor } from './personality-effects'
import { RECENT_RIVALRY_LIMIT, TIE_RIVALRY } from './society-state'
import { adjustTie, findTie } from './tie-ledger'

const round6 = (v: number) => Math.round(v * 1e6) / 1e6

/**
 * Raise the owner's rivalry towards `other` by `base`, scaled by the owner's personality (ambition
 * raises it, forgiveness lowers it). Returns the rivalry change applied (0 when the tie could not
 * be kept or nothing changed).
 */
export function raiseRivalry(world: World, owner: number, other: number, base: number, reason: string): number {
  const { state } = world
  const society = state.society
  const effects = world.params.config.society.personalities.effects
  const gain = base * rivalryGainFactor(effects, society.ambition[owner]!, society.forgiveness[owner]!)
  const delta = adjustTie(world, owner, other, { rivalry: gain })
  if (delta === null || delta === 0) return 0
  const ledger = society.ties[owner]!
  const value = ledger[findTie(ledger, other) + TIE_RIVALRY]!
  const record = { agent_id: state.agents.ids[owner]!, other: state.agents.ids[other]!, value: round6(value), delta: round6(delta), reason }
  if (value >= world.params.config.society.rivalry.avoid_threshold) noteAvoider(world, owner)
  emit(state, 'rivalry_changed', record)
  society.counters.rivalry_events++
  society.recent.push({ tick: state.tick, ...record })
  if (society.recent.length > RECENT_RIVALRY_LIMIT) society.recent.shift()
  return delta
}
