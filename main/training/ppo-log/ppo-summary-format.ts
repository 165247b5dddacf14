/**
 * The summary as text or markdown, laid out as the original's `telemetry_summary.py` lays it out:
 * a heading, bullets (epochs, data mode and cycle, latest metrics, epoch duration and roll-out
 * ticks, queue conflicts, then anneal status and drift flags when there are any), the Min/Max
 * table and the baseline drift table. Absent values print as "n/a" (the original printed None).
 */
import { printableKey } from './json-line'
import { type AnnealStatus, type PpoSummary } from './ppo-summary'

/** Python's "{:.Nf}". */
export function fixed(v: number, digits: number): string {
  return v.toFixed(digits)
}

/** Python's "{:+.Nf}": a sign on positive numbers too. */
export function signed(v: number, digits: number): string {
  const text = v.toFixed(digits)
  return text.startsWith('-') ? text : `+${text}`
}

function optional(v: number | null, digits = 3): string {
  return v === null ? 'n/a' : fixed(v, digits)
}

function word(v: string | boolean | number | null): string {
  return v === null ? 'n/a' : typeof v === 'string' ? printableKey(v) : String(v)
}

const EXTREME_DIGITS: Record<string, number> = { queue_conflict_events: 1, shared_meal_events: 1, chat_quality_mean: 3, utility_outage_events: 1, shower_complete_events: 1, sleep_complete_events: 1 }

function percentText(p: number | null): string {
  return p === null ? 'n/a' : `${signed(p, 2)}%`
}

export function renderText(s: PpoSummary): string {
  const l = s.latest
  const lines = [
    `Epochs analysed: ${s.epochs} (mode=${word(s.data_mode)}, cycle_id=${word(s.cycle_id)}, records=${s.records})`,
    `Latest metrics: loss_total=${fixed(l.loss_total, 6)}, kl_divergence=${fixed(l.kl_divergence, 6)}, grad_norm=${fixed(l.grad_norm, 6)}`,
    `              entropy_mean=${fixed(l.batch_entropy_mean, 6)}, reward_adv_corr=${fixed(l.reward_advantage_corr, 6)}, epoch_duration=${fixed(l.epoch_duration_sec, 4)}s`
  ]
  if (l.rollout_ticks !== 0) lines.push(`              rollout_ticks=${fixed(l.rollout_ticks, 0)}`)
  lines.push(`Queue conflicts: events=${fixed(l.queue_conflict_events, 1)}, intensity_sum=${fixed(l.queue_conflict_intensity_sum, 2)}`)
  lines.push(
    `Social interactions: shared_meals=${fixed(l.shared_meal_events, 1)}, late_help=${fixed(l.late_help_events, 1)}, shift_takeovers=${fixed(l.shift_takeover_events, 1)}, ` +
      `chat_success=${fixed(l.chat_success_events, 1)}, chat_failure=${fixed(l.chat_failure_events, 1)}, chat_quality_mean=${fixed(l.chat_quality_mean, 3)}`
  )
  lines.push(`Other events: utility_outages=${fixed(l.utility_outage_events, 1)}, shower_complete=${fixed(l.shower_complete_events, 1)}, sleep_complete=${fixed(l.sleep_complete_events, 1)}`)
  const e = s.extremes
  lines.push(
    `Extremes: loss_total[min=${fixed(e.loss_total.min, 6)}, max=${fixed(e.loss_total.max, 6)}], ` +
      `kl_divergence[min=${fixed(e.kl_divergence.min, 6)}, max=${fixed(e.kl_divergence.max, 6)}], grad_norm[min=${fixed(e.grad_norm.min, 6)}, max=${fixed(e.grad_norm.max, 6)}]`
  )
  if (s.anneal) {
    const a = s.anneal
    lines.push(`Anneal status: ${annealLine(a, (x) => x)}`)
    lines.push(`Anneal drift flags: loss=${word(a.loss_flag)}, queue=${word(a.queue_flag)}, intensity=${word(a.intensity_flag)}`)
  }
  const drift = Object.entries(s.baseline_drift ?? {})
  if (drift.length > 0) {
    lines.push('Baseline drift:')
    for (const [key, d] of drift) lines.push(`  ${printableKey(key)}: delta=${signed(d.delta, 6)} (${percentText(d.percent)})`)
  }
  return `${lines.join('\n')}\n`
}

function annealLine(a: AnnealStatus, code: (text: string) => string): string {
  return (
    `stage ${code(word(a.stage))}, cycle ${code(optional(a.cycle, 1))}, dataset ${code(word(a.dataset))}, ` +
    `bc_accuracy ${code(optional(a.bc_accuracy))} (threshold ${code(optional(a.bc_threshold))}), passed ${code(word(a.bc_passed))}`
  )
}

export function renderMarkdown(s: PpoSummary): string {
  const l = s.latest
  const code = (text: string) => `\`${text.replace(/`/g, "'")}\``
  const lines = [
    '### PPO Telemetry Summary',
    '',
    `- Epochs analysed: **${s.epochs}** (${s.records} record${s.records === 1 ? '' : 's'})`,
    `- Data mode: **${word(s.data_mode)}** (cycle ${code(word(s.cycle_id))})`,
    `- Latest metrics: ${code(`loss_total=${fixed(l.loss_total, 6)}`)}, ${code(`kl_divergence=${fixed(l.kl_divergence, 6)}`)}, ${code(`grad_norm=${fixed(l.grad_norm, 6)}`)}, ` +
      `${code(`entropy_mean=${fixed(l.batch_entropy_mean, 6)}`)}, ${code(`reward_adv_corr=${fixed(l.reward_advantage_corr, 6)}`)}`,
    `- Epoch duration: ${code(`${fixed(l.epoch_duration_sec, 4)}s`)}, roll-out ticks: ${code(fixed(l.rollout_ticks, 0))}`,
    `- Queue conflicts: ${code(fixed(l.queue_conflict_events, 1))} events (intensity sum ${code(fixed(l.queue_conflict_intensity_sum, 2))})`
  ]
  if (s.anneal) {
    const a = s.anneal
    lines.push(`- Anneal status: ${annealLine(a, code)}`)
    lines.push(`- Anneal drift flags: loss ${code(word(a.loss_flag))}, queue ${code(word(a.queue_flag))}, intensity ${code(word(a.intensity_flag))}`)
  }
  lines.push('', '| Metric | Min | Max |', '| --- | --- | --- |')
  for (const [key, { min, max }] of Object.entries(s.extremes)) {
    const digits = EXTREME_DIGITS[key] ?? 6
    lines.push(`| ${key} | ${fixed(min, digits)} | ${fixed(max, digits)} |`)
  }
  const drift = Object.entries(s.baseline_drift ?? {})
  if (drift.length > 0) {
    lines.push('', '#### Baseline Drift', '', '| Key | Delta | Percent |', '| --- | --- | --- |')
    for (const [key, d] of drift) lines.push(`| ${printableKey(key).replace(/\|/g, '\\|')} | ${signed(d.delta, 6)} | ${percentText(d.percent)} |`)
  }
  return `${lines.join('\n')}\n`
}
