import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BASE_NUMERIC_KEYS, CONFLICT_KEYS, PPO_VERSIONS, V1_1_NUMERIC_KEYS, V1_2_SOCIAL_KEYS, type PpoVersion } from './ppo-keys'
import { recordProblems } from './ppo-record-schema'
import { sampleRecord } from './sample-records'

const REQUIRED: Record<PpoVersion, readonly string[]> = {
  '1.0': [...BASE_NUMERIC_KEYS, ...CONFLICT_KEYS],
  '1.1': [...BASE_NUMERIC_KEYS, ...CONFLICT_KEYS, ...V1_1_NUMERIC_KEYS, 'data_mode'],
  '1.2': [...BASE_NUMERIC_KEYS, ...CONFLICT_KEYS, ...V1_1_NUMERIC_KEYS, 'data_mode', ...V1_2_SOCIAL_KEYS]
}

describe('PPO record schemas', () => {
  it.each(PPO_VERSIONS)('a record written from the %s contract is valid', (version) => {
    expect(recordProblems(sampleRecord(3, { version }))).toEqual({ version, problems: [] })
    expect(recordProblems(sampleRecord(3, { version, anneal: true, baseline: true })).problems).toEqual([])
  })

  it('every required key of every version is required: removing any one is named', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PPO_VERSIONS), fc.nat(), fc.integer({ min: 1, max: 10_000 }), (version, pick, epoch) => {
        const keys = REQUIRED[version].filter((k) => k !== 'telemetry_version')
        const key = keys[pick % keys.length]!
        const record = sampleRecord(epoch, { version })
        delete record[key]
        const { problems } = recordProblems(record)
        expect(problems).toHaveLength(1)
        expect(problems[0]).toContain(`missing required key for telemetry_version ${version}: ${key}`)
      })
    )
  })

  it('a 1.0 record must not carry any field 1.1 added, even one', () => {
    const record = { ...sampleRecord(1, { version: '1.0' }), rollout_ticks: 10 }
    expect(recordProblems(record).problems[0]).toMatch(/telemetry_version 1.0 must not carry fields 1.1 added \(rollout_ticks\)/)
    expect(recordProblems({ ...sampleRecord(1, { version: '1.0' }), data_mode: 'replay' }).problems[0]).toMatch(/\(data_mode\)/)
  })

  it('1.1 needs no social counts, 1.2 does (the current producer always writes them)', () => {
    const v11 = sampleRecord(1, { version: '1.1' })
    expect(recordProblems(v11).problems).toEqual([])
    expect(recordProblems({ ...v11, telemetry_version: 1.2 }).problems[0]).toMatch(/missing required keys for telemetry_version 1.2: shared_meal_events, late_help_events/)
  })

  it('refuses unknown versions, booleans as numbers, strings, bad data modes and mistyped anneal fields', () => {
    expect(recordProblems({ ...sampleRecord(1), telemetry_version: 1.3 }).problems[0]).toMatch(/telemetry_version 1.3 is not one this townlet reads/)
    expect(recordProblems({ ...sampleRecord(1), telemetry_version: '1.2' }).problems[0]).toMatch(/telemetry_version: must be a number/)
    expect(recordProblems({ ...sampleRecord(1), telemetry_version: undefined }).problems[0]).toMatch(/telemetry_version: missing/)
    expect(recordProblems({ ...sampleRecord(1), loss_total: true }).problems).toEqual(['loss_total: must be a finite number, got a boolean'])
    expect(recordProblems({ ...sampleRecord(1), grad_norm: 'big' }).problems).toEqual(['grad_norm: must be a finite number, got a string'])
    expect(recordProblems({ ...sampleRecord(1), data_mode: 'online' }).problems[0]).toMatch(/data_mode: must be one of replay, rollout, mixed/)
    expect(recordProblems({ ...sampleRecord(1, { anneal: true }), anneal_bc_passed: 1 }).problems).toEqual(['anneal_bc_passed: must be true or false, got 1'])
    expect(recordProblems({ ...sampleRecord(1, { anneal: true }), anneal_bc_accuracy: null }).problems).toEqual([])
  })

  it('checks the baseline aggregates as a group, and the optional log-prob mean with them', () => {
    const base = sampleRecord(1, { baseline: true })
    expect(recordProblems({ ...base, baseline_reward_sum: 'x' }).problems).toEqual(['baseline_reward_sum: must be a finite number, got a string'])
    expect(recordProblems({ ...base, baseline_log_prob_mean: null }).problems).toEqual(['baseline_log_prob_mean: must be a finite number, got null'])
    // Three of four: not a baseline group, so not checked (the original's rule).
    const partial = { ...base, baseline_reward_sum: 'x' } as Record<string, unknown>
    delete partial.baseline_sample_count
    expect(recordProblems(partial).problems).toEqual([])
  })

  it('extra keys are fine at every version (per-batch conflict stats vary by producer)', () => {
    expect(recordProblems({ ...sampleRecord(1, { version: '1.0' }), 'conflict.extra_avg': 1, note: 'x' }).problems).toEqual([])
  })
})
