/**
 * The summary of a PPO log (`townlet telemetry summary`), built one record at a time so a log of
 * any length costs the same memory: running minima and maxima, the newest record, the newest
 * anneal record. `--last N` keeps a ring of N compact rows (the numbers the extremes need) instead.
 * The JSON shape is the original's: epochs, data_mode, cycle_id, log_stream_offset, latest,
 * extremes, and anneal and baseline_drift when there are any; plus `records`, how many were read.
 */
import { describeValue } from './ppo-record-schema'

/** Fields the summary reports from the newest record (a missing one reads as 0, as in the original). */
export const LATEST_KEYS = [
  'loss_total', 'kl_divergence', 'grad_norm', 'batch_entropy_mean', 'reward_advantage_corr', 'epoch_duration_sec',
  'rollout_ticks', 'queue_conflict_events', 'queue_conflict_intensity_sum', 'shared_meal_events', 'late_help_events',
  'shift_takeover_events', 'chat_success_events', 'chat_failure_events', 'chat_quality_mean', 'utility_outage_events',
  'shower_complete_events', 'sleep_complete_events'
] as const

/** Fields whose minimum and maximum over the records read are reported. */
export const EXTREME_KEYS = [
  'loss_total', 'kl_divergence', 'grad_norm', 'queue_conflict_events', 'shared_meal_events', 'chat_quality_mean',
  'utility_outage_events', 'shower_complete_events', 'sleep_complete_events'
] as const

const CHECKED_KEYS: readonly string[] = [...new Set<string>([...LATEST_KEYS, 'epoch', 'cycle_id', 'log_stream_offset'])]

export interface AnnealStatus {
  stage: string | null
  cycle: number | null
  dataset: string | null
  bc_accuracy: number | null
  bc_threshold: number | null
  bc_passed: boolean | null
  loss_baseline: number | null
  queue_baseline: number | null
  intensity_baseline: number | null
  loss_flag: boolean | null
  queue_flag: boolean | null
  intensity_flag: boolean | null
}

export interface PpoSummary {
  /** The newest record's epoch (not a count: the original's name). */
  epochs: number
  records: number
  data_mode: string
  cycle_id: number | null
  log_stream_offset: number | null
  latest: Record<(typeof LATEST_KEYS)[number], number>
  extremes: Record<(typeof EXTREME_KEYS)[number], { min: number; max: number }>
  anneal?: AnnealStatus
  baseline_drift?: Record<string, { delta: number; percent: number | null }>
}

export class SummaryBuilder {
  private count = 0
  private newest: Record<string, unknown> | null = null
  private newestAnneal: { at: number; record: Record<string, unknown> } | null = null
  private readonly min = new Float64Array(EXTREME_KEYS.length).fill(Infinity)
  private readonly max = new Float64Array(EXTREME_KEYS.length).fill(-Infinity)
  /** With --last N: the extreme fields of the newest N records, oldest overwritten first. */
  private readonly ring: Float64Array | null

  constructor(private readonly last: number | null = null) {
    this.ring = last === null ? null : new Float64Array(last * EXTREME_KEYS.length)
  }

  /** Adds a record, or says which field is of the wrong type (the record is then left out). */
  add(record: Record<string, unknown>): string | null {
    for (const key of CHECKED_KEYS) {
      const v = record[key]
      if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isFinite(v))) return `${key}: must be a finite number, got ${describeValue(v)}`
    }
    if (record.data_mode !== undefined && typeof record.data_mode !== 'string') return `data_mode: must be a string, got ${describeValue(record.data_mode)}`
    const slot = this.ring && this.last !== null ? (this.count % this.last) * EXTREME_KEYS.length : -1
    EXTREME_KEYS.forEach((key, i) => {
      const v = numberOr0(record[key])
      if (slot >= 0) this.ring![slot + i] = v
      else {
        if (v < this.min[i]!) this.min[i] = v
        if (v > this.max[i]!) this.max[i] = v
      }
    })
    if (typeof record.anneal_stage === 'string' && record.anneal_stage !== '') this.newestAnneal = { at: this.count, record }
    this.newest = record
    this.count += 1
    return null
  }

  get records(): number {
    return this.count
  }

  /** The summary, or null when no record was read. `baseline`: numeric fields to compare the newest record with. */
  finish(baseline: Record<string, number> | null): PpoSummary | null {
    const recent = this.newest
    if (recent === null) return null
    const window = this.last === null ? this.count : Math.min(this.last, this.count)
    const extremes = {} as PpoSummary['extremes']
    EXTREME_KEYS.forEach((key, i) => {
      if (!this.ring) return void (extremes[key] = { min: this.min[i]!, max: this.max[i]! })
      let lo = Infinity
      let hi = -Infinity
      for (let r = 0; r < window; r++) {
        const v = this.ring[r * EXTREME_KEYS.length + i]!
        if (v < lo) lo = v
        if (v > hi) hi = v
      }
      extremes[key] = { min: lo, max: hi }
    })
    const latest = Object.fromEntries(LATEST_KEYS.map((k) => [k, numberOr0(recent[k])])) as PpoSummary['latest']
    const summary: PpoSummary = {
      epochs: typeof recent.epoch === 'number' ? Math.trunc(recent.epoch) : this.count,
      records: window,
      data_mode: typeof recent.data_mode === 'string' ? recent.data_mode : 'unknown',
      cycle_id: numberOrNull(recent.cycle_id),
      log_stream_offset: numberOrNull(recent.log_stream_offset),
      latest,
      extremes
    }
    const anneal = this.newestAnneal
    if (anneal && anneal.at >= this.count - window) summary.anneal = annealStatus(anneal.record)
    if (baseline) summary.baseline_drift = drift(recent, baseline)
    return summary
  }
}

function annealStatus(r: Record<string, unknown>): AnnealStatus {
  const text = (v: unknown) => (typeof v === 'string' ? v : null)
  const flag = (v: unknown) => (typeof v === 'boolean' ? v : null)
  return {
    stage: text(r.anneal_stage), cycle: numberOrNull(r.anneal_cycle), dataset: text(r.anneal_dataset),
    bc_accuracy: numberOrNull(r.anneal_bc_accuracy), bc_threshold: numberOrNull(r.anneal_bc_threshold), bc_passed: flag(r.anneal_bc_passed),
    loss_baseline: numberOrNull(r.anneal_loss_baseline), queue_baseline: numberOrNull(r.anneal_queue_baseline),
    intensity_baseline: numberOrNull(r.anneal_intensity_baseline), loss_flag: flag(r.anneal_loss_flag),
    queue_flag: flag(r.anneal_queue_flag), intensity_flag: flag(r.anneal_intensity_flag)
  }
}

/** Newest record minus baseline, for every baseline key the record has as a number. */
export function drift(recent: Record<string, unknown>, baseline: Record<string, number>): Record<string, { delta: number; percent: number | null }> {
  // No prototype: a baseline key named __proto__ stays a plain key.
  const out = Object.create(null) as Record<string, { delta: number; percent: number | null }>
  for (const [key, base] of Object.entries(baseline)) {
    const v = recent[key]
    if (typeof v !== 'number' || !Number.isFinite(v)) continue
    const delta = v - base
    out[key] = { delta, percent: base === 0 ? null : (delta / base) * 100 }
  }
  return out
}

function numberOr0(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0
}

function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}
