import { describe, expect, it } from 'vitest'
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import { PHASE_NAMES, SHIFT_NAMES } from '../../sim/state/agent-store'
import { objectTypesOf } from './observation-builder'
import { BASE_FEATURES, observationSpec } from './observation-spec'
import { defaultTown } from './testing/default-town'

const BASE = BASE_FEATURES.length
const LANDMARKS = 15
const SOCIAL = 4 * (8 + 3) + 4

function specOf(variant: 'hybrid' | 'full' | 'compact', extra = '') {
  const world = defaultTown(variant, extra)
  return observationSpec(world.params.config, objectTypesOf(world))
}

describe('observationSpec', () => {
  it('hybrid: 4 × 11 × 11 map (self, agents, objects, reservations), base + landmarks + social features', () => {
    const spec = specOf('hybrid')
    expect(spec.variant).toBe('hybrid')
    expect(spec.mapShape).toEqual([4, 11, 11])
    expect(spec.mapChannels).toEqual(['self', 'agents', 'objects', 'reservations'])
    expect(spec.mapSize).toBe(4 * 121)
    expect(spec.featureSize).toBe(BASE + LANDMARKS + SOCIAL)
    expect(spec.featureNames.slice(0, 3)).toEqual(['need_hunger', 'need_hygiene', 'need_energy'])
    expect(spec.featureNames.at(-1)).toBe('social_rivalry_max')
  })

  it('full: the hybrid channels plus the static path_dx, path_dy field, same features', () => {
    const spec = specOf('full')
    expect(spec.mapShape).toEqual([6, 11, 11])
    expect(spec.mapChannels).toEqual(['self', 'agents', 'objects', 'reservations', 'path_dx', 'path_dy'])
    expect(spec.featureNames).toEqual(specOf('hybrid').featureNames)
  })

  it('compact: 7 × 7 with one channel per object type (sorted) and walkable', () => {
    const spec = specOf('compact')
    expect(spec.mapChannels).toEqual(['self', 'agents', 'objects', 'reservations', 'object:bed', 'object:fridge', 'object:shower', 'object:stove', 'object:workstation', 'walkable'])
    expect(spec.mapShape).toEqual([10, 7, 7])
    expect(spec.mapSize).toBe(10 * 49)
  })

  it('indexes every feature by name, names unique, in order', () => {
    for (const variant of ['hybrid', 'full', 'compact'] as const) {
      const spec = specOf(variant)
      expect(new Set(spec.featureNames).size).toBe(spec.featureNames.length)
      spec.featureNames.forEach((name, i) => expect(spec.featureIndex[name]).toBe(i))
      expect(Object.keys(spec.featureIndex)).toHaveLength(spec.featureSize)
    }
  })

  it('spells shift, option and phase one-hots in the engine enums’ order', () => {
    const names: readonly string[] = BASE_FEATURES
    const block = (prefix: string, values: readonly string[]) => names.slice(names.indexOf(`${prefix}_${values[0]}`), names.indexOf(`${prefix}_${values[0]}`) + values.length)
    expect(block('shift', SHIFT_NAMES)).toEqual(SHIFT_NAMES.map((s) => `shift_${s}`))
    expect(block('option', AGENT_OPTIONS)).toEqual(AGENT_OPTIONS.map((o) => `option_${o}`))
    expect(block('phase', PHASE_NAMES)).toEqual(PHASE_NAMES.map((p) => `phase_${p}`))
  })

  it('follows the knobs: no targets, personality on, other social sizes, other windows', () => {
    const spec = specOf(
      'hybrid',
      'observations:\n  include_targets: false\n  personality_channels: true\n  hybrid: { local_window: 5 }\n  social: { top_friends: 1, top_rivals: 0, embed_dim: 2, include_aggregates: false }\n'
    )
    expect(spec.mapShape).toEqual([4, 5, 5])
    expect(spec.featureSize).toBe(BASE + 3 + 1 * (2 + 3))
    expect(spec.featureNames.slice(BASE)).toEqual([
      'personality_extroversion',
      'personality_forgiveness',
      'personality_ambition',
      'social_friend0_embed0',
      'social_friend0_embed1',
      'social_friend0_trust',
      'social_friend0_familiarity',
      'social_friend0_rivalry'
    ])
    expect(specOf('compact', 'observations:\n  compact: { map_window: 9 }\n').mapShape).toEqual([10, 9, 9])
  })
})
