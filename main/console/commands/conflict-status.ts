/**
 * `conflict_status`: the town's conflict at a glance: queue counters, society counters, the
 * strongest rivalries, the most contended objects and the latest rivalry changes.
 */
import { z } from 'zod'
import { contention, rivalryPairs } from '../../sim/society/society-views'
import { defineCommand, now } from '../command'

const TOP = 10

export const conflictStatusCommand = defineCommand({
  name: 'conflict_status',
  role: 'viewer',
  destructive: false,
  help: 'Queue counters (ghost steps, rotations, cooldown refusals), society counters, the top 10 rivalries, the most contended objects and the latest rivalry changes.',
  args: z.object({}).strict(),
  run({ world }) {
    const { state } = world
    const society = state.society
    return now({
      tick: state.tick,
      queue_counters: { ...state.counters },
      society_counters: { ...society.counters },
      avoid_threshold: world.params.config.society.rivalry.avoid_threshold,
      top_rivalries: rivalryPairs(world, TOP).map((p) => ({ ...p })),
      contention: contention(world, TOP),
      recent_rivalry_events: society.recent.length,
      recent: society.recent.slice(-TOP).map((r) => ({ ...r }))
    })
  }
})
