/**
 * `townlet telemetry validate LOG… [--baseline F] [--drift-threshold X] [--relative]`: each log
 * (with its rotations LOG.1, LOG.2 …) checked record by record against the PPO telemetry
 * contract (docs/training-telemetry.md). Prints "LOG: N record(s) validated." per file; with a
 * baseline, the drift table. Exit 0 when every record is valid and no drift passes the
 * threshold; 1 otherwise (each problem printed with its file and line); 2 bad usage or a log that
 * cannot be used (missing, outside the workspace).
 */
import { DriftTable, parseValidateBaseline } from '../training/ppo-log/ppo-baseline'
import { validateLog, writeDriftRows } from '../training/ppo-log/ppo-validate'
import { EXIT, UsageError, type CliIo } from './cli-io'
import { cliFiles } from './cli-workspace'
import { LIMIT_OPTIONS, limitsFrom, numberOption, parsePpoArgs, printablePath, problemLine, readBaseline } from './ppo-cli-options'
import { usableLog } from './ppo-log-path'

export async function ppoValidateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parsePpoArgs(argv, {
    baseline: { type: 'string' },
    'drift-threshold': { type: 'string' },
    relative: { type: 'boolean', default: false },
    ...LIMIT_OPTIONS
  })
  if (positionals.length === 0 || positionals.some((p) => p === '')) throw new UsageError('telemetry validate takes one or more LOG files (PPO training logs, NDJSON)\nSee: townlet help telemetry')
  const limits = limitsFrom(values)
  const threshold = numberOption('drift-threshold', values['drift-threshold'], { min: 0 }) ?? null
  if (threshold !== null && values.baseline === undefined) throw new UsageError('--drift-threshold compares with a baseline: give --baseline F too')
  const files = await cliFiles(io, values.workspace)
  const baseline = await readBaseline(files, values.baseline, parseValidateBaseline)
  // A LOG already read as another LOG's rotation (`validate log log.1`, as a shell glob gives) is read once.
  const done = new Set<string>()
  let failed = false
  for (const log of positionals) {
    const usable = await usableLog(files, log)
    if (!usable.ok) {
      io.stderr.write(`townlet telemetry validate: ${usable.message}\n`)
      return EXIT.usage
    }
    if (done.has(usable.path)) continue
    const report = await validateLog(files, log, limits)
    for (const f of report.files) {
      const real = await usableLog(files, f.file)
      if (real.ok) done.add(real.path)
      io.stdout.write(f.errors === 0 ? `${printablePath(f.file)}: ${f.records} record(s) validated.\n` : `${printablePath(f.file)}: ${f.records} record(s), ${f.errors} problem(s).\n`)
    }
    for (const p of report.problems) io.stderr.write(problemLine(p))
    const hidden = report.errors + report.warnings - report.problems.length
    if (hidden > 0) io.stderr.write(`… and ${hidden} more problem(s) (raise --max-problems to list them)\n`)
    if (report.errors > 0) {
      failed = true
      continue
    }
    if (baseline === null) continue
    const overlapping = report.baselineKeys.filter((k) => k in baseline)
    if (overlapping.length === 0) {
      io.stdout.write('No overlapping baseline keys found; skipping drift report.\n')
      continue
    }
    const table = new DriftTable(baseline, overlapping, threshold, values.relative === true)
    io.stdout.write(table.header())
    await writeDriftRows(files, log, limits, table, (text) => io.stdout.write(text))
    io.stdout.write(table.footer())
    const failure = table.failure()
    if (failure !== null) {
      io.stderr.write(`${printablePath(log)}: ${failure}\n`)
      failed = true
    }
  }
  return failed ? EXIT.failure : EXIT.ok
}
