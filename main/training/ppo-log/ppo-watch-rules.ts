/**
 * The watcher's rules (`townlet telemetry watch`, PPO mode): which keys a record must have, and
 * every threshold with the original's defaults and scope. The first rule a record breaks ends
 * the watch; its message is the original's ("Epoch 12: kl_divergence 0.210000 exceeds threshold 0.2").
 *
 * Scope: the loss, KL, grad, entropy and reward-correlation limits apply to every record; the
 * social-count limits only to records whose data_mode is "rollout" (replayed data keeps the
 * counts of the capture, so they say nothing about the policy); the anneal limits only to
 * records with an anneal_stage, and the anneal queue limits only to rollout ones among those.
 */
import { z } from 'zod'
import { describeValue, issueMessages } from './ppo-record-schema'
import { fixed } from './ppo-summary-format'

/** What a watched record must carry, whatever its version. */
export const WATCH_REQUIRED_NUMBERS = [
  'epoch', 'loss_total', 'kl_divergence', 'grad_norm', 'batch_entropy_mean', 'reward_advantage_corr', 'log_stream_offset',
  'queue_conflict_events', 'queue_conflict_intensity_sum', 'shared_meal_events', 'late_help_events', 'shift_takeover_events',
  'chat_success_events', 'chat_failure_events', 'chat_quality_mean'
] as const

const finite = z.number({ error: (i) => (i.input === undefined ? 'missing' : `must be a finite number, got ${describeValue(i.input)}`) })
const orZero = z.number({ error: (i) => `must be a finite number, got ${describeValue(i.input)}` }).default(0)
const maybeNumber = z.number({ error: (i) => `must be a finite number or null, got ${describeValue(i.input)}` }).nullable().optional()
const maybeBoolean = z.boolean({ error: (i) => `must be true or false, got ${describeValue(i.input)}` }).optional()
const maybeText = z.string({ error: (i) => `must be a string, got ${describeValue(i.input)}` }).max(200).optional()

/** The record as the watcher reads it; also what `--json` prints, one line per record. */
export const WATCH_RECORD = z.object({
  ...(Object.fromEntries(WATCH_REQUIRED_NUMBERS.map((k) => [k, finite])) as Record<(typeof WATCH_REQUIRED_NUMBERS)[number], typeof finite>),
  data_mode: z.string({ error: (i) => (i.input === undefined ? 'missing' : `must be a string, got ${describeValue(i.input)}`) }).max(32),
  utility_outage_events: orZero,
  shower_complete_events: orZero,
  sleep_complete_events: orZero,
  anneal_cycle: maybeNumber,
  anneal_stage: maybeText,
  anneal_dataset: maybeText,
  anneal_bc_accuracy: maybeNumber,
  anneal_bc_threshold: maybeNumber,
  anneal_bc_passed: maybeBoolean,
  anneal_loss_baseline: maybeNumber,
  anneal_queue_baseline: maybeNumber,
  anneal_intensity_baseline: maybeNumber,
  anneal_loss_flag: maybeBoolean,
  anneal_queue_flag: maybeBoolean,
  anneal_intensity_flag: maybeBoolean
})
export type WatchRecord = z.infer<typeof WATCH_RECORD>

export function parseWatchRecord(record: Record<string, unknown>): { ok: true; value: WatchRecord; absent: string[] } | { ok: false; problems: string[] } {
  const parsed = WATCH_RECORD.safeParse(record)
  if (!parsed.success) return { ok: false, problems: issueMessages(parsed.error, 'watch') }
  const absent = ['utility_outage_events', 'shower_complete_events', 'sleep_complete_events'].filter((k) => record[k] === undefined)
  return { ok: true, value: parsed.data, absent }
}

type NumberKey = Exclude<{ [K in keyof WatchRecord]: WatchRecord[K] extends number ? K : never }[keyof WatchRecord], undefined>

/** A plain limit: one flag, one field, a direction, and whether it applies to roll-out records only. */
export interface LimitRule {
  flag: string
  key: NumberKey
  /** max: fails when the value is above the limit; min: when it is below. */
  kind: 'max' | 'min'
  rolloutOnly: boolean
  /** Decimals in the message, as the original prints them. */
  digits: number
}

export const LIMIT_RULES: readonly LimitRule[] = [
  { flag: 'kl-threshold', key: 'kl_divergence', kind: 'max', rolloutOnly: false, digits: 6 },
  { flag: 'loss-threshold', key: 'loss_total', kind: 'max', rolloutOnly: false, digits: 6 },
  { flag: 'grad-threshold', key: 'grad_norm', kind: 'max', rolloutOnly: false, digits: 6 },
  { flag: 'entropy-threshold', key: 'batch_entropy_mean', kind: 'min', rolloutOnly: false, digits: 6 },
  { flag: 'reward-corr-threshold', key: 'reward_advantage_corr', kind: 'min', rolloutOnly: false, digits: 6 },
  { flag: 'queue-events-min', key: 'queue_conflict_events', kind: 'min', rolloutOnly: true, digits: 1 },
  { flag: 'queue-intensity-min', key: 'queue_conflict_intensity_sum', kind: 'min', rolloutOnly: true, digits: 2 },
  { flag: 'shared-meal-min', key: 'shared_meal_events', kind: 'min', rolloutOnly: true, digits: 1 },
  { flag: 'late-help-min', key: 'late_help_events', kind: 'min', rolloutOnly: true, digits: 1 },
  { flag: 'shift-takeover-max', key: 'shift_takeover_events', kind: 'max', rolloutOnly: true, digits: 1 },
  { flag: 'chat-quality-min', key: 'chat_quality_mean', kind: 'min', rolloutOnly: true, digits: 3 },
  { flag: 'utility-outage-max', key: 'utility_outage_events', kind: 'max', rolloutOnly: true, digits: 1 },
  { flag: 'shower-complete-min', key: 'shower_complete_events', kind: 'min', rolloutOnly: true, digits: 1 },
  { flag: 'sleep-complete-min', key: 'sleep_complete_events', kind: 'min', rolloutOnly: true, digits: 1 }
]

