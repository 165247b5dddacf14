/**
 * The legacy import report as text lines, for `townlet snapshot migrate --dry-run` and the
 * console: one line per field, grouped into mapped / defaulted / dropped, then the RNG streams
 * and the warnings. The lines are plain text without colour; the caller prints or joins them.
 */
import type { LegacyImportReport } from './import-report'

const fmt = (n: number) => n.toLocaleString('en-US')

export function renderLegacyReport(report: LegacyImportReport): string[] {
  const { source, target } = report
  const lines = [
    `legacy ${source.form === 'envelope' ? `schema ${source.schema_version ?? '?'} envelope` : 'bare 1.x state'}: config_id ${source.config_id}, tick ${fmt(source.tick)}, ${fmt(source.agents)} agents, ${fmt(source.objects)} objects`,
    `onto ${target.config_id} (seed ${target.seed}): tick ${fmt(target.tick)}, ${fmt(target.agents)} agents`
  ]
  lines.push('', `mapped (${report.mapped.length} fields):`)
  for (const m of report.mapped) lines.push(`  ${m.field} ×${fmt(m.count)}${m.note ? ` — ${m.note}` : ''}`)
  if (report.mapped.length === 0) lines.push('  (nothing)')
  lines.push('', `defaulted (${report.defaulted.length} fields):`)
  for (const d of report.defaulted) lines.push(`  ${d.field} ×${fmt(d.count)} — ${d.reason}`)
  if (report.defaulted.length === 0) lines.push('  (nothing)')
  lines.push('', `dropped (${report.dropped.length} fields):`)
  for (const d of report.dropped) lines.push(`  ${d.field} ×${fmt(d.count)} — ${d.reason}${d.examples.length > 0 ? ` (e.g. ${d.examples.join(', ')})` : ''}`)
  if (report.dropped.length === 0) lines.push('  (nothing)')
  lines.push('', `random streams: reseeded from the target seed ${report.rng.reseeded_from}`)
  for (const s of report.rng.streams) lines.push(`  ${s.name}: ${ENCODING_TEXT[s.encoding]}`)
  if (report.rng.streams.length === 0) lines.push('  (the document held no RNG state)')
  if (report.warnings.length > 0) {
    lines.push('', 'warnings:')
    for (const w of report.warnings) lines.push(`  ${w}`)
  }
  return lines
}

const ENCODING_TEXT = {
  mt19937_json: 'Python MT19937 state (JSON): readable, but our streams are xoroshiro128+, so it does not carry over',
  pickle_base64: 'Python pickle (base64): cannot be read at all, never unpickled',
  seed: 'context seed: the original world context RNG, which has no counterpart here',
  unreadable: 'not a recognised RNG encoding'
} as const
