/**
 * Personalities: three traits in [−1, 1] per agent, from one of the built-in profiles.
 * - extroversion: how often an agent starts a chat, and how well its chats go;
 * - forgiveness: how little a conflict stings and how fast a grudge fades;
 * - ambition: how much a conflict over an object stings.
 *
 * An agent's profile comes from `society.personalities.overrides` when its id is there, else from
 * a hash of the config seed and its id walked over the distribution's weights. A hash, not a
 * draw from the `world` stream, so an agent keeps its personality whatever order agents join in
 * and a spawn never shifts another stream's draws. (The original seeded a Mersenne Twister from
 * SHA-256 of "seed:id"; ours is a 32-bit FNV-1a + murmur finaliser, so profiles differ from it.)
 */
import { PROFILE_NAMES, type ProfileName, type SocietyConfig } from '../../config/sections/society'

export interface Traits {
  extroversion: number
  forgiveness: number
  ambition: number
}

/** The built-in profiles' traits (the original's table, §3.16). */
export const PROFILES: Record<ProfileName, Traits> = {
  balanced: { extroversion: 0, forgiveness: 0, ambition: 0 },
  industrious: { extroversion: -0.2, forgiveness: -0.1, ambition: 0.5 },
  socialite: { extroversion: 0.6, forgiveness: 0.1, ambition: -0.1 },
  stoic: { extroversion: -0.3, forgiveness: 0.5, ambition: -0.2 }
}

export interface Personality extends Traits {
  /** Index into PROFILE_NAMES. */
  profile: number
}

/** A well-mixed 32-bit hash of "seed:id", as a float in [0, 1). */
export function personalityDraw(seed: number, id: string): number {
  const text = `${seed}:${id}`
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  // FNV alone leaves ids that differ in their last character close together; the murmur3
  // finaliser spreads them over the whole range.
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return (h >>> 0) / 4294967296
}

/** The profile a draw u in [0, 1) picks: the first whose cumulative normalised weight exceeds u, in PROFILE_NAMES order. */
export function pickProfile(distribution: SocietyConfig['personalities']['distribution'], u: number): number {
  let total = 0
  for (const name of PROFILE_NAMES) total += distribution[name] ?? 0
  let cumulative = 0
  let last = 0
  for (let p = 0; p < PROFILE_NAMES.length; p++) {
    const w = distribution[PROFILE_NAMES[p]!] ?? 0
    if (w <= 0) continue
    cumulative += w / total
    last = p
    if (u < cumulative) return p
  }
  // Rounding can leave the cumulative sum a hair under 1: the last weighted profile takes the rest.
  return last
}

/** An agent's personality: its override (profile and/or traits) or its hashed profile. */
export function resolvePersonality(config: SocietyConfig['personalities'], seed: number, id: string): Personality {
  const override = Object.hasOwn(config.overrides, id) ? config.overrides[id] : undefined
  const profile = override?.profile !== undefined ? PROFILE_NAMES.indexOf(override.profile) : pickProfile(config.distribution, personalityDraw(seed, id))
  const base = PROFILES[PROFILE_NAMES[profile]!]
  return {
    profile,
    extroversion: override?.extroversion ?? base.extroversion,
    forgiveness: override?.forgiveness ?? base.forgiveness,
    ambition: override?.ambition ?? base.ambition
  }
}
