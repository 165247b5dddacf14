/**
 * Every tick every tie fades: rivalry by `rivalry.decay_per_tick` (faster for a forgiving owner),
 * trust towards 0 and familiarity towards 0 by their own rates. A tie whose rivalry, |trust| and
 * familiarity are all at or below `ties.removal_floor` is removed, as is every tie of or to an
 * agent that has left the town. One pass over the ties: O(agents + ties). On the way it lists the
 * agents that still avoid someone, for the avoidance pass.
 */
import type { World } from '../state/world'
import { noteAvoider, resetAvoiders } from './avoiders'
import { rivalryDecayFactor } from './personality-effects'
import { TIE_FAMILIARITY, TIE_OTHER, TIE_RIVALRY, TIE_STRIDE, TIE_TRUST } from './society-state'
import { noteRemoved, removeTieAt } from './tie-ledger'

export function decayTies(world: World): void {
  const society = world.state.society
  resetAvoiders(world)
  if (society.tieCount === 0) return
  const { ties: tiesConfig, rivalry, personalities } = world.params.config.society
  const alive = world.state.agents.cols.alive
  const floor = tiesConfig.removal_floor
  const trustDecay = tiesConfig.trust_decay_per_tick
  const familiarityDecay = tiesConfig.familiarity_decay_per_tick
  const avoidAt = rivalry.avoid_threshold
  for (let i = 0; i < society.agents; i++) {
    const ledger = society.ties[i]!
    if (ledger.length === 0) continue
    if (alive[i] !== 1) {
      // A departed agent's feelings go with it, silently: its departure was the event.
      society.tieCount -= ledger.length / TIE_STRIDE
      ledger.length = 0
      continue
    }
    const rivalryDecay = rivalry.decay_per_tick * rivalryDecayFactor(personalities.effects, society.forgiveness[i]!)
    let avoiding = false
    let k = 0
    while (k < ledger.length) {
      const other = ledger[k + TIE_OTHER]!
      if (alive[other] !== 1) {
        removeTieAt(society, i, k)
        continue
      }
      const trust0 = ledger[k + TIE_TRUST]!
      const trust = trust0 > 0 ? Math.max(0, trust0 - trustDecay) : Math.min(0, trust0 + trustDecay)
      const familiarity = Math.max(0, ledger[k + TIE_FAMILIARITY]! - familiarityDecay)
      const rival = Math.max(rivalry.min_value, ledger[k + TIE_RIVALRY]! - rivalryDecay)
      if (rival <= floor && familiarity <= floor && Math.abs(trust) <= floor) {
        noteRemoved(world)
        removeTieAt(society, i, k)
        continue
      }
      ledger[k + TIE_TRUST] = trust
      ledger[k + TIE_FAMILIARITY] = familiarity
      ledger[k + TIE_RIVALRY] = rival
      if (rival >= avoidAt) avoiding = true
      k += TIE_STRIDE
    }
    if (avoiding) noteAvoider(world, i)
  }
}
