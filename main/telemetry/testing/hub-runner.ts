/**
 * Test support: drive a world tick by tick with the scripted policy, as the shard does, and feed
 * every tick to a telemetry hub; and build one tick's facts by hand for analyzer tests.
 */
import { decideScripted } from '../../policy/scripted/scripted-controller'
import type { ShardConfig } from '../../config/shard-config-schema'
import type { Decision } from '../../sim/inputs'
import { eventAt, type PartialEvent } from '../../sim/events/testing/event-samples'
import type { SimEvent, World } from '../../sim/state/world'
import { tick } from '../../sim/tick'
import { indexEvents, type TickFacts } from '../observe-input'
import { TelemetryHub, type SocietyTelemetry } from '../telemetry-hub'

export interface HubRun {
  hub: TelemetryHub
  /** Every tick's snapshot, oldest first. */
  snapshots: SocietyTelemetry[]
  events: SimEvent[]
}

/** Run `ticks` ticks; `config` defaults to the world's own (pass a changed copy to tune thresholds). */
export function runWithHub(world: World, ticks: number, config: ShardConfig = world.params.config, hub = TelemetryHub.create(config)): HubRun {
  const snapshots: SocietyTelemetry[] = []
  const all: SimEvent[] = []
  for (let k = 0; k < ticks; k++) {
    const decisions = decideScripted(world)
    const events = tick(world, { decisions, console: [] })
    all.push(...events)
    snapshots.push(hub.observe({ world, events, decisions }))
  }
  return { hub, snapshots, events: all }
}

/** A config with one stability or narration block changed. */
export function withTelemetry(config: ShardConfig, patch: { stability?: Partial<ShardConfig['stability']>; narration?: Partial<ShardConfig['narration']> }): ShardConfig {
  return { ...config, stability: { ...config.stability, ...patch.stability }, narration: { ...config.narration, ...patch.narration } }
}

export function factsFor(world: World, t: number, events: PartialEvent[] = [], extra: { decisions?: Decision[]; rewards?: number[]; shiftStarts?: number } = {}): TickFacts {
  const list = events.map((e) => eventAt(t, e))
  return { tick: t, world, events: list, decisions: extra.decisions ?? [], ofType: indexEvents(list), shiftStarts: extra.shiftStarts ?? 0, rewards: extra.rewards ?? [] }
}
