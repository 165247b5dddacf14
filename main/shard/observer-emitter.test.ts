import { describe, expect, it } from 'vitest'
import { ObserverFrameSchema } from '../../shared/contract/dto/observer'
import { loadEmbeddedDefault } from '../config/load-config'
import { tick } from '../sim/tick'
import { ObserverEmitter } from './observer-emitter'
import { Simulation } from './simulation'

describe('ObserverEmitter', () => {
  it('sends everything first, then only what changed, and names agents that left', () => {
    const sim = new Simulation(loadEmbeddedDefault())
    const emitter = new ObserverEmitter()
    const full = ObserverFrameSchema.parse(emitter.frame(sim.world, 'default'))
    expect(full).toMatchObject({ kind: 'full', seq: 0, tick: 0 })
    expect(full.agents.index).toHaveLength(8)
    // Nothing happened: an empty diff.
    const quiet = emitter.frame(sim.world, 'default')
    expect(quiet).toMatchObject({ kind: 'diff', seq: 1, base_seq: 0, agents: { index: [] }, removed: [], objects: { index: [] } })
    // One agent's hunger moves: only that agent is resent.
    sim.world.state.agents.cols.hunger[3] = 0.123
    const one = emitter.frame(sim.world, 'default')
    expect([one.agents.index, one.agents.hunger]).toEqual([[3], [123]])
    // A killed agent is listed as removed, once.
    const events = tick(sim.world, { decisions: [], console: [{ op: 'kill', agent: 5 }] })
    emitter.record(events)
    const afterKill = emitter.frame(sim.world, 'default')
    expect(afterKill.kind === 'diff' && afterKill.removed).toEqual([5])
    expect(afterKill.events.some((e) => e.type === 'agent_killed')).toBe(true)
    const later = emitter.frame(sim.world, 'default')
    expect(later.kind === 'diff' && later.removed).toEqual([])
  })

  it('starts over with a full frame after reset', () => {
    const sim = new Simulation(loadEmbeddedDefault())
    const emitter = new ObserverEmitter()
    emitter.frame(sim.world, 'default')
    emitter.reset()
    expect(emitter.frame(sim.world, 'default').kind).toBe('full')
  })
})
