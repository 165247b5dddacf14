import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PROFILE_NAMES, SocietySchema } from '../../config/sections/society'
import { PROFILES, personalityDraw, pickProfile, resolvePersonality } from './personality'
import { chatChance, rivalryDecayFactor, rivalryGainFactor } from './personality-effects'

const config = (personalities: object = {}) => SocietySchema.parse({ personalities }).personalities
const trait = fc.double({ min: -1, max: 1, noNaN: true })

describe('personalities', () => {
  it('gives an agent the same personality for the same seed and id, whatever else is in town', () => {
    const c = config()
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.string({ minLength: 1, maxLength: 12 }), (seed, id) => {
        expect(resolvePersonality(c, seed, id)).toEqual(resolvePersonality(c, seed, id))
        const u = personalityDraw(seed, id)
        expect(u).toBeGreaterThanOrEqual(0)
        expect(u).toBeLessThan(1)
      })
    )
  })

  it('follows the distribution: never a profile of weight 0, and about the weights over many agents', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (u) => {
        expect(PROFILE_NAMES[pickProfile({ socialite: 1, stoic: 3 }, u)]).toMatch(/socialite|stoic/)
      })
    )
    const counts = [0, 0, 0, 0]
    const c = config({ distribution: { balanced: 2, industrious: 1, socialite: 1 } })
    for (let n = 0; n < 4000; n++) counts[resolvePersonality(c, 99, `agent_${n}`).profile]!++
    expect(counts[3]).toBe(0)
    expect(counts[0]! / 4000).toBeCloseTo(0.5, 1)
    expect(counts[1]! / 4000).toBeCloseTo(0.25, 1)
    expect(counts[2]! / 4000).toBeCloseTo(0.25, 1)
  })

  it('depends on the seed', () => {
    const c = config()
    const profiles = (seed: number) => Array.from({ length: 50 }, (_, n) => resolvePersonality(c, seed, `p${n}`).profile)
    expect(profiles(1)).not.toEqual(profiles(2))
  })

  it('lets an override pin a profile, traits, or both', () => {
    const c = config({ overrides: { anna: { profile: 'socialite' }, ben: { forgiveness: -1 }, cara: { profile: 'stoic', ambition: 0.9 } } })
    expect(resolvePersonality(c, 1, 'anna')).toEqual({ profile: 2, ...PROFILES.socialite })
    expect(resolvePersonality(c, 1, 'ben').forgiveness).toBe(-1)
    expect(resolvePersonality(c, 1, 'cara')).toEqual({ profile: 3, ...PROFILES.stoic, ambition: 0.9 })
  })

  it('has forgiveness lower rivalry gains and speed their decay, ambition raise them, extroversion raise chat chances', () => {
    const { effects } = config()
    expect(rivalryGainFactor(effects, 0, 0.5)).toBeLessThan(1)
    expect(rivalryGainFactor(effects, 0, -0.5)).toBeGreaterThan(1)
    expect(rivalryGainFactor(effects, 0.5, 0)).toBeGreaterThan(1)
    expect(rivalryDecayFactor(effects, 0.5)).toBeGreaterThan(rivalryDecayFactor(effects, 0))
    expect(chatChance(0.02, effects, 0.6)).toBeGreaterThan(chatChance(0.02, effects, 0))
    expect(chatChance(0.02, effects, -1)).toBe(0)
    const stoic = rivalryGainFactor(effects, PROFILES.stoic.ambition, PROFILES.stoic.forgiveness)
    const industrious = rivalryGainFactor(effects, PROFILES.industrious.ambition, PROFILES.industrious.forgiveness)
    expect(stoic).toBeLessThan(1)
    expect(industrious).toBeGreaterThan(1)
  })

  it('never turns a gain into a loss or a chance out of [0, 1], whatever the traits and weights', () => {
    fc.assert(
      fc.property(trait, trait, trait, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (e, f, a, w, chance) => {
        const effects = { chat_chance: w, chat_quality: w, rivalry_ambition: w, rivalry_forgiveness: w, decay_forgiveness: w }
        expect(rivalryGainFactor(effects, a, f)).toBeGreaterThanOrEqual(0)
        expect(rivalryDecayFactor(effects, f)).toBeGreaterThanOrEqual(0)
        const p = chatChance(chance, effects, e)
        expect(p).toBeGreaterThanOrEqual(0)
        expect(p).toBeLessThanOrEqual(1)
      })
    )
  })
})
