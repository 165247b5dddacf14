/**
 * One chat between a speaker and a listener, however it came about (two agents standing together,
 * or the console's `force_chat`). It fails when either side avoids the other (rivalry at or above
 * `rivalry.avoid_threshold`: reason `rivalry`) or its quality is below `chat.failure_below`
 * (reason `low_quality`). Success raises both sides' trust and familiarity by the quality; failure
 * raises both sides' rivalry a little. Either way both wait `chat.cooldown_ticks` for the next.
 */
import { emit, type World } from '../state/world'
import { chatQualityOffset } from './personality-effects'
import { raiseRivalry } from './rivalry-events'
import { TIE_FAMILIARITY, TIE_TRUST } from './society-state'
import { adjustTie, avoids, findTie, rivalryOf } from './tie-ledger'

export type ChatOutcome = { ok: true; quality: number } | { ok: false; reason: 'rivalry' | 'low_quality'; quality: number }

const round6 = (v: number) => Math.round(v * 1e6) / 1e6

/**
 * How well a chat would go, in [0, 1]: the speaker's trust and familiarity help, the listener's
 * rivalry towards the speaker hurts, the pair's extroversion shifts it, and `noise` in [−½, ½)
 * (a draw, or 0 for a forced chat) spreads it by `chat.quality_spread`.
 */
export function chatQuality(world: World, speaker: number, listener: number, noise: number): number {
  const society = world.state.society
  const { chat, personalities } = world.params.config.society
  const ledger = society.ties[speaker]!
  const k = findTie(ledger, listener)
  const trust = k < 0 ? 0 : ledger[k + TIE_TRUST]!
  const familiarity = k < 0 ? 0 : ledger[k + TIE_FAMILIARITY]!
  const grudge = rivalryOf(society, listener, speaker)
  const q =
    chat.base_quality +
    chat.quality_trust * trust +
    chat.quality_familiarity * familiarity -
    chat.quality_rivalry * grudge +
    chatQualityOffset(personalities.effects, society.extroversion[speaker]!, society.extroversion[listener]!) +
    chat.quality_spread * noise
  return q < 0 ? 0 : q > 1 ? 1 : q
}

/** Hold the chat at `quality` (clamped to [0, 1]): its effects, events and cooldowns. */
export function holdChat(world: World, speaker: number, listener: number, quality: number): ChatOutcome {
  const { state } = world
  const society = state.society
  const chat = world.params.config.society.chat
  const q = Math.min(1, Math.max(0, quality))
  const ids = state.agents.ids
  society.chatReadyAt[speaker] = state.tick + chat.cooldown_ticks
  society.chatReadyAt[listener] = state.tick + chat.cooldown_ticks
  const reason = avoids(world, speaker, listener) || avoids(world, listener, speaker) ? 'rivalry' : q < chat.failure_below ? 'low_quality' : null
  if (reason === null) {
    emit(state, 'chat_success', { speaker: ids[speaker]!, listener: ids[listener]!, quality: round6(q) }, { speaker, listener })
    society.counters.chat_success++
    const delta = { trust: chat.trust_gain * q, familiarity: chat.familiarity_gain * q }
    adjustTie(world, speaker, listener, delta)
    adjustTie(world, listener, speaker, delta)
    return { ok: true, quality: q }
  }
  emit(state, 'chat_failure', { speaker: ids[speaker]!, listener: ids[listener]!, reason }, { speaker, listener })
  society.counters.chat_failure++
  if (chat.failure_rivalry > 0) {
    raiseRivalry(world, speaker, listener, chat.failure_rivalry, 'chat_failure')
    raiseRivalry(world, listener, speaker, chat.failure_rivalry, 'chat_failure')
  }
  return { ok: false, reason, quality: q }
}
