/**
 * The observation layout for each variant: map channels and window, and the feature names in
 * order. Everything that writes or reads an observation (the builder, the DTOs, a model's
 * metadata, the decision trace) takes names and indexes from here, so the layout lives in one
 * place. Adapted from the reference (§6.2–6.3) with its quirks dropped: the `agents` channel shows
 * other agents only, the last-action BLAKE2 hash is replaced by success / failure flags, raw
 * counts and money are scaled, and features the scripted controller decides on (its option,
 * phase, thresholds, shift timing, prices) are added so a policy cloned from it can see them.
 */
import type { ShardConfig } from '../../config/shard-config-schema'
import type { ObservationSpec } from './observation-types'

/** Hybrid and full map channels (full adds the static direction field). */
export const HYBRID_CHANNELS = ['self', 'agents', 'objects', 'reservations'] as const
export const FULL_EXTRA_CHANNELS = ['path_dx', 'path_dy'] as const

/**
 * The features every variant starts with, in order. Scales (why: a model trains best on values
 * near [−1, 1]): wallet and wages withheld / WALLET_SCALE, lateness / COUNT_SCALE, ages and
 * distances by the constants below; ratios and flags are already in [0, 1]. The controller block
 * (option_* … water_on) reads the same thresholds and prices the scripted controller does.
 */
export const BASE_FEATURES = [
  'need_hunger',
  'need_hygiene',
  'need_energy',
  'wallet_scaled',
  'lateness_scaled',
  'on_shift',
  'time_sin',
  'time_cos',
  'attendance_ratio',
  'wages_withheld_scaled',
  // SHIFT_NAMES, spelt out so each name is a literal type (a test keeps them in step).
  'shift_off',
  'shift_await',
  'shift_on_time',
  'shift_late',
  'shift_absent',
  'embedding_slot_norm',
  'ctx_reset_flag',
  'episode_progress',
  'rivalry_max',
  'rivalry_avoid_count',
  'last_option_success',
  'last_option_failure',
  'reservation_active',
  'in_queue',
  'path_hint_north',
  'path_hint_south',
  'path_hint_east',
  'path_hint_west',
  'neighbor_agent_ratio',
  'neighbor_object_ratio',
  'reserved_tile_ratio',
  'nearest_agent_distance',
  // What the scripted controller decides on, for behaviour cloning.
  // AGENT_OPTIONS and PHASE_NAMES, in their order.
  'option_idle',
  'option_eat',
  'option_cook',
  'option_shower',
  'option_sleep',
  'option_work',
  'option_socialise',
  'phase_none',
  'phase_walking',
  'phase_queued',
  'phase_holding',
  'phase_using',
  'phase_arrived',
  'phase_done',
  'phase_failed',
  'option_age',
  'option_committed',
  'has_target',
  'target_queue_scaled',
  'has_job',
  'at_home',
  'at_work',
  'shift_starts_soon',
  'shift_ends_soon',
  'shift_start_in',
  'hunger_low',
  'hygiene_low',
  'energy_low',
  'hunger_critical',
  'hygiene_critical',
  'energy_critical',
  'any_critical',
  'meal_affordable',
  'ingredients_affordable',
  'power_on',
  'water_on'
] as const
export type BaseFeature = (typeof BASE_FEATURES)[number]

/** wallet_scaled = wallet / WALLET_SCALE, clamped to ±10 (a day's wages are about 10). */
export const WALLET_SCALE = 100
/** lateness_scaled = lateness count / COUNT_SCALE, clamped to 10. */
export const COUNT_SCALE = 10
/** Landmark distances are divided by this and clamped to LANDMARK_MAX_DIST. */
export const LANDMARK_DIST_SCALE = 16
export const LANDMARK_MAX_DIST = 4
/** target_queue_scaled = queue length / this, clamped to 1. */
export const QUEUE_SCALE = 8

/**
 * Landmarks (when `include_targets`): the nearest object of each type the agent would use (its
 * own home's, else public ones), and its work tile. Each adds dx/d, dy/d and d / 16.
 */
export const LANDMARK_TYPES = ['fridge', 'stove', 'bed', 'shower'] as const
export const LANDMARKS = [...LANDMARK_TYPES, 'work'] as const

export const PERSONALITY_FEATURES = ['personality_extroversion', 'personality_forgiveness', 'personality_ambition'] as const
export const SOCIAL_AGGREGATES = ['social_trust_mean', 'social_trust_max', 'social_rivalry_mean', 'social_rivalry_max'] as const

/** The window (rows = cols) of a variant. */
export function windowOf(config: ShardConfig): number {
  const o = config.observations
  const variant = config.features.systems.observations
  return variant === 'compact' ? o.compact.map_window : variant === 'full' ? o.full.local_window : o.hybrid.local_window
}

/** Map channel names of a variant; compact has one `object:<type>` channel per type, sorted. */
export function mapChannelsOf(config: ShardConfig, objectTypes: readonly string[]): string[] {
  const variant = config.features.systems.observations
  if (variant === 'full') return [...HYBRID_CHANNELS, ...FULL_EXTRA_CHANNELS]
  if (variant === 'hybrid') return [...HYBRID_CHANNELS]
  const types = [...new Set(objectTypes)].sort()
  return [...HYBRID_CHANNELS, ...types.map((t) => `object:${t}`), 'walkable']
}

/** Feature names in order: base, landmarks, personality, social slots, social aggregates. */
export function featureNamesOf(config: ShardConfig): string[] {
  const o = config.observations
  const names: string[] = [...BASE_FEATURES]
  if (o.include_targets) for (const l of LANDMARKS) names.push(`landmark_${l}_dx`, `landmark_${l}_dy`, `landmark_${l}_dist`)
  if (o.personality_channels) names.push(...PERSONALITY_FEATURES)
  const { top_friends, top_rivals, embed_dim, include_aggregates } = o.social
  const slot = (kind: string, k: number) => {
    for (let j = 0; j < embed_dim; j++) names.push(`social_${kind}${k}_embed${j}`)
    names.push(`social_${kind}${k}_trust`, `social_${kind}${k}_familiarity`, `social_${kind}${k}_rivalry`)
  }
  for (let k = 0; k < top_friends; k++) slot('friend', k)
  for (let k = 0; k < top_rivals; k++) slot('rival', k)
  if (include_aggregates) names.push(...SOCIAL_AGGREGATES)
  return names
}

/** The observation spec for `config.features.systems.observations` with `config.observations`' knobs. */
export function observationSpec(config: ShardConfig, objectTypes: readonly string[]): ObservationSpec {
  const window = windowOf(config)
  const mapChannels = mapChannelsOf(config, objectTypes)
  const featureNames = featureNamesOf(config)
  const featureIndex: Record<string, number> = {}
  featureNames.forEach((name, i) => (featureIndex[name] = i))
  return {
    variant: config.features.systems.observations,
    mapShape: [mapChannels.length, window, window],
    mapChannels,
    featureNames,
    featureIndex,
    mapSize: mapChannels.length * window * window,
    featureSize: featureNames.length
  }
}
