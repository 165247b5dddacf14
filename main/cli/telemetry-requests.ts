/**
 * What the dispatcher's on-request kinds are made of, for a Shard: the policy's observations
 * (their own ObservationBuilder, so streaming them never changes the embedding slots or context
 * resets the model sees) and the run history's per-agent DTO. It lives here, on the CLI's floor,
 * because telemetry may import neither policy nor history; the dispatcher gets plain functions.
 */
import type { RequestedBuilders } from '../telemetry/dispatch/telemetry-dispatcher'
import type { Shard } from '../shard/shard'
import type { SimEvent } from '../sim/state/world'
import { ObservationBuilder } from '../policy/observations/observation-builder'
import { toObservationEnvelope } from '../policy/observations/observation-dto'
import { episodeSnapshot } from '../history/episode-snapshot'

export interface ShardRequests {
  builders: RequestedBuilders
  /** Stop following the town's ticks. */
  stop(): void
}

/**
 * Builders over the shard's live town. Call before the stream attaches: the tick listener added
 * here then runs before the stream's, so a build at tick T has already seen tick T's events.
 */
export function shardRequests(shard: Shard): ShardRequests {
  let builder: ObservationBuilder | null = null
  let lastEvents: readonly SimEvent[] = []
  // Until someone asks for observations the listener only keeps a reference to the tick's events.
  const off = shard.simulation.onTick((events) => {
    lastEvents = events
    builder?.track(shard.simulation.world, events)
  })
  return {
    builders: {
      observation: () => {
        const world = shard.simulation.world
        const first = builder === null
        builder ??= new ObservationBuilder(world)
        // From the first build on, `track` has noted every tick's resets; the first one reads its own tick's events.
        return toObservationEnvelope(world, builder.build(world, first ? lastEvents : []))
      },
      'agent.snapshot': () => {
        const world = shard.simulation.world
        const alive = world.state.agents.cols.alive
        const agents = []
        for (let slot = 0; slot < world.state.agents.count; slot++) if (alive[slot] === 1) agents.push(episodeSnapshot(world, slot))
        return { agents }
      }
    },
    stop: off
  }
}
