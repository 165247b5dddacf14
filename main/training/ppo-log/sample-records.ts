/**
 * PPO log records written from the contract (docs/training-telemetry.md), for tests and the
 * bench: what the original producer writes at each version, with every number a float-like
 * value that varies with the epoch so extremes and drift have something to find.
 */
import { BASE_NUMERIC_KEYS, CONFLICT_KEYS, V1_1_NUMERIC_KEYS, V1_2_SOCIAL_KEYS, type PpoVersion } from './ppo-keys'

export interface SampleOptions {
  version?: PpoVersion
  dataMode?: 'replay' | 'rollout' | 'mixed'
  /** log_stream_offset; defaults to the epoch. */
  offset?: number
  anneal?: boolean
  baseline?: boolean
}

/** One record for `epoch` (1-based). */
export function sampleRecord(epoch: number, options: SampleOptions = {}): Record<string, unknown> {
  const version = options.version ?? '1.2'
  const wave = Math.sin(epoch / 7)
  const r: Record<string, unknown> = {}
  for (const key of BASE_NUMERIC_KEYS) r[key] = 0.5 + 0.25 * wave
  Object.assign(r, {
    epoch, updates: 4, transitions: 256, steps: 256 * epoch, loss_total: 0.2 + 0.05 * wave, kl_divergence: 0.01 + 0.005 * wave,
    grad_norm: 1 + 0.2 * wave, lr: 0.0003, telemetry_version: Number(version)
  })
  for (const key of CONFLICT_KEYS) r[key] = 0.1 * (1 + wave)
  if (version !== '1.0') {
    for (const key of V1_1_NUMERIC_KEYS) r[key] = 1 + wave
    Object.assign(r, {
      data_mode: options.dataMode ?? 'rollout', cycle_id: 3, batch_entropy_mean: 1.2 + 0.1 * wave, reward_advantage_corr: 0.4 + 0.1 * wave,
      rollout_ticks: 500, log_stream_offset: options.offset ?? epoch, epoch_duration_sec: 0.75, queue_conflict_events: 10 + Math.round(3 * wave),
      queue_conflict_intensity_sum: 20 + 5 * wave
    })
  }
  if (version === '1.2') {
    for (const key of V1_2_SOCIAL_KEYS) r[key] = 2 + Math.round(wave)
    r.chat_quality_mean = 0.6 + 0.1 * wave
  }
  if (options.baseline) Object.assign(r, { baseline_sample_count: 64, baseline_reward_mean: 0.25 + 0.01 * wave, baseline_reward_sum: 16, baseline_reward_sum_mean: 4 })
  if (options.anneal) {
    Object.assign(r, {
      anneal_cycle: 2, anneal_stage: 'ppo', anneal_dataset: 'idle_v1', anneal_bc_accuracy: 0.93, anneal_bc_threshold: 0.9, anneal_bc_passed: true,
      anneal_loss_baseline: r.loss_total, anneal_queue_baseline: r.queue_conflict_events ?? 10, anneal_intensity_baseline: r.queue_conflict_intensity_sum ?? 20,
      anneal_loss_flag: false, anneal_queue_flag: false, anneal_intensity_flag: false
    })
  }
  return r
}

/** NDJSON text of epochs `from`…`to`, each line ended by a newline. */
export function sampleLog(from: number, to: number, options: SampleOptions = {}): string {
  let text = ''
  for (let e = from; e <= to; e++) text += `${JSON.stringify(sampleRecord(e, options))}\n`
  return text
}
