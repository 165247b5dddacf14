/**
 * The parts a tick's reward is made of. They add up to the total exactly (up to float rounding):
 * `clip_adjustment` is whatever the death-window guard and the clips took away, so a panel can
 * show where a reward came from and how much the guardrails changed it.
 */
export const REWARD_COMPONENTS = [
  'survival',
  'needs_penalty',
  'wage',
  'punctuality',
  'social_chat',
  'social_avoidance',
  'social_cooperation',
  'terminal_penalty',
  'clip_adjustment'
] as const

export type RewardComponent = (typeof REWARD_COMPONENTS)[number]
export type RewardComponents = Record<RewardComponent, number>

/** What `rewardOf` answers for one agent: its last tick's reward and its life's running total. */
export interface RewardBreakdown {
  total: number
  components: RewardComponents
  /** The agent's episode (life) total so far, its final tick included once it has left. */
  episode_total: number
  /** The tick these numbers are from. */
  tick: number
}

export function zeroComponents(): RewardComponents {
  return Object.fromEntries(REWARD_COMPONENTS.map((c) => [c, 0])) as RewardComponents
}
