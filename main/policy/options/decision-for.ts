/**
 * The scripted primitives that carry out an option a policy picked: which object to use (the
 * scripted controller's choice, choose-object.ts), which partner to seek out (partner.ts). An
 * option is available exactly when its primitive finds something to do, and the mask
 * (option-mask.ts) asks the same questions, so a masked choice always has a decision.
 */
import type { AgentOption } from '../../../shared/contract/dto/world-summary'
import type { Decision } from '../../sim/inputs'
import { Shift } from '../../sim/state/agent-store'
import type { World } from '../../sim/state/world'
import { chooseObject } from '../scripted/choose-object'
import { findPartner } from './partner'

/** Whether the agent has a job with a place to stand and a shift due or under way. */
export function canWork(world: World, i: number): boolean {
  const a = world.state.agents.cols
  return a.job[i]! >= 0 && a.workTile[i]! >= 0 && a.shift[i] !== Shift.off
}

/** The partner a `socialise` would seek out, or −1: chat enabled, own chat cooldown over, someone near. */
export function socialPartner(world: World, i: number): number {
  if (!world.params.config.society.chat.enabled) return -1
  if ((world.state.society.chatReadyAt[i] ?? 0) > world.state.tick) return -1
  return findPartner(world, i)
}

export function decisionFor(world: World, i: number, option: AgentOption): Decision | null {
  switch (option) {
    case 'idle':
      return { agent: i, option, object: -1 }
    case 'work':
      return canWork(world, i) ? { agent: i, option, object: -1 } : null
    case 'socialise': {
      const partner = socialPartner(world, i)
      return partner >= 0 ? { agent: i, option, object: -1, partner } : null
    }
    default: {
      const object = chooseObject(world, i, option)
      return object >= 0 ? { agent: i, option, object } : null
    }
  }
}
