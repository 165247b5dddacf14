/** Terminal text for `townlet snapshot`: an inspection, a verdict, a diff, a listing line. */
import type { SnapshotDiffDto, SnapshotEntry, SnapshotInspection, SnapshotProblem, SnapshotVerdict } from '../../shared/contract/dto/snapshots'
import { printable } from '../config/bounded-text'

const show = (v: unknown) => (v === null || v === undefined ? '—' : printable(String(v), 80))

export function formatInspection(file: string, i: SnapshotInspection & { warnings: SnapshotProblem[] }): string {
  const id = i.identity!
  const lines = [
    `${file}: snapshot of tick ${i.entry.tick}, schema ${show(i.entry.schema_version)}${i.entry.gzip ? ', gzipped' : ''}, ${formatBytes(i.entry.bytes)}`,
    `  config_id            ${show(id.config_id)}`,
    `  policy               ${id.backend}${id.provider ? ` (${show(id.provider)})` : ''}, hash ${show(id.policy_hash)}`,
    `  observation variant  ${show(id.observation_variant)}`,
    `  anneal ratio         ${show(id.anneal_ratio)}`,
    `  rng                  world ${id.rng.world}  events ${id.rng.events}  policy ${id.rng.policy}`,
    `  checksum             ${i.checksum}`,
    `  holds                ${Object.entries(i.counts).map(([k, n]) => `${n} ${k.replace(/_/g, ' ')}`).join(', ')}`,
    `  migrations           ${i.migrations.length === 0 ? 'none' : ''}`,
    ...i.migrations.map((m, n) => `    ${n + 1}. ${m.id} (${m.from} → ${m.to})`),
    ...i.warnings.map((w) => `  warning: ${w.message}`)
  ]
  return `${lines.join('\n')}\n`
}

export function formatVerdict(file: string, v: SnapshotVerdict & { config_id: string; strict: boolean }): string {
  const head = { ok: 'loads', warn: 'loads, with warnings', refused: 'does not load' }[v.verdict]
  const lines = [`${file} against ${v.config_id}: ${v.verdict} (${head})`, ...v.reasons.map((r) => `  ${r.code}: ${r.message}`)]
  if (v.required_migrations.length > 0) lines.push(`  migrations needed: ${v.required_migrations.join(' → ')}`)
  return `${lines.join('\n')}\n`
}

export function formatDiff(d: SnapshotDiffDto): string {
  const lines = [`diff ${d.a} → ${d.b}`]
  for (const s of d.sections) {
    if (s.added + s.changed + s.dropped === 0) {
      lines.push(`  ${s.section}: no change`)
      continue
    }
    lines.push(`  ${s.section}: ${s.added} added, ${s.changed} changed, ${s.dropped} dropped`)
    for (const e of s.examples) {
      const what = e.kind === 'changed' ? `${e.before} → ${e.after}` : e.kind === 'added' ? `${e.after}` : `was ${e.before}`
      lines.push(`    ${e.kind === 'added' ? '+' : e.kind === 'dropped' ? '-' : '~'} ${e.path}: ${what}`)
    }
  }
  return `${lines.join('\n')}\n`
}

export function formatEntry(e: SnapshotEntry, now: number): string {
  const state = e.integrity.ok ? 'ok' : e.integrity.problem.code
  const kind = e.kind === 'snapshot' ? '' : ` [${e.kind}]`
  return `  ${e.name}${kind}  tick ${show(e.tick)}  ${show(e.config_id)}  schema ${show(e.schema_version)}  policy ${show(e.policy_hash)}  ${formatBytes(e.bytes)}  ${formatAge(now - e.modified_ms)}  ${state}\n`
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`
}

function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 120) return `${s}s ago`
  if (s < 7200) return `${Math.round(s / 60)}m ago`
  if (s < 172_800) return `${Math.round(s / 3600)}h ago`
  return `${Math.round(s / 86_400)}d ago`
}
