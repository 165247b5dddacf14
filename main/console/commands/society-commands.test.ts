import { describe, expect, it } from 'vitest'
import { syncAgents } from '../../sim/society/sync-agents'
import { adjustTie } from '../../sim/society/tie-ledger'
import { consoleTown } from '../testing/console-town'

/** The console town with a third resident, so there are pairs to rank. */
function town() {
  const t = consoleTown()
  t.send('spawn', { id: 'cleo' })
  t.sim.step()
  syncAgents(t.world)
  return t
}

describe('console: society commands', () => {
  it('force_chat is admin-only and queued; its result and events follow at the tick', () => {
    const t = town()
    expect(t.send('force_chat', { speaker: 'alice', listener: 'bob' }, undefined, 'viewer').error!.code).toBe('console.forbidden')
    const queued = t.send('force_chat', { speaker: 'alice', listener: 'bob', quality: 0.9 }, 'fc1')
    expect(queued).toMatchObject({ status: 'queued', tick: 2 })
    const events = t.sim.step()
    expect(t.finals.at(-1)).toMatchObject({ cmd_id: 'fc1', status: 'ok', result: { speaker: 'alice', listener: 'bob', quality: 0.9, outcome: 'success' } })
    expect(events).toContainEqual(expect.objectContaining({ type: 'chat_success', speaker: 'alice', listener: 'bob', quality: 0.9 }))
  })

  it('force_chat at a low quality fails and raises rivalry both ways, which rivalry_dump shows', () => {
    const t = town()
    t.send('force_chat', { speaker: 'alice', listener: 'bob', quality: 0.1 }, 'fc2')
    const events = t.sim.step()
    expect(t.finals.at(-1)).toMatchObject({ status: 'ok', result: { outcome: 'failure', reason: 'low_quality' } })
    expect(events.filter((e) => e.type === 'rivalry_changed').map((e) => [e.agent_id, e.other, e.reason])).toEqual([
      ['alice', 'bob', 'chat_failure'],
      ['bob', 'alice', 'chat_failure']
    ])
    const dump = t.send('rivalry_dump', { agent: 'alice' }, undefined, 'viewer')
    expect(dump).toMatchObject({ status: 'ok', result: { agent_id: 'alice', total: 1, rivals: [{ other: 'bob', avoided: false }] } })
    const result = dump.result as { personality: { profile: string }; rivals: { rivalry: number; rivalry_back: number }[] }
    expect(result.personality.profile).toMatch(/balanced|industrious|socialite|stoic/)
    expect(result.rivals[0]!.rivalry).toBeGreaterThan(0)
    expect(result.rivals[0]!.rivalry_back).toBeGreaterThan(0)
  })

  it('refuses a chat with oneself and unknown agents before queuing', () => {
    const t = town()
    expect(t.send('force_chat', { speaker: 'alice', listener: 'alice' }).error!.code).toBe('console.invalid_args')
    expect(t.send('force_chat', { speaker: 'alice', listener: 'bobb' }).error).toMatchObject({ code: 'console.not_found', message: expect.stringContaining('did you mean "bob"?') })
    expect(t.send('force_chat', { speaker: 'alice', listener: 'bob', quality: 2 }).error!.code).toBe('console.invalid_args')
    expect(t.router.pendingCount).toBe(0)
  })

  it('rivalry_dump without an agent lists every pair once, lower slot first, strongest first', () => {
    const t = town()
    const [alice, bob, cleo] = [t.slot('alice'), t.slot('bob'), t.slot('cleo')]
    adjustTie(t.world, bob, alice, { rivalry: 0.3 })
    adjustTie(t.world, alice, bob, { rivalry: 0.1 })
    adjustTie(t.world, cleo, bob, { rivalry: 0.8 })
    adjustTie(t.world, alice, cleo, { familiarity: 0.5 })
    const dump = t.send('rivalry_dump', {}, undefined, 'viewer')
    expect(dump.result).toMatchObject({
      total: 2,
      pairs: [
        { a: 'bob', b: 'cleo', value: 0.8, a_to_b: 0, b_to_a: 0.8 },
        { a: 'alice', b: 'bob', value: 0.3, a_to_b: 0.1, b_to_a: 0.3 }
      ]
    })
    expect((t.send('rivalry_dump', { limit: 1 }, undefined, 'viewer').result as { pairs: unknown[] }).pairs).toHaveLength(1)
    const cleoDump = t.send('rivalry_dump', { agent: 'cleo' }, undefined, 'viewer').result as { rivals: { other: string; avoided: boolean }[] }
    expect(cleoDump.rivals).toEqual([expect.objectContaining({ other: 'bob', avoided: true })])
  })

  it('conflict_status shows the counters, top rivalries and recent rivalry events', () => {
    const t = town()
    t.send('force_chat', { speaker: 'alice', listener: 'bob', quality: 0 }, 'fc3')
    t.sim.step()
    const status = t.send('conflict_status', {}, undefined, 'viewer')
    expect(status).toMatchObject({
      status: 'ok',
      result: {
        queue_counters: { ghost_step_events: 0 },
        society_counters: { chat_failure: 1, rivalry_events: 2 },
        top_rivalries: [{ a: 'alice', b: 'bob' }],
        recent_rivalry_events: 2,
        recent: [{ agent_id: 'alice', reason: 'chat_failure' }, { agent_id: 'bob', reason: 'chat_failure' }]
      }
    })
  })

  it('treats a departed agent as not found, and drops its rivalries from the views', () => {
    const t = town()
    adjustTie(t.world, t.slot('alice'), t.slot('bob'), { rivalry: 0.5 })
    t.send('kill', { agent: 'bob' }, 'k1')
    t.sim.step()
    expect(t.send('rivalry_dump', { agent: 'bob' }, undefined, 'viewer').error!.code).toBe('console.not_found')
    expect(t.send('force_chat', { speaker: 'alice', listener: 'bob' }).error!.code).toBe('console.not_found')
    expect(t.send('rivalry_dump', {}, undefined, 'viewer').result).toMatchObject({ total: 0, pairs: [] })
    expect(t.send('rivalry_dump', { agent: 'alice' }, undefined, 'viewer').result).toMatchObject({ total: 0 })
  })

  it('refuses a force_chat whose agent left between queuing and the tick', () => {
    const t = town()
    t.send('kill', { agent: 'bob' }, 'k2')
    t.send('force_chat', { speaker: 'alice', listener: 'bob' }, 'fc4')
    t.sim.step()
    expect(t.finals.find((r) => r.cmd_id === 'fc4')).toMatchObject({ status: 'error', error: { code: 'console.not_found' } })
  })
})
