/**
 * Which options an agent could take up now, in AGENT_OPTIONS order (1 = available): idle always;
 * eat, cook, shower and sleep when there is an object to use; work when a shift is due or under
 * way; socialise when there is someone to seek out. Masks are applied outside the model (a masked
 * argmax), and mask[o] is 1 exactly when decisionFor(world, i, option o) is not null.
 */
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import type { World } from '../../sim/state/world'
import { chooseObject } from '../scripted/choose-object'
import { canWork, socialPartner } from './decision-for'
import { inProgress } from './decision-point'

/** Fill `out` (length AGENT_OPTIONS.length) with the agent's mask; allocates nothing. */
export function optionMask(world: World, i: number, out: Uint8Array): void {
  for (let o = 0; o < AGENT_OPTIONS.length; o++) {
    const option = AGENT_OPTIONS[o]!
    out[o] =
      option === 'idle' ? 1 : option === 'work' ? (canWork(world, i) ? 1 : 0) : option === 'socialise' ? (socialPartner(world, i) >= 0 ? 1 : 0) : chooseObject(world, i, option) >= 0 ? 1 : 0
  }
}

/**
 * The mask a policy decides under: the options it could take up now, plus the one it is already
 * carrying out (carrying on needs no new object: the agent is on its way, queued or eating).
 * Behaviour cloning labels with it too, so "keep going" is never a forbidden label.
 */
export function decisionMask(world: World, i: number, out: Uint8Array): void {
  optionMask(world, i, out)
  const a = world.state.agents.cols
  if (inProgress(a.phase[i]!)) out[a.option[i]!] = 1
}
