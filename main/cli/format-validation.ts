/**
 * A validation report as terminal text: one `file:line:col path: message` line per problem (the
 * form editors and CI annotate), then one summary line for the file.
 */
import type { Problem, ValidationReport } from './validate-affordances'

export function formatProblem(p: Problem, label = ''): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.col ?? 1}` : p.file
  const path = p.path === '' ? (p.line !== undefined ? ' <document>' : '') : ` ${p.path}`
  return `${where}${path}: ${label}${p.message}`
}

export function formatReport(report: ValidationReport, wantedWrite: boolean): string {
  const warningLabel = report.strict ? 'warning (an error under --strict): ' : 'warning: '
  const lines = [...report.errors.map((p) => formatProblem(p)), ...report.warnings.map((p) => formatProblem(p, warningLabel))]
  if (report.manifest.status === 'written') lines.push(`wrote ${report.manifest.path}: ${report.name} sha256 ${report.sha256}`)
  else if (wantedWrite && report.manifest.path !== null) lines.push(`${report.manifest.path} not written: fix the errors above first`)

  const parts: string[] = []
  if (report.affordances !== null && report.object_types !== null) {
    parts.push(plural(report.affordances, 'affordance'), plural(report.object_types, 'object type'))
  }
  const pinned = report.manifest.status === 'match' || report.manifest.status === 'written' ? ` (pinned in ${report.manifest.path})` : ''
  parts.push(`sha256 ${report.sha256}${pinned}`)
  const warnings = report.warnings.length > 0 ? plural(report.warnings.length, 'warning') : ''
  if (report.ok) parts.push('ok', ...(warnings ? [warnings] : []))
  else if (report.errors.length > 0) parts.push(plural(report.errors.length, 'error'), ...(warnings ? [warnings] : []))
  else parts.push(warnings, 'refused under --strict')
  lines.push(`${report.file}: ${parts.join(', ')}`)
  return `${lines.join('\n')}\n`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
