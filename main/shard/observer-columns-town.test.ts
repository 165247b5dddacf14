import { describe, expect, it } from 'vitest'
import { ObserverFrameSchema, type AgentRow, type ObjectRow } from '../../shared/contract/dto/observer'
import { decodeObserverFrame, type DecoderState } from '../../shared/contract/dto/observer-decode'
import { engineConfigText } from '../../bench/engine-config'
import { loadEmbeddedDefault, parseConfigText, type LoadedConfig } from '../config/load-config'
import { ObserverEmitter } from './observer-emitter'
import { agentRow, objectRow } from './observer-rows'
import { realScheduler } from './scheduler'
import { Shard } from './shard'

/**
 * A real town run by its scripted policy: every few ticks the emitter's columns go through JSON
 * and the contract's schema, are decoded and applied like the page does, and the town they give
 * must equal the row path (one agentRow/objectRow per agent and object) read from the world.
 */
function checkTown(config: LoadedConfig, ticks: number, every: number): number {
  const shard = new Shard(config, { scheduler: realScheduler })
  const emitter = new ObserverEmitter()
  let state: DecoderState | null = null
  const agents = new Map<string, AgentRow>()
  const objects = new Map<string, ObjectRow>()
  let frames = 0
  for (let t = 0; t < ticks; t += every) {
    shard.step(every)
    const world = shard.simulation.world
    const wire = ObserverFrameSchema.parse(JSON.parse(JSON.stringify(emitter.frame(world, 'town'))))
    const decoded = decodeObserverFrame(state, wire)
    if (!decoded.ok) throw new Error(decoded.error)
    state = decoded.state
    const rows = decoded.frame
    if (rows.kind === 'full') agents.clear()
    for (const a of rows.agents) agents.set(a.id, a)
    if (rows.kind === 'diff') for (const id of rows.removed) agents.delete(id)
    for (const o of rows.objects) objects.set(o.id, o)
    const expected = new Map<string, AgentRow>()
    for (let i = 0; i < world.state.agents.count; i++) if (world.state.agents.cols.alive[i] === 1) expected.set(world.state.agents.ids[i]!, agentRow(world, i))
    expect(agents).toEqual(expected)
    const expectedObjects = new Map<string, ObjectRow>()
    for (let o = 0; o < world.state.objects.count; o++) expectedObjects.set(world.state.objects.ids[o]!, objectRow(world, o))
    expect(objects).toEqual(expectedObjects)
    frames++
  }
  shard.dispose()
  return frames
}

describe('observer columns on a real town', () => {
  it('the default town over 400 ticks: the decoded columns equal the row path at every frame', () => {
    expect(checkTown(loadEmbeddedDefault(), 400, 3)).toBeGreaterThan(100)
  })

  it('a generated 300-agent town (queues, shifts, arrivals) over 300 ticks', () => {
    const loaded = parseConfigText(engineConfigText(300), 'bench:300')
    if (!loaded.ok) throw new Error(loaded.error.message)
    expect(checkTown(loaded.value, 300, 10)).toBe(30)
  }, 60_000)
})