/** The anneal limits; the first two have defaults, the queue ones default to 85% of the record's baseline. */
export const ANNEAL_FLAGS = ['anneal-bc-min', 'anneal-loss-max', 'anneal-queue-min', 'anneal-intensity-min'] as const
export const ANNEAL_DEFAULTS = { 'anneal-bc-min': 0.9, 'anneal-loss-max': 0.1 } as const
/** The share of the queue baseline a roll-out may fall to before an anneal stage is flagged (the producer's 15% tolerance). */
export const ANNEAL_QUEUE_SHARE = 0.85

/** Limits by flag name; a flag not given is absent (the anneal defaults are filled in by `watchThresholds`). */
export type WatchThresholds = Partial<Record<string, number>>

export function watchThresholds(given: WatchThresholds): WatchThresholds {
  return { ...ANNEAL_DEFAULTS, ...given }
}

/** The message of the first limit the record breaks, or null when it breaks none. */
export function firstBreach(r: WatchRecord, t: WatchThresholds, absent: readonly string[] = []): string | null {
  const epoch = Math.trunc(r.epoch)
  const rollout = r.data_mode === 'rollout'
  for (const rule of LIMIT_RULES) {
    const limit = t[rule.flag]
    if (limit === undefined || (rule.rolloutOnly && !rollout)) continue
    const v = r[rule.key]
    const broken = rule.kind === 'max' ? v > limit : v < limit
    const note = absent.includes(rule.key) ? ' (absent from the record, read as 0)' : ''
    if (broken) return `Epoch ${epoch}: ${rule.key} ${fixed(v, rule.digits)}${note} ${rule.kind === 'max' ? 'exceeds' : 'below'} threshold ${limit}`
  }
  if (!r.anneal_stage) return null
  const bcMin = t['anneal-bc-min']
  if (bcMin !== undefined && r.anneal_bc_accuracy != null && r.anneal_bc_accuracy < bcMin) {
    return `Epoch ${epoch}: anneal_bc_accuracy ${fixed(r.anneal_bc_accuracy, 3)} below threshold ${bcMin}`
  }
  const lossMax = t['anneal-loss-max']
  const lossBase = r.anneal_loss_baseline
  if (lossMax !== undefined && lossBase != null && lossBase !== 0 && Math.abs(r.loss_total - lossBase) / Math.abs(lossBase) > lossMax) {
    return `Epoch ${epoch}: loss_total ${fixed(r.loss_total, 6)} drifts beyond ±${fixed(lossMax * 100, 1)}% of baseline ${fixed(lossBase, 6)}`
  }
  if (!rollout) return null
  const queueMin = t['anneal-queue-min'] ?? share(r.anneal_queue_baseline)
  if (queueMin !== undefined && r.queue_conflict_events < queueMin) {
    return `Epoch ${epoch}: anneal queue_conflict_events ${fixed(r.queue_conflict_events, 1)} below threshold ${round(queueMin)}`
  }
  const intensityMin = t['anneal-intensity-min'] ?? share(r.anneal_intensity_baseline)
  if (intensityMin !== undefined && r.queue_conflict_intensity_sum < intensityMin) {
    return `Epoch ${epoch}: anneal queue_conflict_intensity_sum ${fixed(r.queue_conflict_intensity_sum, 2)} below threshold ${round(intensityMin)}`
  }
  return null
}

/** 85% of a baseline above zero; no default limit for a missing, zero or negative baseline. */
function share(baseline: number | null | undefined): number | undefined {
  return baseline != null && baseline > 0 ? ANNEAL_QUEUE_SHARE * baseline : undefined
}

/** A computed limit without float noise (0.85 × 5 is 4.25, not 4.249999999999999). */
function round(v: number): number {
  return Number(v.toPrecision(12))
}

/** The one line the watcher prints for a record that breaks nothing (text mode). */
export function watchLine(r: WatchRecord): string {
  return (
    `Epoch ${Math.trunc(r.epoch)} (${r.data_mode.replace(/[^\w.-]/g, '?')}): loss_total=${fixed(r.loss_total, 6)}, kl_divergence=${fixed(r.kl_divergence, 6)}, ` +
    `grad_norm=${fixed(r.grad_norm, 6)}, entropy_mean=${fixed(r.batch_entropy_mean, 6)}, reward_adv_corr=${fixed(r.reward_advantage_corr, 6)}, ` +
    `queue_events=${fixed(r.queue_conflict_events, 1)}, queue_intensity_sum=${fixed(r.queue_conflict_intensity_sum, 2)}, ` +
    `shared_meals=${fixed(r.shared_meal_events, 1)}, late_help=${fixed(r.late_help_events, 1)}, shift_takeovers=${fixed(r.shift_takeover_events, 1)}, ` +
    `chat_success=${fixed(r.chat_success_events, 1)}, chat_failure=${fixed(r.chat_failure_events, 1)}, chat_quality_mean=${fixed(r.chat_quality_mean, 3)}, ` +
    `utility_outages=${fixed(r.utility_outage_events, 1)}, shower_complete=${fixed(r.shower_complete_events, 1)}, sleep_complete=${fixed(r.sleep_complete_events, 1)}, ` +
    `offset=${fixed(r.log_stream_offset, 0)}`
  )
}
