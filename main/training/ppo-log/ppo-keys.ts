/**
 * The PPO training log's field names, grouped the way the NDJSON contract groups them
 * (docs/training-telemetry.md). One list per rule so the validator, the watcher and the summary
 * read the same vocabulary instead of spelling keys three times.
 */

/** Telemetry versions this reader knows. 1.2 is what the original producer writes today. */
export const PPO_VERSIONS = ['1.0', '1.1', '1.2'] as const
export type PpoVersion = (typeof PPO_VERSIONS)[number]

/** Finite numbers every record carries, at every version (the core and the health counters). */
export const BASE_NUMERIC_KEYS = [
  'epoch', 'updates', 'transitions', 'loss_policy', 'loss_value', 'loss_entropy', 'loss_total',
  'clip_fraction', 'clip_fraction_max', 'clip_triggered_minibatches', 'adv_mean', 'adv_std',
  'adv_zero_std_batches', 'adv_min_std', 'grad_norm', 'kl_divergence', 'telemetry_version', 'lr', 'steps'
] as const

/** The rivalry statistics, averaged over the epoch's batches; required at every version. */
export const CONFLICT_KEYS = [
  'conflict.rivalry_max_mean_avg', 'conflict.rivalry_max_max_avg',
  'conflict.rivalry_avoid_count_mean_avg', 'conflict.rivalry_avoid_count_max_avg'
] as const

/** Numbers added at 1.1 (and so refused in a 1.0 record). */
export const V1_1_NUMERIC_KEYS = [
  'epoch_duration_sec', 'cycle_id', 'batch_entropy_mean', 'batch_entropy_std', 'grad_norm_max',
  'kl_divergence_max', 'reward_advantage_corr', 'rollout_ticks', 'log_stream_offset',
  'queue_conflict_events', 'queue_conflict_intensity_sum'
] as const

/** The dataset's social counts the 1.2 producer always writes (the watcher needs them). */
export const V1_2_SOCIAL_KEYS = [
  'shared_meal_events', 'late_help_events', 'shift_takeover_events',
  'chat_success_events', 'chat_failure_events', 'chat_quality_mean'
] as const

/** Counts some producers add; the watcher reads a missing one as 0. */
export const OPTIONAL_EVENT_KEYS = ['utility_outage_events', 'shower_complete_events', 'sleep_complete_events'] as const

export const DATA_MODES = ['replay', 'rollout', 'mixed'] as const
export type DataMode = (typeof DATA_MODES)[number]

/** The dataset's baseline aggregates: checked only when all four are present, as a group. */
export const BASELINE_KEYS = ['baseline_sample_count', 'baseline_reward_mean', 'baseline_reward_sum', 'baseline_reward_sum_mean'] as const
export const BASELINE_OPTIONAL_KEY = 'baseline_log_prob_mean'
/** Keys a `--baseline` file of `telemetry validate` is compared on. */
export const BASELINE_DRIFT_KEYS = [...BASELINE_KEYS, BASELINE_OPTIONAL_KEY] as const

/** Anneal context fields, present inside anneal PPO stages; any of the numbers may be null. */
export const ANNEAL_NUMERIC_KEYS = ['anneal_cycle', 'anneal_bc_accuracy', 'anneal_bc_threshold', 'anneal_loss_baseline', 'anneal_queue_baseline', 'anneal_intensity_baseline'] as const
export const ANNEAL_BOOLEAN_KEYS = ['anneal_bc_passed', 'anneal_loss_flag', 'anneal_queue_flag', 'anneal_intensity_flag'] as const
export const ANNEAL_TEXT_KEYS = ['anneal_stage', 'anneal_dataset'] as const

/** What a 1.0 record must not carry, even partly: the fields 1.1 added (its numbers and data_mode). */
export const V1_1_ONLY_KEYS: readonly string[] = [...V1_1_NUMERIC_KEYS, 'data_mode']
