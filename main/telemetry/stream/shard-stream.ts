/**
 * A Shard's live town streamed through a sink: the emitter hears every tick after the telemetry
 * hub digested it (the hub subscribed first, when the simulation was built) and reads the hub's
 * stream readout for that tick. Attach after any restore (`--snapshot`), so the restored hub is read.
 */
import type { Shard } from '../../shard/shard'
import { DEFAULT_LOOP_EVERY_TICKS, StreamEmitter, type StreamSink } from './stream-emitter'

export interface ShardStream {
  readonly emitter: StreamEmitter
  /** Stop listening (the last loop.tick and loop.health go out first). */
  finish(): void
}

export function streamShard(shard: Shard, sink: StreamSink, options: { everyTicks?: number; now?: () => number } = {}): ShardStream {
  const sim = shard.simulation
  const world = sim.world
  const emitter = new StreamEmitter({
    sink,
    everyTicks: options.everyTicks ?? DEFAULT_LOOP_EVERY_TICKS,
    kpiWindowTicks: world.params.config.stability.kpis.window_ticks,
    now: options.now ?? (() => performance.now()),
    facts: {
      policy: () => sim.policy.identity(),
      consoleOps: () => sim.pendingOps().length,
      perturbations: () => ({ pending: world.state.perturbations.pending.length, active: world.state.perturbations.active.length }),
      exitQueue: () => world.state.lifecycle.employment.queue.length
    }
  })
  const off = sim.onTick((events) => {
    const hub = shard.telemetryHub()
    if (hub) emitter.tick(world.state.tick, events, hub.stream)
  })
  return {
    emitter,
    finish() {
      off()
      emitter.finish()
    }
  }
}
