import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { ConfigErrorDetailsSchema } from '../../../shared/contract/dto/config-summary'
import { parseConfigText } from '../load-config'
import { ShardConfigSchema } from '../shard-config-schema'
import { checkPerturbationsAgainstWorld, PerturbationsSchema, spikeKeysOf } from './perturbations'

const town = (section: string, world = '') => `config_id: t
seed: 1
${world}perturbations:
${section
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
`

function issuesOf(section: string) {
  const result = parseConfigText(town(section), 'test.yaml')
  if (result.ok) throw new Error('expected an invalid config')
  return ConfigErrorDetailsSchema.parse(result.error.details).issues
}

describe('perturbations config', () => {
  it('parses specs by kind with their defaults, and ranges written as one number', () => {
    const result = parseConfigText(town('events:\n  spike: { kind: price_spike, targets: [market, wage_income], magnitude: 1.5, duration: [10, 20] }\n  dark: { kind: power_outage, duration: 30, probability_per_day: 0.2 }'), 't.yaml')
    if (!result.ok) throw new Error(result.error.message)
    const p = result.value.config.perturbations
    expect(p).toMatchObject({ max_concurrent: 1, max_events_per_window: 2, window_ticks: 1440, exit_grace_ticks: 60, scheduled: [] })
    expect(p.events.spike).toEqual({ kind: 'price_spike', targets: ['market', 'wage_income'], magnitude: [1.5, 1.5], duration: [10, 20], probability_per_day: 0, cooldown_ticks: 0 })
    expect(p.events.dark).toMatchObject({ kind: 'power_outage', duration: [30, 30], probability_per_day: 0.2 })
    expect(spikeKeysOf(['market', 'wage_income'])).toEqual(['meal_cost', 'ingredients_cost', 'wage_income'])
  })

  it('refuses spike targets that are no economy key, naming the nearest', () => {
    const issues = issuesOf('events:\n  spike: { kind: price_spike, targets: [grocer, meal_cots], magnitude: 1.5, duration: 10 }')
    expect(issues).toEqual([
      expect.objectContaining({ path: 'perturbations.events.spike.targets.0', line: 5, message: expect.stringContaining('"grocer" is not an economy key a spike can raise') }),
      expect.objectContaining({ path: 'perturbations.events.spike.targets.1', message: expect.stringContaining('did you mean "meal_cost"?') })
    ])
    expect(issues[0]!.message).toContain('"market" is meal_cost and ingredients_cost')
  })

  it('refuses impossible windows and ranges with the fix', () => {
    const issues = issuesOf(
      [
        'events:',
        '  a: { kind: power_outage, duration: 10, window: ["08:00", "08:00"] }',
        '  b: { kind: water_outage, duration: [30, 10] }',
        '  c: { kind: water_outage, duration: 10, probability_per_day: -0.5 }',
        '  d: { kind: price_spike, targets: [market], magnitude: [2, 1.5], duration: 0 }'
      ].join('\n')
    )
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]))
    expect(byPath['perturbations.events.a.window']).toMatch(/window 08:00–08:00 is empty: widen it/)
    expect(byPath['perturbations.events.b.duration']).toBe('duration [30, 10] has its minimum above its maximum: write [10, 30]')
    expect(byPath['perturbations.events.c.probability_per_day']).toMatch(/0 or more/)
    expect(byPath['perturbations.events.d.magnitude']).toMatch(/minimum above its maximum/)
    expect(Object.keys(byPath).some((p) => p.startsWith('perturbations.events.d.duration'))).toBe(true)
    expect(issues.every((i) => typeof i.line === 'number')).toBe(true)
  })

  it('names the kinds for an unknown one, and a kind\'s own keys for a misspelt key', () => {
    const issues = issuesOf('events:\n  a: { kind: blackout, duration: 10 }\n  b: { kind: price_spike, targets: [market], magnitud: 2, duration: 10 }')
    expect(issues.find((i) => i.path === 'perturbations.events.a.kind')!.message).toBe('spec "a" has kind "blackout" (kind is one of price_spike, power_outage, water_outage, arranged_meet)')
    expect(issues.find((i) => i.path === 'perturbations.events.b.magnitud')!.message).toBe('unknown key "magnitud" for a price_spike: did you mean "magnitude"?')
  })

  it('checks buckets and scheduled events against the specs', () => {
    const issues = issuesOf(
      [
        'max_events_per_window: 2',
        'fairness:',
        '  buckets:',
        '    x: { specs: [spike, dark], share: 0.4 }',
        '    y: { specs: [spike, darkk], share: 1 }',
        'events:',
        '  spike: { kind: price_spike, targets: [market], magnitude: 2, duration: 10 }',
        '  dark: { kind: power_outage, duration: 10 }',
        'scheduled:',
        '  - { spec: dark, at_tick: 5, magnitude: 2 }',
        '  - { spec: spiek, at_tick: 5 }'
      ].join('\n')
    )
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]))
    expect(byPath['perturbations.fairness.buckets.x.share']).toMatch(/share 0.4 of max_events_per_window 2 allows no event at all: raise the share to at least 0.5/)
    expect(byPath['perturbations.fairness.buckets.y.specs.0']).toBe('spec "spike" is already in bucket "x": a spec belongs to one bucket')
    expect(byPath['perturbations.fairness.buckets.y.specs.1']).toMatch(/no spec "darkk" in perturbations.events: did you mean "dark"\?/)
    expect(byPath['perturbations.scheduled.0.magnitude']).toMatch(/a power_outage has no magnitude/)
    expect(byPath['perturbations.scheduled.1.spec']).toMatch(/did you mean "spike"\?/)
  })

  it('refuses durations longer than a day and windows shorter than a tick, against world.ticks_per_day', () => {
    // Checks that need world.ticks_per_day run as a refinement of the whole config.
    const schema = ShardConfigSchema.superRefine(checkPerturbationsAgainstWorld)
    const parsed = schema.safeParse(
      parse(town('events:\n  long: { kind: power_outage, duration: [10, 100] }\n  blink: { kind: water_outage, duration: 5, window: ["08:00", "08:05"] }\nscheduled:\n  - { spec: long, at_tick: 3, duration: 200 }', 'world: { ticks_per_day: 96 }\n'))
    )
    expect(parsed.success).toBe(false)
    const messages = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join('.'), i.message]))
    expect(messages['perturbations.events.long.duration']).toBe('spec "long" lasts 100 ticks, longer than a day (world.ticks_per_day 96): shorten it to at most 96')
    expect(messages['perturbations.events.blink.window']).toMatch(/shorter than one tick at 96 ticks a day/)
    expect(messages['perturbations.scheduled.0.duration']).toMatch(/lasts 200 ticks, longer than a day/)
  })

  it('accepts the shipped example section, alone and in the default town', () => {
    const text = readFileSync(resolve(__dirname, '../../../configs/perturbations/default.yaml'), 'utf8')
    const section = PerturbationsSchema.parse(parse(text))
    expect(Object.keys(section.events)).toEqual(['market_spike', 'wage_dip', 'blackout', 'dry_taps', 'kitchen_chat'])
    const defaultTown = readFileSync(resolve(__dirname, '../../../configs/default.yaml'), 'utf8')
    const embedded = `${defaultTown}\nperturbations:\n${text.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n')}`
    const loaded = parseConfigText(embedded, 'default+perturbations.yaml')
    expect(loaded.ok).toBe(true)
    expect(ShardConfigSchema.superRefine(checkPerturbationsAgainstWorld).safeParse(parse(embedded)).success).toBe(true)
  })
})
