/**
 * Apply the policy's decisions: an agent drops whatever it was doing (leaving queues, giving up a
 * reservation, aborting an affordance) and sets off towards its new option's destination: the
 * object's use tiles, the work tile, a tile beside the partner it seeks out (socialise), the
 * tile an operator sent it to (idle with `tile`), or home.
 */
import { dropCurrent } from '../agents/drop-current'
import { besidePartner, fail, headFor, isBeside } from '../agents/intent'
import { OPTION_INDEX } from '../state/agent-store'
import type { Decision } from '../inputs'
import type { World } from '../state/world'

export function applyDecisions(world: World, decisions: readonly Decision[]): void {
  const possessed = world.state.agents.cols.possessed
  // A possessed agent is the operator's (console `operator_act`): the policy's say is dropped
  // here, in the tick, so it holds however the decisions were made and replays the same.
  for (const d of decisions) if (possessed[d.agent] !== 1) applyDecision(world, d)
}

export function applyDecision(world: World, d: Decision): void {
  const { state, params } = world
  const a = state.agents.cols
  const i = d.agent
  if (i < 0 || i >= state.agents.count) return
  dropCurrent(world, i)
  a.option[i] = OPTION_INDEX[d.option]
  a.optionSince[i] = state.tick
  a.target[i] = d.object
  a.partner[i] = d.option === 'socialise' ? (d.partner ?? -1) : -1
  a.blocked[i] = 0
  state.agents.failReason[i] = ''
  const here = a.y[i]! * params.map.width + a.x[i]!
  if (d.option === 'socialise') {
    const p = d.partner ?? -1
    if (p < 0 || p === i || p >= state.agents.count || a.alive[p] !== 1) {
      fail(world, i, 'partner_gone')
      return
    }
    if (!headFor(world, i, here, isBeside(world, i, p) ? [here] : besidePartner(world, p))) fail(world, i, 'partner_unreachable')
    return
  }
  let goals: readonly number[]
  if (d.object >= 0) goals = state.objects.useTiles[d.object] ?? []
  else if (d.option === 'work') goals = a.workTile[i]! >= 0 ? [a.workTile[i]!] : []
  else if (d.tile !== undefined) goals = d.tile >= 0 && d.tile < params.blocked.length && params.blocked[d.tile] !== 1 ? [d.tile] : []
  else goals = a.homeTile[i]! >= 0 ? [a.homeTile[i]!] : []
  if (!headFor(world, i, here, goals)) fail(world, i, d.object >= 0 ? 'unreachable' : 'no_destination')
}
