/**
 * Which social reward stage applies at a tick: the latest `rewards.social_schedule` step that has
 * begun, else `features.stages.social_rewards`. A `cycle` step begins on that simulated day (the
 * day counter the Overview shows, so "cycle 2" means the operator's day 2); a `from_tick` step
 * at that tick. When two steps begin on the same tick the later one in the list wins.
 */
import { SOCIAL_STAGES, type SocialScheduleEntry, type SocialStage } from '../../config/sections/rewards'
import type { ShardConfig } from '../../config/shard-config-schema'
import type { SimClock } from '../time/clock'

/** Stage order: a stage includes every stage before it. */
export function stageRank(stage: SocialStage): number {
  return SOCIAL_STAGES.indexOf(stage)
}

/** The first tick at which a schedule step applies. */
export function stepStart(entry: SocialScheduleEntry, clock: SimClock): number {
  if (entry.from_tick !== undefined) return entry.from_tick
  // Day d begins at the first tick t with floor((t + offset) / ticksPerDay) ≥ d.
  return Math.max(0, (entry.cycle ?? 0) * clock.ticksPerDay - clock.offset)
}

export function socialStageAt(config: ShardConfig, clock: SimClock, tick: number): SocialStage {
  let stage: SocialStage = config.features.stages.social_rewards
  let latest = -1
  for (const entry of config.rewards.social_schedule) {
    const start = stepStart(entry, clock)
    if (start <= tick && start >= latest) {
      latest = start
      stage = entry.stage
    }
  }
  return stage
}
