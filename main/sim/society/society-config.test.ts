import { describe, expect, it } from 'vitest'
import { ConfigErrorDetailsSchema } from '../../../shared/contract/dto/config-summary'
import { parseConfigText } from '../../config/load-config'
import { SocietySchema } from '../../config/sections/society'

const HEAD = 'config_id: a\nseed: 1\n'

function issuesOf(society: string) {
  const result = parseConfigText(`${HEAD}society:\n${society}`, 'test.yaml')
  if (result.ok) throw new Error('expected an invalid config')
  return ConfigErrorDetailsSchema.parse(result.error.details).issues
}

describe('config: society', () => {
  it('has defaults for every key', () => {
    const parsed = parseConfigText(HEAD, 'a.yaml')
    expect(parsed.ok).toBe(true)
    const society = parsed.ok ? parsed.value.config.society : SocietySchema.parse({})
    expect(society).toEqual(SocietySchema.parse({}))
    expect(society.rivalry).toMatchObject({ increment_per_conflict: 0.15, ghost_step_boost: 1.5, handover_boost: 0.4, avoid_threshold: 0.7, min_value: 0, max_value: 1 })
    expect(society.ties).toMatchObject({ max_per_agent: 6, removal_floor: 0.01 })
    expect(society.chat.enabled).toBe(true)
    expect(society.personalities.distribution).toEqual({ balanced: 0.4, industrious: 0.2, socialite: 0.2, stoic: 0.2 })
  })

  it('refuses an avoid threshold outside [min_value, max_value], naming the key and the line', () => {
    const issues = issuesOf('  rivalry:\n    max_value: 0.9\n    avoid_threshold: 0.95\n')
    expect(issues).toEqual([expect.objectContaining({ path: 'society.rivalry.avoid_threshold', line: expect.any(Number), message: expect.stringMatching(/within \[min_value 0, max_value 0.9\]/) })])
  })

  it('refuses min_value at or above max_value', () => {
    const issues = issuesOf('  rivalry: { min_value: 0.5, max_value: 0.5, avoid_threshold: 0.5 }\n')
    expect(issues.map((i) => i.path)).toEqual(['society.rivalry.min_value'])
  })

  it('refuses a removal floor below min_value or at the avoid threshold', () => {
    expect(issuesOf('  ties: { removal_floor: 0.7 }\n').map((i) => i.path)).toEqual(['society.ties.removal_floor'])
    expect(issuesOf('  ties: { removal_floor: 0.05 }\n  rivalry: { min_value: 0.1 }\n').map((i) => i.path)).toEqual(['society.ties.removal_floor'])
  })

  it('refuses out-of-range values and unknown keys with a hint', () => {
    expect(issuesOf('  ties: { max_per_agent: 0 }\n').map((i) => i.path)).toEqual(['society.ties.max_per_agent'])
    expect(issuesOf('  chat: { chance: 1.5 }\n').map((i) => i.path)).toEqual(['society.chat.chance'])
    const [typo] = issuesOf('  rivalry: { avoid_treshold: 0.5 }\n')
    expect(typo!.message).toMatch(/did you mean "avoid_threshold"/)
  })

  it('refuses unknown profiles, bad traits and a distribution that sums to 0', () => {
    const [unknown] = issuesOf('  personalities:\n    distribution: { stoik: 1 }\n')
    expect(unknown!.message).toMatch(/did you mean "stoic"/)
    expect(issuesOf('  personalities:\n    distribution: { balanced: 0 }\n').map((i) => i.path)).toEqual(['society.personalities.distribution'])
    expect(issuesOf('  personalities:\n    overrides: { anna: { profile: grumpy } }\n').map((i) => i.path)).toEqual(['society.personalities.overrides.anna.profile'])
    expect(issuesOf('  personalities:\n    overrides: { anna: { extroversion: 2 } }\n').map((i) => i.path)).toEqual(['society.personalities.overrides.anna.extroversion'])
  })
})
