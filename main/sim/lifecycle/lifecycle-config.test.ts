import { describe, expect, it } from 'vitest'
import { parseConfigText } from '../../config/load-config'

const TOWN = (extra: string) => `config_id: c
seed: 1
world:
  population: 1
  layout:
    map: |
      #####
      #...#
      #####
    homes: [{ id: flat, area: [1, 1, 3, 1] }]
${extra}`

describe('lifecycle and employment exit config', () => {
  it('has the documented defaults', () => {
    const loaded = parseConfigText(TOWN(''), 'c.yaml')
    if (!loaded.ok) throw new Error(loaded.error.message)
    expect(loaded.value.config.lifecycle).toEqual({
      fainting: true,
      faint_hunger_threshold: 0.03,
      faint_after_ticks: 30,
      exit_cooldown_ticks: 120,
      max_exits_per_day: 2,
      respawn: true,
      respawn_min_ticks: 5,
      respawn_max_ticks: 20,
      respawn_job: 'next',
      exit_hooks: ['clear_cooldowns'],
      spawn_hooks: []
    })
    expect(loaded.value.config.employment).toEqual({
      attendance_window: 7,
      enforce_exits: true,
      max_absent_shifts: 3,
      absence_window_days: 7,
      daily_exit_cap: 2,
      review_window_ticks: 1440,
      exit_queue_limit: 8
    })
  })

  it('refuses a respawn range upside down, an unknown hook and a misspelt key, naming each', () => {
    const bad = parseConfigText(TOWN('lifecycle: { respawn_min_ticks: 30, respawn_max_ticks: 10, exit_hooks: [release_everything] }\nemployment: { max_absent_shift: 2 }\n'), 'c.yaml')
    expect(bad.ok).toBe(false)
    const message = bad.ok ? '' : bad.error.message
    expect(message).toContain('lifecycle.exit_hooks')
    expect(message).toMatch(/log_exit|clear_cooldowns/)
    expect(message).toContain('max_absent_shifts')
    const range = parseConfigText(TOWN('lifecycle: { respawn_min_ticks: 30, respawn_max_ticks: 10 }\n'), 'c.yaml')
    expect(range.ok ? '' : range.error.message).toContain('respawn_min_ticks (30) is above respawn_max_ticks (10)')
  })
})
