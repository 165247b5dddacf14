import { describe, expect, it } from 'vitest'
import { adjustTie } from '../../sim/society/tie-ledger'
import { OPTION_INDEX, Phase, Shift } from '../../sim/state/agent-store'
import { eventAt } from '../../sim/events/testing/event-samples'
import type { SimEvent, World } from '../../sim/state/world'
import { tick } from '../../sim/tick'
import { writeIdentityEmbedding } from './identity-embedding'
import { ObservationBuilder } from './observation-builder'
import { observationRow } from './observation-dto'
import type { ObservationBatch } from './observation-types'
import { defaultTown, place, spreadOut } from './testing/default-town'

/** Agent 0 stands at (3, 3) in the house; everyone else on the street's far side, out of view. */
function town(variant: 'hybrid' | 'full' | 'compact' = 'hybrid', extra = ''): World {
  const world = defaultTown(variant, extra)
  spreadOut(world)
  place(world, 0, 3, 3)
  return world
}

function rowOf(batch: ObservationBatch, agent: number): number {
  return batch.agents.indexOf(agent)
}

/** Value of channel `c` at offset (dx, dy) from the agent in its map tensor. */
function cell(batch: ObservationBatch, agent: number, channel: string, dx: number, dy: number): number {
  const [, rows, cols] = batch.spec.mapShape
  const r = (rows - 1) / 2
  const c = batch.spec.mapChannels.indexOf(channel)
  expect(c).toBeGreaterThanOrEqual(0)
  return observationRow(batch, rowOf(batch, agent)).map[c * rows * cols + (dy + r) * cols + (dx + r)]!
}

function feature(batch: ObservationBatch, agent: number, name: string): number {
  const k = batch.spec.featureIndex[name]
  if (k === undefined) throw new Error(`no feature ${name}`)
  return observationRow(batch, rowOf(batch, agent)).features[k]!
}

function channelSum(batch: ObservationBatch, agent: number, channel: string): number {
  const area = batch.spec.mapShape[1] * batch.spec.mapShape[2]
  const c = batch.spec.mapChannels.indexOf(channel)
  return observationRow(batch, rowOf(batch, agent))
    .map.subarray(c * area, (c + 1) * area)
    .reduce((s, v) => s + v, 0)
}

const f32 = (v: number) => Math.fround(v)

