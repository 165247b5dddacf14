/**
 * `townlet telemetry summary LOG [--baseline F] [--format text|markdown|json] [--last N]`: one
 * summary of a PPO log and its rotations, built as the log streams by (ppo-summary.ts), printed
 * as text, markdown (for a run report or a pull request) or JSON. Exit 0 with a summary; 1 when
 * a line is malformed or there are no records (file and line on stderr); 2 bad usage or a log
 * that cannot be used.
 */
import { parseSummaryBaseline } from '../training/ppo-log/ppo-baseline'
import { MAX_LAST_RECORDS } from '../training/ppo-log/ppo-log-limits'
import { readPpoLog } from '../training/ppo-log/ppo-log-reader'
import { SummaryBuilder } from '../training/ppo-log/ppo-summary'
import { renderMarkdown, renderText } from '../training/ppo-log/ppo-summary-format'
import { type LogProblem } from '../training/ppo-log/ppo-validate'
import { EXIT, UsageError, type CliIo } from './cli-io'
import { cliFiles } from './cli-workspace'
import { integerOption } from './parse-args'
import { LIMIT_OPTIONS, limitsFrom, parsePpoArgs, printablePath, problemLine, readBaseline } from './ppo-cli-options'
import { usableLog } from './ppo-log-path'

const FORMATS = ['text', 'markdown', 'json'] as const

export async function ppoSummaryCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parsePpoArgs(argv, {
    baseline: { type: 'string' },
    format: { type: 'string', default: 'text' },
    last: { type: 'string' },
    ...LIMIT_OPTIONS
  })
  if (positionals.length !== 1 || positionals[0] === '') throw new UsageError('telemetry summary takes one LOG: a PPO training log (NDJSON)\nSee: townlet help telemetry')
  const format = FORMATS.find((f) => f === values.format)
  if (format === undefined) throw new UsageError(`--format must be text, markdown or json, got "${String(values.format).slice(0, 20)}"`)
  const last = integerOption('last', values.last, { min: 1, max: MAX_LAST_RECORDS }) ?? null
  const limits = limitsFrom(values)
  const files = await cliFiles(io, values.workspace)
  const log = positionals[0]!
  const usable = await usableLog(files, log)
  if (!usable.ok) {
    io.stderr.write(`townlet telemetry summary: ${usable.message}\n`)
    return EXIT.usage
  }
  const baseline = await readBaseline(files, values.baseline, parseSummaryBaseline)
  const builder = new SummaryBuilder(last)
  let errors = 0
  let shown = 0
  const report = (p: LogProblem) => {
    if (p.level === 'error') errors += 1
    if (shown++ < limits.maxProblems) io.stderr.write(problemLine(p))
  }
  for await (const batch of readPpoLog(files, log, limits, { cutShort: 'warning' })) {
    for (const event of batch) {
      if (event.kind === 'problem') report(event)
      else if (event.kind === 'record') {
        const wrong = builder.add(event.record)
        if (wrong !== null) report({ level: 'error', file: event.file, line: event.line, message: wrong })
      }
    }
  }
  if (shown > limits.maxProblems) io.stderr.write(`… and ${shown - limits.maxProblems} more problem(s) (raise --max-problems to list them)\n`)
  const summary = errors === 0 ? builder.finish(baseline) : null
  if (errors > 0) return EXIT.failure
  if (summary === null) {
    io.stderr.write(`${printablePath(log)}: no telemetry records found\n`)
    return EXIT.failure
  }
  io.stdout.write(format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : format === 'markdown' ? renderMarkdown(summary) : renderText(summary))
  return EXIT.ok
}
