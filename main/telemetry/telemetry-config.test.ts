import { describe, expect, it } from 'vitest'
import { parseConfigText } from '../config/load-config'
import { ShardConfigSchema } from '../config/shard-config-schema'

const base = `config_id: t
seed: 1
world: { population: 2, generate: {} }
`
const problems = (yaml: string) => {
  const loaded = parseConfigText(base + yaml, 'test.yaml')
  return loaded.ok ? [] : (loaded.error.details as { issues: { path: string; message: string }[] }).issues
}

describe('stability and narration config', () => {
  it('has defaults for every analyzer, the promotion windows, the KPIs and narration', () => {
    const c = ShardConfigSchema.parse({ config_id: 't', seed: 1 })
    expect(c.stability).toMatchObject({
      starvation: { window_ticks: 1440, hunger_threshold: 0.05, min_duration_ticks: 30, max_incidents: 0 },
      lateness: { max_rate: 0.5, min_shifts: 4 },
      option_thrash: { window_ticks: 600, min_hold_ticks: 15, max_switch_rate: 0.25, min_samples: 10 },
      reward_variance: { max_variance: 0.25, min_samples: 20 },
      queue_fairness: { window_ticks: 60, max_ghost_steps: 5, max_rotations: 10 },
      rivalry: { value_threshold: 0.7, max_events: 5 },
      affordance_failures: { max_failures: 20 },
      promotion: { window_ticks: 1440, required_passes: 2, allowed_alerts: [] },
      kpis: { targets: { self_sufficiency: 0.7, tenure_days: 3, relationship_coverage: 0.6 } }
    })
    expect(c.narration).toMatchObject({ global_cooldown_ticks: 30, category_cooldown_ticks: {}, dedupe_window_ticks: 20, global_window_ticks: 600, global_window_limit: 10 })
  })

  it('accepts per-category cooldowns for known categories', () => {
    expect(problems('narration: { category_cooldown_ticks: { conflict: 30, chat: 120 }, priority_categories: [exit] }')).toEqual([])
  })

  it.each([
    ['stability: { promotion: { allowed_alerts: [starvation] } }', 'stability.promotion.allowed_alerts.0'],
    ['stability: { starvation: { window_ticks: 0 } }', 'stability.starvation.window_ticks'],
    ['stability: { lateness: { max_rate: 2 } }', 'stability.lateness.max_rate'],
    ['narration: { category_cooldown_ticks: { conflicts: 30 } }', 'narration.category_cooldown_ticks.conflicts'],
    ['narration: { rivalry_threshold: 0.8, rivalry_priority: 0.5 }', 'narration.rivalry_priority'],
    ['narration: { muted_categories: [chat], priority_categories: [chat] }', 'narration.muted_categories'],
    ['narration: { global_window_limit: 0 }', 'narration.global_window_limit']
  ])('refuses %s', (yaml, path) => {
    expect(problems(yaml).map((p) => p.path)).toContain(path)
  })
})