describe('ObservationBuilder', () => {
  it('observes every living agent in ascending slot order, with the spec’s shapes', () => {
    const world = town()
    world.state.agents.cols.alive[5] = 0
    const batch = new ObservationBuilder(world).build(world, [])
    expect(Array.from(batch.agents)).toEqual([0, 1, 2, 3, 4, 6, 7])
    expect(batch.count).toBe(7)
    expect(batch.map.length).toBe(7 * batch.spec.mapSize)
    expect(batch.features.length).toBe(7 * batch.spec.featureSize)
    expect(batch.tick).toBe(world.state.tick)
    expect(batch.features.every(Number.isFinite)).toBe(true)
  })

  it('puts the agent in the centre cell of `self`, and nothing else there', () => {
    const world = town()
    const batch = new ObservationBuilder(world).build(world, [])
    expect(cell(batch, 0, 'self', 0, 0)).toBe(1)
    expect(channelSum(batch, 0, 'self')).toBe(1)
  })

  it('shows other agents (not the observer) at their offset in `agents`', () => {
    const world = town()
    const builder = new ObservationBuilder(world)
    let batch = builder.build(world, [])
    expect(channelSum(batch, 0, 'agents')).toBe(0)
    expect(feature(batch, 0, 'nearest_agent_distance')).toBe(0)
    place(world, 1, 5, 2)
    batch = builder.build(world, [])
    expect(cell(batch, 0, 'agents', 2, -1)).toBe(1)
    expect(cell(batch, 0, 'agents', 0, 0)).toBe(0)
    expect(cell(batch, 1, 'agents', -2, 1)).toBe(1)
    expect(feature(batch, 0, 'neighbor_agent_ratio')).toBe(f32(1 / 120))
    expect(feature(batch, 0, 'nearest_agent_distance')).toBe(f32(Math.sqrt(5) / 5))
    // A second agent on the observer's own tile shows in the centre.
    place(world, 2, 3, 3)
    batch = builder.build(world, [])
    expect(cell(batch, 0, 'agents', 0, 0)).toBe(1)
    expect(channelSum(batch, 0, 'agents')).toBe(2)
  })

  it('marks object tiles, and reservations where an object has a holder', () => {
    const world = town()
    const builder = new ObservationBuilder(world)
    let batch = builder.build(world, [])
    // Fridge (2, 2), stove (4, 2), shower (6, 2), beds (2, 4) (4, 4) (6, 4) (8, 4).
    expect(cell(batch, 0, 'objects', -1, -1)).toBe(1)
    expect(cell(batch, 0, 'objects', 1, -1)).toBe(1)
    expect(cell(batch, 0, 'objects', 5, 1)).toBe(1)
    expect(cell(batch, 0, 'objects', 0, -1)).toBe(0)
    expect(channelSum(batch, 0, 'objects')).toBe(7)
    expect(channelSum(batch, 0, 'reservations')).toBe(0)
    const fridge = world.state.objects.types.indexOf('fridge')
    world.state.objects.holder[fridge] = 4
    batch = builder.build(world, [])
    expect(cell(batch, 0, 'reservations', -1, -1)).toBe(1)
    expect(channelSum(batch, 0, 'reservations')).toBe(1)
    expect(feature(batch, 0, 'reserved_tile_ratio')).toBe(f32(1 / 121))
    expect(feature(batch, 4, 'reservation_active')).toBe(0)
    world.state.agents.cols.target[4] = fridge
    expect(feature(builder.build(world, []), 4, 'reservation_active')).toBe(1)
  })

  it('full: adds the static unit direction field', () => {
    const world = town('full')
    const batch = new ObservationBuilder(world).build(world, [])
    expect(cell(batch, 0, 'path_dx', 1, 0)).toBe(1)
    expect(cell(batch, 0, 'path_dy', 0, -1)).toBe(-1)
    expect(cell(batch, 0, 'path_dx', 3, 4)).toBe(f32(0.6))
    expect(cell(batch, 0, 'path_dx', 0, 0)).toBe(0)
  })

  it('compact: counts agents and objects per type, and marks walkable tiles', () => {
    const world = town('compact', 'observations:\n  compact: { normalize_counts: false }\n')
    place(world, 1, 4, 3)
    place(world, 2, 4, 3)
    const batch = new ObservationBuilder(world).build(world, [])
    expect(batch.spec.mapShape).toEqual([10, 7, 7])
    expect(cell(batch, 0, 'agents', 1, 0)).toBe(2)
    expect(cell(batch, 0, 'object:fridge', -1, -1)).toBe(1)
    expect(cell(batch, 0, 'object:stove', 1, -1)).toBe(1)
    expect(cell(batch, 0, 'object:fridge', 1, -1)).toBe(0)
    expect(cell(batch, 0, 'walkable', 0, 0)).toBe(0) // own tile
    expect(cell(batch, 0, 'walkable', 1, 0)).toBe(0) // others stand there
    expect(cell(batch, 0, 'walkable', -1, -1)).toBe(0) // the fridge
    expect(cell(batch, 0, 'walkable', -3, 0)).toBe(0) // the wall at x = 0
    expect(cell(batch, 0, 'walkable', -1, 0)).toBe(1)
    const normalized = town('compact')
    place(normalized, 1, 4, 3)
    place(normalized, 2, 4, 3)
    expect(cell(new ObservationBuilder(normalized).build(normalized, []), 0, 'agents', 1, 0)).toBe(1)
  })

  it('writes needs, money, option, phase, shift, time and threshold features', () => {
    const world = town()
    const a = world.state.agents.cols
    a.hunger[0] = 0.3
    a.hygiene[0] = 0.1
    a.energy[0] = 0.9
    a.wallet[0] = 0.3
    a.option[0] = OPTION_INDEX.shower
    a.phase[0] = Phase.queued
    a.shift[0] = Shift.late
    const batch = new ObservationBuilder(world).build(world, [])
    expect(feature(batch, 0, 'need_hunger')).toBe(f32(0.3))
    expect(feature(batch, 0, 'wallet_scaled')).toBe(f32(0.003))
    expect(feature(batch, 0, 'option_shower')).toBe(1)
    expect(feature(batch, 0, 'option_idle')).toBe(0)
    expect(feature(batch, 0, 'phase_queued')).toBe(1)
    expect(feature(batch, 0, 'in_queue')).toBe(1)
    expect(feature(batch, 0, 'shift_late')).toBe(1)
    expect(feature(batch, 0, 'on_shift')).toBe(1)
    expect(feature(batch, 0, 'hunger_low')).toBe(1)
    expect(feature(batch, 0, 'hygiene_critical')).toBe(1)
    expect(feature(batch, 0, 'hunger_critical')).toBe(0)
    expect(feature(batch, 0, 'any_critical')).toBe(1)
    expect(feature(batch, 0, 'energy_low')).toBe(0)
    expect(feature(batch, 0, 'meal_affordable')).toBe(0) // 0.3 < meal cost 0.4
    expect(feature(batch, 0, 'ingredients_affordable')).toBe(1)
    expect(feature(batch, 0, 'power_on')).toBe(1)
    expect(feature(batch, 0, 'has_job')).toBe(1)
    expect(feature(batch, 0, 'at_home')).toBe(1)
    // Tick 0 falls at 06:00: a quarter of the day.
    expect(feature(batch, 0, 'time_sin')).toBeCloseTo(1, 6)
    expect(feature(batch, 0, 'episode_progress')).toBe(0.25)
  })

  it('gives direction and distance to landmarks, and the path hint towards the nearest stove', () => {
    const world = town()
    const batch = new ObservationBuilder(world).build(world, [])
    // Fridge (2, 2) from (3, 3): (−1, −1).
    expect(feature(batch, 0, 'landmark_fridge_dx')).toBe(f32(-Math.SQRT1_2))
    expect(feature(batch, 0, 'landmark_fridge_dy')).toBe(f32(-Math.SQRT1_2))
    expect(feature(batch, 0, 'landmark_fridge_dist')).toBe(f32(Math.SQRT2 / 16))
    // Nearest bed: (2, 4) and (4, 4) tie at √2; the first in map order wins.
    expect(feature(batch, 0, 'landmark_bed_dx')).toBe(f32(-Math.SQRT1_2))
    // Stove (4, 2): one east, one north.
    expect(feature(batch, 0, 'path_hint_north')).toBe(0.5)
    expect(feature(batch, 0, 'path_hint_east')).toBe(0.5)
    expect(feature(batch, 0, 'path_hint_south')).toBe(0)
    const a = world.state.agents.cols
    const wx = a.workTile[0]! % world.params.map.width
    const wy = Math.floor(a.workTile[0]! / world.params.map.width)
    const d = Math.hypot(wx - 3, wy - 3)
    expect(feature(batch, 0, 'landmark_work_dist')).toBe(f32(d / 16))
    expect(feature(batch, 0, 'landmark_work_dy')).toBe(f32((wy - 3) / d))
  })

  it('fills the social block from the tie ledger: friends by trust + familiarity, rivals by rivalry', () => {
    const world = town('hybrid', 'observations:\n  personality_channels: true\n')
    adjustTie(world, 0, 1, { trust: 0.6, familiarity: 0.2 })
    adjustTie(world, 0, 2, { rivalry: 0.8 })
    adjustTie(world, 0, 3, { trust: 0.1 })
    const builder = new ObservationBuilder(world)
    let batch = builder.build(world, [])
    const embed = (slot: number) => {
      const e = new Float32Array(8)
      writeIdentityEmbedding(world.state.agents.ids[slot]!, e, 0, 8)
      return Array.from(e)
    }
    const slotValues = (kind: string) => Array.from({ length: 8 }, (_, j) => feature(batch, 0, `social_${kind}_embed${j}`))
    expect(slotValues('friend0')).toEqual(embed(1))
    expect(slotValues('friend1')).toEqual(embed(3))
    expect(slotValues('rival0')).toEqual(embed(2))
    expect(slotValues('rival1')).toEqual(Array(8).fill(0))
    expect(feature(batch, 0, 'social_friend0_trust')).toBe(f32(0.6))
    expect(feature(batch, 0, 'social_friend0_familiarity')).toBe(f32(0.2))
    expect(feature(batch, 0, 'social_rival0_rivalry')).toBe(f32(0.8))
    expect(feature(batch, 0, 'social_trust_mean')).toBe(f32(0.7 / 3))
    expect(feature(batch, 0, 'social_trust_max')).toBe(f32(0.6))
    expect(feature(batch, 0, 'social_rivalry_max')).toBe(f32(0.8))
    expect(feature(batch, 0, 'rivalry_max')).toBe(f32(0.8))
    expect(feature(batch, 0, 'rivalry_avoid_count')).toBe(1)
    expect(feature(batch, 0, 'personality_extroversion')).toBe(f32(world.state.society.extroversion[0]!))
    // Embeddings are values in [0, 1], different per agent.
    expect(embed(1).every((v) => v >= 0 && v <= 1)).toBe(true)
    expect(embed(1)).not.toEqual(embed(2))
    // Ties to agents who left are not shown.
    world.state.agents.cols.alive[1] = 0
    batch = builder.build(world, [])
    expect(slotValues('friend0')).toEqual(embed(3))
    expect(feature(batch, 2, 'social_trust_mean')).toBe(0)
  })

  it('sets ctx_reset_flag for one build for agents named by spawn, teleport, respawn, meet and possession events', () => {
    const world = town()
    const builder = new ObservationBuilder(world)
    const ids = world.state.agents.ids
    const t = world.state.tick
    const events: SimEvent[] = [
      eventAt(t, { type: 'agent_spawned', agent_id: ids[1]! }),
      eventAt(t, { type: 'agent_respawn', agent_id: ids[2]! }),
      eventAt(t, { type: 'arranged_meet', agents: [ids[3]!, ids[4]!] }),
      eventAt(t, { type: 'policy.possession', agent_id: ids[5]! }),
      eventAt(t, { type: 'agent_teleported', agent_id: 'nobody' }),
      // An event that names an agent without changing its context.
      eventAt(t, { type: 'job_late', agent_id: ids[6]! })
    ]
    let batch = builder.build(world, events)
    expect(Array.from(batch.ctxReset)).toEqual([0, 1, 1, 1, 1, 1, 0, 0])
    expect(feature(batch, 1, 'ctx_reset_flag')).toBe(1)
    expect(feature(batch, 0, 'ctx_reset_flag')).toBe(0)
    batch = builder.build(world, [])
    expect(Array.from(batch.ctxReset).every((v) => v === 0)).toBe(true)

    // A real teleport through the console at a tick boundary.
    const teleported = tick(world, { decisions: [], console: [{ op: 'teleport', agent: 6, x: 20, y: 7 }] })
    batch = builder.build(world, teleported)
    expect(feature(batch, 6, 'ctx_reset_flag')).toBe(1)
    expect(batch.ctxReset[rowOf(batch, 6)]).toBe(1)
  })

  it('keeps resets noted by track() until the next build', () => {
    const world = town()
    const builder = new ObservationBuilder(world)
    builder.track(world, [eventAt(0, { type: 'agent_teleported', agent_id: world.state.agents.ids[3]! })])
    expect(builder.allocator.metrics().in_use).toBe(8)
    expect(feature(builder.build(world, []), 3, 'ctx_reset_flag')).toBe(1)
    expect(feature(builder.build(world, []), 3, 'ctx_reset_flag')).toBe(0)
  })

  it('releases the embedding slot of an agent that died at that tick; a newcomer gets a never-used slot', () => {
    const world = town()
    const builder = new ObservationBuilder(world)
    let batch = builder.build(world, [])
    expect(Array.from(batch.embeddingSlots)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(feature(batch, 3, 'embedding_slot_norm')).toBe(f32(3 / 1024))
    const events = tick(world, { decisions: [], console: [{ op: 'kill', agent: 2 }, { op: 'spawn', id: 'newcomer', at: [5, 7] }] })
    expect(events.some((e) => e.type === 'agent_killed')).toBe(true)
    batch = builder.build(world, events)
    expect(builder.allocator.slotOf(2)).toBe(-1)
    expect(builder.allocator.toJSON().released).toEqual([[2, world.state.tick]])
    expect(rowOf(batch, 2)).toBe(-1)
    const newcomer = world.state.agents.ids.indexOf('newcomer')
    expect(batch.embeddingSlots[rowOf(batch, newcomer)]).toBe(8)
    expect(batch.ctxReset[rowOf(batch, newcomer)]).toBe(1)
    expect(builder.allocator.metrics()).toMatchObject({ in_use: 8, allocations_total: 9, forced_reuse_count: 0 })
  })

  it('leaves agents beyond max_slots without a slot (−1), counted, until one frees', () => {
    const world = town('hybrid', 'observations:\n  embedding: { max_slots: 6, cooldown_ticks: 0 }\n')
    const builder = new ObservationBuilder(world)
    let batch = builder.build(world, [])
    expect(Array.from(batch.embeddingSlots)).toEqual([0, 1, 2, 3, 4, 5, -1, -1])
    expect(feature(batch, 7, 'embedding_slot_norm')).toBe(-1)
    expect(builder.allocator.metrics()).toMatchObject({ max_slots: 6, in_use: 6, without_slot: 2 })
    world.state.agents.cols.alive[1] = 0
    batch = builder.build(world, [])
    expect(Array.from(batch.embeddingSlots)).toEqual([0, 2, 3, 4, 5, 1, -1])
    expect(builder.allocator.metrics()).toMatchObject({ in_use: 6, without_slot: 1, forced_reuse_count: 0 })
  })

  it('reuses its buffers: a steady-state build returns the same arrays', () => {
    const world = town()
    const builder = new ObservationBuilder(world)
    const first = builder.build(world, [])
    const map = first.map
    const second = builder.build(world, [])
    expect(second.map).toBe(map)
    expect(second.features).toBe(first.features)
  })
})
