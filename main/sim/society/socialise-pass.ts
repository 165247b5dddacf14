/**
 * The `socialise` option: an agent seeks out a partner (Decision.partner) and chats with it.
 * Each tick, for every agent carrying it out, before the chance chats (chat-pass.ts):
 * - the partner has left the town → the option fails (`partner_gone`);
 * - still on the way → nothing yet;
 * - arrived but the partner has moved off → walk again to beside it (`partner_unreachable` when
 *   no path leads there);
 * - beside the partner → a chat with it, with certainty (it came for that), once chat is enabled
 *   (else `chat_disabled`), the partner does not avoid it (else `avoided`), and both are free:
 *   off their chat cooldowns, and the partner not queued for, holding or using an object. Then
 *   the option is done.
 * Chasing or waiting ends after SOCIALISE_GIVE_UP_TICKS from the decision (`partner_moved` or
 * `partner_busy`), so an agent never follows someone across town for ever.
 *
 * The chat's quality noise is drawn from the `events` stream, inside the tick, in slot order, as
 * in chat-pass.ts (never the `policy` stream, which replays through the input log).
 */
import { nextFloat } from '../rng/rng-streams'
import { OPTION_INDEX, Phase } from '../state/agent-store'
import type { World } from '../state/world'
import { besidePartner, fail, headFor, isBeside } from '../agents/intent'
import { stepsLeft } from '../systems/movement'
import { chatQuality, holdChat } from './chat'
import { avoids } from './tie-ledger'

/** How long a socialising agent keeps chasing or waiting for its partner. */
export const SOCIALISE_GIVE_UP_TICKS = 120

export function runSocialise(world: World): void {
  const { state, params } = world
  const a = state.agents.cols
  const socialise = OPTION_INDEX.socialise
  const chatEnabled = params.config.society.chat.enabled
  for (let i = 0; i < state.agents.count; i++) {
    if (a.option[i] !== socialise || a.phase[i] !== Phase.walking || a.alive[i] !== 1) continue
    const p = a.partner[i]!
    if (p < 0 || p >= state.agents.count || a.alive[p] !== 1) {
      fail(world, i, 'partner_gone')
      continue
    }
    if (stepsLeft(world, i) > 0) continue
    const late = state.tick - a.optionSince[i]! >= SOCIALISE_GIVE_UP_TICKS
    if (!isBeside(world, i, p)) {
      if (late) fail(world, i, 'partner_moved')
      else if (!headFor(world, i, a.y[i]! * params.map.width + a.x[i]!, besidePartner(world, p))) fail(world, i, 'partner_unreachable')
      continue
    }
    if (!chatEnabled) {
      fail(world, i, 'chat_disabled')
      continue
    }
    if (avoids(world, p, i)) {
      fail(world, i, 'avoided')
      continue
    }
    if (!free(world, i, p)) {
      if (late) fail(world, i, 'partner_busy')
      continue
    }
    holdChat(world, i, p, chatQuality(world, i, p, nextFloat(state.rng.events) - 0.5))
    state.agents.paths[i] = null
    a.phase[i] = Phase.done
  }
}

/** Both off their chat cooldowns and the partner not tied up with an object. */
function free(world: World, i: number, p: number): boolean {
  const { tick, society } = world.state
  const ph = world.state.agents.cols.phase[p]
  if (ph === Phase.queued || ph === Phase.holding || ph === Phase.using) return false
  return (society.chatReadyAt[i] ?? 0) <= tick && (society.chatReadyAt[p] ?? 0) <= tick
}
