/**
 * The `snapshot:` block: its defaults (so every existing config loads unchanged, its config_id
 * untouched), and each bound refused with the path named.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadEmbeddedDefault, parseConfigText } from '../load-config'
import { SnapshotSectionSchema } from './snapshot'

const DEFAULTS = {
  storage: { root: 'snapshots' },
  autosave: { cadence_ticks: null, retain: 3 },
  identity: { policy_hash: null, observation_variant: 'infer', anneal_ratio: null },
  migrations: { auto_apply: false },
  guardrails: { require_exact_config: true, allow_downgrade: false },
  timeline: { keyframe_every: 100, byte_budget: 256 * 1024 * 1024 }
}

const withBlock = (block: string) => parseConfigText(`config_id: t\nseed: 1\nsnapshot:\n${block}\n`, 't.yaml')

describe('snapshot config section', () => {
  it('defaults every key, and the shipped configs keep their config_id', () => {
    expect(SnapshotSectionSchema.parse({})).toEqual(DEFAULTS)
    const loaded = loadEmbeddedDefault()
    expect(loaded.config.snapshot).toEqual(DEFAULTS)
    expect(loaded.summary.config_id).toBe('default')
    const v1 = parseConfigText(readFileSync(join(__dirname, '../../../configs/default-v1.yaml'), 'utf8'), 'default-v1.yaml')
    expect(v1.ok && v1.value.summary.config_id).toBe('default-v1')
  })

  it('takes a full block', () => {
    const r = withBlock(`  storage: { root: saves/town }
  autosave: { cadence_ticks: 500, retain: 10 }
  identity: { policy_hash: ${'a'.repeat(40)}, observation_variant: compact, anneal_ratio: 0.5 }
  migrations: { auto_apply: true }
  guardrails: { require_exact_config: false, allow_downgrade: true }`)
    expect(r.ok && r.value.config.snapshot).toEqual({
      storage: { root: 'saves/town' },
      autosave: { cadence_ticks: 500, retain: 10 },
      identity: { policy_hash: 'a'.repeat(40), observation_variant: 'compact', anneal_ratio: 0.5 },
      migrations: { auto_apply: true },
      guardrails: { require_exact_config: false, allow_downgrade: true },
      timeline: DEFAULTS.timeline
    })
  })

  it.each([
    ['  autosave: { cadence_ticks: 99 }', 'snapshot.autosave.cadence_ticks'],
    ['  autosave: { retain: 0 }', 'snapshot.autosave.retain'],
    ['  autosave: { retain: 1001 }', 'snapshot.autosave.retain'],
    ['  storage: { root: /etc }', 'snapshot.storage.root'],
    ['  storage: { root: ../elsewhere }', 'snapshot.storage.root'],
    ['  storage: { root: "  " }', 'snapshot.storage.root'],
    ['  identity: { policy_hash: "not a hash" }', 'snapshot.identity.policy_hash'],
    ['  identity: { observation_variant: huge }', 'snapshot.identity.observation_variant'],
    ['  identity: { anneal_ratio: 2 }', 'snapshot.identity.anneal_ratio'],
    ['  migrations: { handlers: {} }', 'snapshot.migrations'],
    ['  guardrails: { allow_downgrade: yes please }', 'snapshot.guardrails.allow_downgrade']
  ])('refuses %s at %s', (block, path) => {
    const r = withBlock(block)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain(path)
  })
})
