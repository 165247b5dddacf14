import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ObservationEnvelopeSchema } from '../../../shared/contract/dto/policy'
import { eventAt } from '../../sim/events/testing/event-samples'
import { adjustTie } from '../../sim/society/tie-ledger'
import { PHASE_NAMES, SHIFT_NAMES } from '../../sim/state/agent-store'
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import { ObservationBuilder } from './observation-builder'
import { observationRow, toObservationEnvelope } from './observation-dto'
import { defaultTown } from './testing/default-town'

const VARIANTS = ['hybrid', 'full', 'compact'] as const

describe('toObservationEnvelope', () => {
  it.each(VARIANTS)('%s: parses, round-trips through JSON losslessly, and equals the batch’s float32 values', (variant) => {
    const world = defaultTown(variant, 'observations:\n  personality_channels: true\n')
    adjustTie(world, 0, 1, { trust: 0.3, familiarity: 0.1, rivalry: 0.75 })
    const batch = new ObservationBuilder(world).build(world, [eventAt(0, { type: 'agent_teleported', agent_id: world.state.agents.ids[2]! })])
    const envelope = toObservationEnvelope(world, batch)
    expect(ObservationEnvelopeSchema.parse(envelope)).toEqual(envelope)
    expect(JSON.parse(JSON.stringify(envelope))).toEqual(envelope)
    expect(envelope).toMatchObject({ schema_version: '1.0', tick: batch.tick, variant, map_shape: [...batch.spec.mapShape], feature_names: batch.spec.featureNames })
    expect(envelope.agents.map((a) => a.slot)).toEqual(Array.from(batch.agents))
    envelope.agents.forEach((agent, r) => {
      const row = observationRow(batch, r)
      expect(agent.id).toBe(world.state.agents.ids[agent.slot])
      expect(agent.embedding_slot).toBe(batch.embeddingSlots[r])
      expect(agent.ctx_reset_flag).toBe(batch.ctxReset[r] === 1)
      expect(Float32Array.from(agent.map)).toEqual(row.map)
      expect(Float32Array.from(agent.features)).toEqual(row.features)
      // Every value is exactly a float32, so a model fed from the DTO sees what the batch holds.
      expect(agent.features.every((v) => Math.fround(v) === v)).toBe(true)
    })
    expect(envelope.agents[2]!.ctx_reset_flag).toBe(true)
  })

  it('copies: a later build does not change an envelope already made', () => {
    const world = defaultTown()
    const builder = new ObservationBuilder(world)
    const envelope = toObservationEnvelope(world, builder.build(world, []))
    const before = JSON.stringify(envelope)
    world.state.agents.cols.hunger[0] = 0.01
    builder.build(world, [])
    expect(JSON.stringify(envelope)).toBe(before)
  })
})

describe('observations of random towns (property)', () => {
  const agentState = fc.record({
    x: fc.integer({ min: -3, max: 27 }),
    y: fc.integer({ min: -3, max: 16 }),
    hunger: fc.double({ min: 0, max: 1, noNaN: true }),
    hygiene: fc.double({ min: 0, max: 1, noNaN: true }),
    energy: fc.double({ min: 0, max: 1, noNaN: true }),
    wallet: fc.double({ min: -50, max: 1e6, noNaN: true }),
    option: fc.integer({ min: 0, max: AGENT_OPTIONS.length - 1 }),
    phase: fc.integer({ min: 0, max: PHASE_NAMES.length - 1 }),
    shift: fc.integer({ min: 0, max: SHIFT_NAMES.length - 1 }),
    alive: fc.boolean(),
    lateness: fc.integer({ min: 0, max: 10_000 }),
    rival: fc.double({ min: 0, max: 1, noNaN: true })
  })

  it('every feature is finite and small, the envelope parses, agents come in ascending slot order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VARIANTS), fc.array(agentState, { minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 100_000 }), (variant, states, t) => {
        const world = defaultTown(variant)
        world.state.tick = t
        const a = world.state.agents.cols
        states.forEach((s, i) => {
          a.x[i] = s.x
          a.y[i] = s.y
          a.hunger[i] = s.hunger
          a.hygiene[i] = s.hygiene
          a.energy[i] = s.energy
          a.wallet[i] = s.wallet
          a.option[i] = s.option
          a.phase[i] = s.phase
          a.shift[i] = s.shift
          a.alive[i] = s.alive ? 1 : 0
          a.latenessCount[i] = s.lateness
          if (s.rival > 0) adjustTie(world, i, (i + 1) % 8, { rivalry: s.rival, trust: s.rival - 0.5 })
        })
        const batch = new ObservationBuilder(world).build(world, [])
        expect(batch.features.every((v) => Number.isFinite(v) && Math.abs(v) <= 10)).toBe(true)
        expect(batch.map.every((v) => Number.isFinite(v) && Math.abs(v) <= 64)).toBe(true)
        const slots = Array.from(batch.agents)
        expect(slots).toEqual(states.flatMap((s, i) => (s.alive ? [i] : [])))
        const envelope = toObservationEnvelope(world, batch)
        ObservationEnvelopeSchema.parse(envelope)
        expect(envelope.agents.map((x) => x.slot)).toEqual(slots)
      }),
      { numRuns: 60 }
    )
  })
})
