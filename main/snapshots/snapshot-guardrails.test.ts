/**
 * The guardrails as a table: same config, another config with and without a migration path,
 * under every combination of migrations.auto_apply and guardrails.require_exact_config; plus a
 * failing auto-applied migration, decoder warnings, identity enrichment and the verdict a
 * manager shows.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { LoadedConfig } from '../config/load-config'
import { builtinMigrations } from './builtin-migrations'
import { MigrationRegistry } from './migration-registry'
import { defaultV1ToDefault } from './migrations/default-v1-to-default'
import type { SnapshotDocument } from './snapshot-document'
import { applyGuardrails, enrichIdentity, snapshotVerdict } from './snapshot-guardrails'
import { snapshotErr } from './snapshot-errors'
import { realDocument, shippedConfig } from './testing/snapshot-fixtures'
import { ok } from '../../shared/result'

let base: LoadedConfig
const docs: Record<string, SnapshotDocument> = {}
beforeAll(async () => {
  base = await shippedConfig('default.yaml')
  docs.same = await realDocument('default.yaml', 20)
  docs.migratable = await realDocument('default-v1.yaml', 20)
  docs.foreign = await realDocument('scenarios/blackout.yaml', 20)
})

function withRules(auto_apply: boolean, require_exact_config: boolean, identity: Partial<LoadedConfig['config']['snapshot']['identity']> = {}): LoadedConfig {
  const s = base.config.snapshot
  return { ...base, config: { ...base.config, snapshot: { ...s, migrations: { auto_apply }, guardrails: { ...s.guardrails, require_exact_config }, identity: { ...s.identity, ...identity } } } }
}

type Expect = { code: string } | { verdict: 'ok' | 'warn'; config_id: string; applied: string[]; required: string[] }

// [snapshot, auto_apply, require_exact_config, expected]
const TABLE: [keyof typeof docs & string, boolean, boolean, Expect][] = [
  ['same', false, true, { verdict: 'ok', config_id: 'default', applied: [], required: [] }],
  ['same', true, false, { verdict: 'ok', config_id: 'default', applied: [], required: [] }],
  ['migratable', true, true, { verdict: 'warn', config_id: 'default', applied: ['default-v1-to-default'], required: [] }],
  ['migratable', true, false, { verdict: 'warn', config_id: 'default', applied: ['default-v1-to-default'], required: [] }],
  ['migratable', false, false, { verdict: 'warn', config_id: 'default-v1', applied: [], required: ['default-v1-to-default'] }],
  ['migratable', false, true, { code: 'snapshot.migration_required' }],
  ['foreign', true, true, { code: 'snapshot.config_mismatch' }],
  ['foreign', false, true, { code: 'snapshot.config_mismatch' }],
  ['foreign', true, false, { verdict: 'warn', config_id: 'scenario_blackout', applied: [], required: [] }],
  ['foreign', false, false, { verdict: 'warn', config_id: 'scenario_blackout', applied: [], required: [] }]
]

describe('snapshot guardrails', () => {
  it.each(TABLE)('%s snapshot, auto_apply %s, require_exact_config %s', (which, auto, exact, want) => {
    const doc = docs[which]!
    const r = applyGuardrails(doc, withRules(auto, exact), builtinMigrations())
    if ('code' in want) {
      expect(r).toMatchObject({ ok: false, error: { code: want.code } })
      // Both config_ids are named, and what to do.
      if (!r.ok) expect(r.error.message).toMatch(new RegExp(`config_id "${doc.identity.config_id}", the config is "default".*(migrate|require_exact_config)`))
      return
    }
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true)
    if (!r.ok) return
    expect(r.value.verdict).toBe(want.verdict)
    expect(r.value.doc.identity.config_id).toBe(want.config_id)
    expect(r.value.applied.map((s) => s.id)).toEqual(want.applied)
    expect(r.value.required.map((s) => s.id)).toEqual(want.required)
    if (want.verdict === 'warn') expect(r.value.warnings[0]?.message).toMatch(/the snapshot is of config_id/)
  })

  it('an auto-applied migration that fails refuses the load by the step', () => {
    const failing = new MigrationRegistry([{ ...defaultV1ToDefault, apply: () => snapshotErr('snapshot.migration_failed', 'cannot') }])
    expect(applyGuardrails(docs.migratable!, withRules(true, true), failing)).toMatchObject({ ok: false, error: { code: 'snapshot.migration_failed', details: { step: 'default-v1-to-default' } } })
    const fine = new MigrationRegistry([{ ...defaultV1ToDefault, apply: (s) => ok({ ...s, world: { ...s.world, config_id: 'default' } }) }])
    expect(applyGuardrails(docs.migratable!, withRules(true, true), fine).ok).toBe(true)
  })

  it('carries decoder warnings into a warn verdict', () => {
    const r = applyGuardrails(docs.same!, withRules(false, true), builtinMigrations(), [{ code: 'snapshot.schema_mismatch', message: 'newer' }])
    expect(r.ok && r.value.verdict).toBe('warn')
  })

  it('fills identity nulls from snapshot.identity, never overriding what the snapshot says', () => {
    const hash = 'a'.repeat(64)
    const nulls = { ...docs.same!, identity: { ...docs.same!.identity, policy_hash: null, observation_variant: null, anneal_ratio: null } }
    expect(enrichIdentity(nulls, withRules(false, true, { policy_hash: hash, observation_variant: 'compact', anneal_ratio: 0.25 })).identity).toMatchObject({ policy_hash: hash, observation_variant: 'compact', anneal_ratio: 0.25 })
    // infer: the config's own observation variant.
    expect(enrichIdentity(nulls, withRules(false, true)).identity).toMatchObject({ policy_hash: null, observation_variant: base.config.features.systems.observations, anneal_ratio: null })
    const set = { ...docs.same!, identity: { ...docs.same!.identity, policy_hash: 'b'.repeat(64), observation_variant: 'full', anneal_ratio: 0.5 } }
    expect(enrichIdentity(set, withRules(false, true, { policy_hash: hash, observation_variant: 'compact', anneal_ratio: 0.25 })).identity).toMatchObject({ policy_hash: 'b'.repeat(64), observation_variant: 'full', anneal_ratio: 0.5 })
  })

  it('gives the manager a verdict with reasons and the migrations needed', () => {
    const registry = builtinMigrations()
    expect(snapshotVerdict(ok({ doc: docs.same!, warnings: [] }), withRules(false, true), registry)).toEqual({ verdict: 'ok', reasons: [], required_migrations: [] })
    expect(snapshotVerdict(ok({ doc: docs.migratable!, warnings: [] }), withRules(false, true), registry)).toMatchObject({ verdict: 'refused', reasons: [{ code: 'snapshot.migration_required' }], required_migrations: ['default-v1-to-default'] })
    expect(snapshotVerdict(ok({ doc: docs.migratable!, warnings: [] }), withRules(false, false), registry)).toMatchObject({ verdict: 'warn', required_migrations: ['default-v1-to-default'] })
    expect(snapshotVerdict(snapshotErr('snapshot.integrity', 'changed'), withRules(false, true), registry)).toMatchObject({ verdict: 'refused', reasons: [{ code: 'snapshot.integrity' }] })
  })
})
