/**
 * `conflict_status {history?, rivalries?}`: the town's conflict at a glance: queue counters,
 * society counters, the strongest rivalries, the most contended objects and the latest rivalry
 * changes (from the world), then, from the telemetry hub's bounded caches, the latest `history`
 * queue-history entries (ticks where the queue counters moved or queue conflicts happened: delta,
 * totals, conflicts, intensity), the latest `rivalries` rivalry events (changes and avoidances)
 * and the alerts active now. The hub's parts are null outside a shard.
 */
import type { z } from 'zod'
import type { JsonValue } from '../../sim/state/world'
import { contention, rivalryPairs } from '../../sim/society/society-views'
import { STREAM_SCHEMA_VERSION } from '../../telemetry/stream/stream-schema'
import { now, type CommandRun } from '../command'
import type { ConflictStatusSchema } from '../../../shared/contract/console-commands/telemetry-results'

const TOP = 10

export const conflictStatusRun: CommandRun<'conflict_status'> = ({ world, telemetry }, args) => {
  const { state } = world
  const society = state.society
  const hub = telemetry?.hub()
  const value: z.infer<typeof ConflictStatusSchema> = {
    schema_version: STREAM_SCHEMA_VERSION,
    tick: state.tick,
    queue_counters: { ...state.counters },
    society_counters: { ...society.counters },
    avoid_threshold: world.params.config.society.rivalry.avoid_threshold,
    top_rivalries: rivalryPairs(world, TOP).map((p) => ({ ...p })),
    contention: contention(world, TOP),
    recent_rivalry_events: society.recent.length,
    recent: society.recent.slice(-TOP).map((r) => ({ ...r })),
    history: hub ? hub.conflicts.queueHistory(args.history) : null,
    rivalry_events: hub ? hub.conflicts.rivalryEvents(args.rivalries) : null,
    alerts: hub ? hub.stabilityNow().alerts : null,
    cache: hub ? { ...hub.conflicts.sizes(), limit: hub.conflicts.limit } : null
  }
  // Plain numbers, strings, arrays and objects (ConflictStatusSchema types them).
  return now(value as unknown as JsonValue)
}
