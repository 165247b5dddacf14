/** Read-only views of the object queues: `queue_inspect` (one object) and `debug_queues` (every busy one). */
import { now, refuse, type CommandRun } from '../command'
import { resolveObject } from '../resolve-ids'

import { objectQueueView } from './queue-view'

export const queueInspectRun: CommandRun<'queue_inspect'> = ({ world }, args) => {
  const o = resolveObject(world, args.object)
  if (!o.ok) return refuse(o.code, o.message)
  return now({ tick: world.state.tick, ...objectQueueView(world, o.index), counters: { ...world.state.counters } })
}

export const debugQueuesRun: CommandRun<'debug_queues'> = ({ world }) => {
  const { objects } = world.state
  const busy = []
  for (let o = 0; o < objects.count; o++) {
    if (objects.holder[o]! >= 0 || objects.queue[o]!.length > 0) busy.push(objectQueueView(world, o))
  }
  return now({ tick: world.state.tick, objects: busy, counters: { ...world.state.counters } })
}
