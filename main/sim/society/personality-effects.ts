/**
 * What personality changes, as pure multipliers and offsets (weights from
 * `society.personalities.effects`). Every multiplier is floored at 0, so no trait can turn a gain
 * into a loss. The owner of a tie is the one whose personality applies: a forgiving agent's grudge
 * grows slower and fades faster than its rival's grudge against it.
 */
import type { SocietyConfig } from '../../config/sections/society'

type Effects = SocietyConfig['personalities']['effects']

/** How much a rivalry gain counts for its owner. */
export function rivalryGainFactor(effects: Effects, ambition: number, forgiveness: number): number {
  return Math.max(0, 1 + effects.rivalry_ambition * ambition) * Math.max(0, 1 - effects.rivalry_forgiveness * forgiveness)
}

/** How fast its owner's rivalry fades, relative to `rivalry.decay_per_tick`. */
export function rivalryDecayFactor(effects: Effects, forgiveness: number): number {
  return Math.max(0, 1 + effects.decay_forgiveness * forgiveness)
}

/** The chance a tick that an eligible agent starts a chat. */
export function chatChance(chance: number, effects: Effects, extroversion: number): number {
  return Math.min(1, chance * Math.max(0, 1 + effects.chat_chance * extroversion))
}

/** What the pair's extroversion adds to (or takes from) a chat's quality. */
export function chatQualityOffset(effects: Effects, speakerExtroversion: number, listenerExtroversion: number): number {
  return (effects.chat_quality * (speakerExtroversion + listenerExtroversion)) / 2
}
