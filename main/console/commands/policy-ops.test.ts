import { describe, expect, it } from 'vitest'
import type { SimEvent } from '../../sim/state/world'
import { consoleTown } from '../testing/console-town'

function stepUntil(t: ReturnType<typeof consoleTown>, done: (events: SimEvent[]) => boolean, limit = 60): SimEvent[] {
  const all: SimEvent[] = []
  for (let n = 0; n < limit; n++) {
    const events = t.sim.step()
    all.push(...events)
    if (done(events)) break
  }
  return all
}

describe('console: policy commands', () => {
  it('anneal_set is admin-only, checks the range and sets the ratio at the tick', () => {
    const t = consoleTown()
    expect(t.send('anneal_set', { ratio: 0.5 }, undefined, 'viewer').error!.code).toBe('console.forbidden')
    const bad = t.send('anneal_set', { ratio: 1.5 })
    expect(bad.error).toMatchObject({ code: 'console.invalid_args', message: expect.stringMatching(/ratio.*0.*1/) })
    expect(t.send('anneal_set', { ratio: 0.3 }, 'a1')).toMatchObject({ status: 'queued' })
    const events = t.sim.step()
    expect(events).toContainEqual(expect.objectContaining({ type: 'policy.anneal.update', ratio: 0.3, previous: 1, source: 'console' }))
    expect(t.finals.at(-1)).toMatchObject({ cmd_id: 'a1', status: 'ok', result: { ratio: 0.3, previous: 1 } })
    expect(t.world.state.policy.anneal_ratio).toBe(0.3)
  })

  it('possess and release resolve ids like the other commands', () => {
    const t = consoleTown()
    expect(t.send('possess', { agent: 'alicee' }).error).toMatchObject({ code: 'console.not_found', message: expect.stringContaining('did you mean "alice"?') })
    t.send('possess', { agent: 'alice' }, 'p1')
    const events = t.sim.step()
    expect(events).toContainEqual(expect.objectContaining({ type: 'policy.possession', agent_id: 'alice', possessed: true, by: 'console' }))
    expect(t.finals.at(-1)).toMatchObject({ cmd_id: 'p1', status: 'ok', result: { agent_id: 'alice', possessed: true } })
    t.send('release', { agent: 'alice' })
    t.sim.step()
    expect(t.world.state.agents.cols.possessed[t.slot('alice')]).toBe(0)
  })

  it('operator_act needs a possessed agent and checks its arguments before queuing', () => {
    const t = consoleTown()
    expect(t.send('operator_act', { agent: 'alice', action: 'walk', x: 3, y: 3 }).error).toMatchObject({ code: 'console.conflict', message: expect.stringContaining('possess agent=alice') })
    t.send('possess', { agent: 'alice' })
    t.sim.step()
    expect(t.send('operator_act', { agent: 'alice', action: 'walk', x: 3 }).error!.code).toBe('console.invalid_args')
    expect(t.send('operator_act', { agent: 'alice', action: 'walk', x: 0, y: 0 }).error).toMatchObject({ code: 'console.invalid_args', message: expect.stringContaining('wall') })
    expect(t.send('operator_act', { agent: 'alice', action: 'walk', x: 50, y: 1 }).error).toMatchObject({ code: 'console.invalid_args', message: expect.stringContaining('off the') })
    expect(t.send('operator_act', { agent: 'alice', action: 'use', object: 'fridgee' }).error!.code).toBe('console.not_found')
    expect(t.send('operator_act', { agent: 'alice', action: 'chat', partner: 'alice' }).error!.code).toBe('console.invalid_args')
    expect(t.send('operator_act', { agent: 'alice', action: 'chat', partner: 'bobby' }).error).toMatchObject({ code: 'console.not_found', message: expect.stringContaining('"bob"') })
    expect(t.send('operator_act', { agent: 'alice', action: 'dance' }, undefined, 'admin').error!.code).toBe('console.invalid_args')
    expect(t.router.pendingCount).toBe(0)
  })

  it('operator_act walk takes a possessed agent to the tile, where it stays', () => {
    const t = consoleTown()
    t.send('possess', { agent: 'alice' })
    t.sim.step()
    t.send('operator_act', { agent: 'alice', action: 'walk', x: 6, y: 3 }, 'w1')
    t.sim.step()
    expect(t.finals.at(-1)).toMatchObject({ cmd_id: 'w1', status: 'ok', result: { option: 'idle', tile: [6, 3], started: true } })
    for (let n = 0; n < 20; n++) t.sim.step()
    const a = t.world.state.agents.cols
    const i = t.slot('alice')
    expect([a.x[i], a.y[i]]).toEqual([6, 3])
  })

  it('operator_act use on the fridge makes the agent eat', () => {
    const t = consoleTown()
    const fridge = t.world.state.objects.ids[t.world.state.objects.types.indexOf('fridge')]!
    t.send('possess', { agent: 'bob' })
    t.sim.step()
    t.send('operator_act', { agent: 'bob', action: 'use', object: fridge }, 'u1')
    const events = stepUntil(t, (e) => e.some((x) => x.type === 'affordance_finish'))
    expect(t.finals.find((r) => r.cmd_id === 'u1')).toMatchObject({ status: 'ok', result: { option: 'eat', object_id: fridge } })
    expect(events).toContainEqual(expect.objectContaining({ type: 'affordance_finish', agent_id: 'bob', affordance_id: 'eat_meal' }))
  })

  it('operator_act chat makes the agent seek the partner out and chat', () => {
    const t = consoleTown()
    t.send('possess', { agent: 'alice' })
    t.sim.step()
    t.send('operator_act', { agent: 'alice', action: 'chat', partner: 'bob' }, 'c1')
    const events = stepUntil(t, (e) => e.some((x) => x.type === 'chat_success' || x.type === 'chat_failure'), 150)
    expect(events.find((e) => e.type === 'chat_success' || e.type === 'chat_failure')).toMatchObject({ speaker: 'alice', listener: 'bob' })
  })
})
