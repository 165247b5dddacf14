import { describe, expect, it } from 'vitest'
import { Phase } from '../state/agent-store'
import { resetTickEvents } from '../state/world'
import { showerRoom } from '../testing/test-world'
import { requestAccess } from './queue-ops'
import { runQueues } from './queue-system'

describe('ghost step (deadlock breaker)', () => {
  it('evicts a holder that is stalled while others wait, after ghost_step_after ticks', () => {
    const world = showerRoom(1, 3, 'cooldown_ticks: 5\n  ghost_step_after: 3')
    const { state } = world
    requestAccess(world, 0, 0)
    requestAccess(world, 0, 1)
    requestAccess(world, 0, 2)
    // Agent 0 holds the shower but does nothing: not walking, not using it (a dawdling policy).
    state.agents.cols.phase[0] = Phase.none
    for (let t = 1; t <= 2; t++) {
      state.tick = t
      runQueues(world)
      expect(state.objects.holder[0]).toBe(0)
    }
    state.tick = 3
    resetTickEvents(state)
    runQueues(world)
    expect(state.objects.holder[0]).toBe(1)
    expect(state.objects.queue[0]!.map((e) => e.agent)).toEqual([2, 0])
    expect(state.counters.ghost_step_events).toBe(1)
    expect(state.agents.cols.phase[0]).toBe(Phase.queued)
    expect(state.events).toEqual([expect.objectContaining({ type: 'queue_conflict', reason: 'ghost_step', actor: state.agents.ids[0], rival: state.agents.ids[1], queue_length: 2 })])
    // No cooldown for the evicted: it failed, it did not finish.
    expect(state.objects.cooldowns[0]!.has(0)).toBe(false)
  })

  it('never evicts a holder that is using the object or walking to it', () => {
    const world = showerRoom(1, 2, 'ghost_step_after: 1')
    const { state } = world
    requestAccess(world, 0, 0)
    requestAccess(world, 0, 1)
    state.objects.running[0] = 0
    state.objects.remaining[0] = 50
    state.agents.cols.phase[0] = Phase.using
    for (let t = 1; t <= 10; t++) {
      state.tick = t
      runQueues(world)
    }
    expect(state.objects.holder[0]).toBe(0)
    state.objects.running[0] = -1
    state.agents.cols.phase[0] = Phase.holding
    state.agents.paths[0] = Int32Array.of(1, 2, 3)
    for (let t = 11; t <= 20; t++) {
      state.tick = t
      state.agents.cols.lastMoved[0] = t
      runQueues(world)
    }
    expect(state.objects.holder[0]).toBe(0)
    expect(state.counters.ghost_step_events).toBe(0)
  })

  it('is off when ghost_step_after is 0', () => {
    const world = showerRoom(1, 2, 'ghost_step_after: 0')
    requestAccess(world, 0, 0)
    requestAccess(world, 0, 1)
    world.state.agents.cols.phase[0] = Phase.none
    for (let t = 1; t <= 20; t++) {
      world.state.tick = t
      runQueues(world)
    }
    expect(world.state.objects.holder[0]).toBe(0)
  })
})
