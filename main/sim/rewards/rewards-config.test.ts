import { describe, expect, it } from 'vitest'
import { parseConfigText } from '../../config/load-config'
import { ShardConfigSchema } from '../../config/shard-config-schema'

const base = `config_id: t
seed: 1
world: { population: 2, generate: {} }
`
const problems = (yaml: string) => {
  const loaded = parseConfigText(base + yaml, 'test.yaml')
  return loaded.ok ? [] : ((loaded.error.details as { issues: { path: string; message: string }[] }).issues ?? [])
}

describe('rewards config', () => {
  it('has defaults for every reward knob', () => {
    const { rewards } = ShardConfigSchema.parse({ config_id: 't', seed: 1 })
    expect(rewards).toMatchObject({
      survival_tick: 0.002,
      needs_penalty_scale: 0.05,
      wage_weight: 1,
      punctuality_bonus: 0.01,
      terminal: { faint_penalty: -1, eviction_penalty: -2, other_penalty: 0 },
      social: { chat: { base: 0.01, trust_coeff: 0.3, familiarity_coeff: 0.2 }, avoidance: 0.005, cooperation: { handover: 0.005, ghost_step_penalty: 0.01 } },
      social_schedule: [],
      clip: { clip_per_tick: 0.2, clip_per_episode: 500, no_positive_within_death_ticks: 10 }
    })
  })

  it('accepts a schedule of cycle and tick steps', () => {
    expect(problems('rewards: { social_schedule: [{ cycle: 0, stage: "OFF" }, { cycle: 2, stage: C1 }, { from_tick: 5000, stage: C3 }] }')).toEqual([])
  })

  it.each([
    ['rewards: { survival_tick: 0.5 }', 'rewards.survival_tick', /0\.01/],
    ['rewards: { punctuality_bonus: 0.09, clip: { clip_per_tick: 0.05 } }', 'rewards.punctuality_bonus', /above clip.clip_per_tick/],
    ['rewards: { terminal: { eviction_penalty: -4 }, clip: { clip_per_episode: 3 } }', 'rewards.terminal.eviction_penalty', /episode clip/],
    ['rewards: { clip: { clip_per_tick: 0.5, clip_per_episode: 0.2 } }', 'rewards.clip.clip_per_episode', /./],
    ['rewards: { terminal: { faint_penalty: 1 } }', 'rewards.terminal.faint_penalty', /./],
    ['rewards: { social_schedule: [{ cycle: 1, stage: C4 }] }', 'rewards.social_schedule.0.stage', /./],
    ['rewards: { social_schedule: [{ cycle: 1, from_tick: 3, stage: C1 }] }', 'rewards.social_schedule.0', /exactly one of/],
    ['rewards: { social_schedule: [{ stage: C1 }] }', 'rewards.social_schedule.0', /exactly one of/],
    ['rewards: { social_schedule: [{ cycle: 1, stage: C1 }, { cycle: 1, stage: C2 }] }', 'rewards.social_schedule.1', /scheduled twice/],
    ['rewards: { social: { chat: { bse: 0.01 } } }', 'rewards.social.chat.bse', /did you mean "base"/]
  ])('refuses %s', (yaml, path, message) => {
    const found = problems(yaml)
    expect(found.map((p) => p.path)).toContain(path)
    expect(found.find((p) => p.path === path)!.message).toMatch(message)
  })
})
