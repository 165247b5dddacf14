/**
 * `townlet telemetry validate`, without the printing: every record of a log and its rotations
 * checked against its own version's schema, problems kept with file and line (the first
 * `maxProblems`; all are counted), records counted per file. Unlike the original, which stops at
 * the first bad record, every record is checked, so one run lists what to fix.
 */
import { BASELINE_DRIFT_KEYS } from './ppo-keys'
import { type PpoLogLimits } from './ppo-log-limits'
import { readPpoLog } from './ppo-log-reader'
import { recordProblems } from './ppo-record-schema'
import { type LogFiles } from './rotated-files'
import { type DriftTable } from './ppo-baseline'

export interface LogProblem {
  level: 'error' | 'warning'
  file: string
  line: number | null
  message: string
}

export interface ValidateReport {
  files: { file: string; records: number; errors: number }[]
  problems: LogProblem[]
  errors: number
  warnings: number
  /** Records per telemetry version. */
  versions: Record<string, number>
  /** The validator's baseline keys some record carries (the drift table's columns). */
  baselineKeys: string[]
}

export async function validateLog(files: LogFiles, log: string, limits: PpoLogLimits): Promise<ValidateReport> {
  const report: ValidateReport = { files: [], problems: [], errors: 0, warnings: 0, versions: {}, baselineKeys: [] }
  const seen = new Set<string>()
  let current: ValidateReport['files'][number] | null = null
  let lastVersion: { version: string; file: string; line: number } | null = null
  const add = (p: LogProblem) => {
    if (p.level === 'error') {
      report.errors += 1
      if (current && p.file === current.file) current.errors += 1
    } else report.warnings += 1
    if (report.problems.length < limits.maxProblems) report.problems.push(p)
  }
  for await (const batch of readPpoLog(files, log, limits, { cutShort: 'error' })) {
    for (const event of batch) {
      if (event.kind === 'file') {
        if (event.phase === 'start') {
          current = { file: event.file, records: 0, errors: 0 }
          report.files.push(current)
        } else if (current && current.records === 0 && current.errors === 0) {
          add({ level: 'error', file: event.file, line: null, message: 'no telemetry records found (an empty log)' })
        }
      } else if (event.kind === 'problem') {
        add(event)
      } else if (event.kind === 'record') {
        if (current) current.records += 1
        const { version, problems } = recordProblems(event.record)
        for (const message of problems) add({ level: 'error', file: event.file, line: event.line, message })
        if (version === null) continue
        report.versions[version] = (report.versions[version] ?? 0) + 1
        if (lastVersion && lastVersion.version !== version) {
          add({ level: 'warning', file: event.file, line: event.line, message: `telemetry_version changes from ${lastVersion.version} (${lastVersion.file}:${lastVersion.line}) to ${version}: each record is checked against its own version` })
        }
        lastVersion = { version, file: event.file, line: event.line }
        for (const key of BASELINE_DRIFT_KEYS) if (key in event.record) seen.add(key)
      }
    }
  }
  report.baselineKeys = BASELINE_DRIFT_KEYS.filter((k) => seen.has(k))
  return report
}

/** The drift table's rows, a second pass over a log that validated (printing as it goes). */
export async function writeDriftRows(files: LogFiles, log: string, limits: PpoLogLimits, table: DriftTable, write: (text: string) => void): Promise<void> {
  for await (const batch of readPpoLog(files, log, limits, { cutShort: 'error' })) {
    let text = ''
    for (const event of batch) if (event.kind === 'record') text += table.row(event.record)
    if (text !== '') write(text)
  }
}
