import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { World } from '../state/world'
import { showerRoom } from '../testing/test-world'
import { assignNext, leaveQueue, releaseObject, requestAccess } from './queue-ops'

/** The invariants every reachable queue state keeps. */
function checkInvariants(world: World): void {
  const { objects } = world.state
  const held = new Map<number, number>()
  const waiting = new Map<number, number>()
  for (let o = 0; o < objects.count; o++) {
    const holder = objects.holder[o]!
    if (holder >= 0) {
      expect(held.has(holder), `agent ${holder} holds two objects`).toBe(false)
      held.set(holder, o)
    }
    for (const entry of objects.queue[o]!) {
      expect(entry.agent, `holder ${holder} is in its own queue`).not.toBe(holder)
      expect(waiting.has(entry.agent), `agent ${entry.agent} waits in two queues`).toBe(false)
      waiting.set(entry.agent, o)
    }
    // A free object with people waiting is a lost turn: assignNext must have served them.
    if (holder < 0) expect(objects.queue[o]!.length).toBe(0)
  }
}

type Op = { kind: 'request' | 'leave' | 'release' | 'fail' | 'tick'; agent: number; object: number }

const ops = (agents: number, objects: number) =>
  fc.array(
    fc.record({
      kind: fc.constantFrom('request', 'request', 'leave', 'release', 'fail', 'tick') as fc.Arbitrary<Op['kind']>,
      agent: fc.nat({ max: agents - 1 }),
      object: fc.nat({ max: objects - 1 })
    }),
    { maxLength: 120 }
  )

/** Apply an op the way the engine does: an agent only asks for one object at a time. */
function apply(world: World, op: Op): void {
  const { objects } = world.state
  const busy = (i: number) => objects.holder.includes(i) || objects.queue.some((q) => q.some((e) => e.agent === i))
  switch (op.kind) {
    case 'request':
      if (!busy(op.agent)) requestAccess(world, op.object, op.agent)
      break
    case 'leave':
      leaveQueue(world, op.object, op.agent)
      break
    case 'release':
    case 'fail': {
      const holder = objects.holder[op.object]!
      if (holder >= 0) releaseObject(world, op.object, holder, op.kind === 'release')
      break
    }
    case 'tick':
      world.state.tick += 1
      break
  }
}

describe('queues and reservations', () => {
  it('keep their invariants under any sequence of requests, departures and releases', () => {
    fc.assert(
      fc.property(ops(6, 2), (sequence) => {
        const world = showerRoom(2, 6)
        for (const op of sequence) {
          apply(world, op)
          checkInvariants(world)
        }
      }),
      { numRuns: 150 }
    )
  })

  it('serve every waiting agent once demand stops', () => {
    fc.assert(
      fc.property(ops(6, 2), (sequence) => {
        const world = showerRoom(2, 6)
        for (const op of sequence) apply(world, op)
        const { objects } = world.state
        const waiting = new Set(objects.queue.flatMap((q) => q.map((e) => e.agent)))
        const served = new Set<number>()
        for (let round = 0; round < 20 && objects.holder.some((h) => h >= 0); round++) {
          world.state.tick += 1
          for (let o = 0; o < objects.count; o++) {
            const holder = objects.holder[o]!
            if (holder < 0) continue
            served.add(holder)
            releaseObject(world, o, holder, true)
          }
        }
        for (const agent of waiting) expect(served.has(agent), `agent ${agent} was never served`).toBe(true)
        expect(objects.queue.every((q) => q.length === 0)).toBe(true)
      }),
      { numRuns: 150 }
    )
  })

  it('refuse a repeat within the cooldown and allow it once the cooldown expires', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), (cooldown) => {
        const world = showerRoom(1, 2, `cooldown_ticks: ${cooldown}`)
        expect(requestAccess(world, 0, 0)).toBe('granted')
        releaseObject(world, 0, 0, true)
        world.state.tick += cooldown - 1
        expect(requestAccess(world, 0, 0)).toBe('cooldown')
        expect(world.state.counters.cooldown_events).toBe(1)
        world.state.tick += 1
        expect(requestAccess(world, 0, 0)).toBe('granted')
      })
    )
  })

  it('give a long wait priority over a place nearer the front (age priority), counting a rotation', () => {
    const world = showerRoom(1, 3, 'cooldown_ticks: 0\n  age_priority_weight: 0.5')
    requestAccess(world, 0, 0) // holder
    requestAccess(world, 0, 1) // waits from tick 0
    world.state.tick = 10
    world.state.objects.queue[0]!.unshift({ agent: 2, joined: 10 }) // a newcomer put at the front
    releaseObject(world, 0, 0, true)
    expect(world.state.objects.holder[0]).toBe(1)
    expect(world.state.counters.rotation_events).toBe(1)
    assignNext(world, 0)
    expect(world.state.objects.holder[0]).toBe(1)
  })
})
