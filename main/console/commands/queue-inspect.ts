/** Read-only views of the object queues: `queue_inspect` (one object) and `debug_queues` (every busy one). */
import { z } from 'zod'
import { defineCommand, now, refuse } from '../command'
import { resolveObject } from '../resolve-ids'
import { idArg } from './arg-types'
import { objectQueueView } from './queue-view'

export const queueInspectCommand = defineCommand({
  name: 'queue_inspect',
  role: 'viewer',
  destructive: false,
  help: "One object's holder, queue (with the tick each joined), cooldowns (with ticks remaining), stall count, running affordance and the queue counters.",
  args: z.object({ object: idArg('the object\'s id, e.g. "fridge_1"') }).strict(),
  run({ world }, args) {
    const o = resolveObject(world, args.object)
    if (!o.ok) return refuse(o.code, o.message)
    return now({ tick: world.state.tick, ...objectQueueView(world, o.index), counters: { ...world.state.counters } })
  }
})

export const debugQueuesCommand = defineCommand({
  name: 'debug_queues',
  role: 'viewer',
  destructive: false,
  help: 'Every object that has a holder or a queue, plus the queue counters.',
  args: z.object({}).strict(),
  run({ world }) {
    const { objects } = world.state
    const busy = []
    for (let o = 0; o < objects.count; o++) {
      if (objects.holder[o]! >= 0 || objects.queue[o]!.length > 0) busy.push(objectQueueView(world, o))
    }
    return now({ tick: world.state.tick, objects: busy, counters: { ...world.state.counters } })
  }
})
