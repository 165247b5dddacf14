/**
 * `townlet telemetry watch LOG [--follow] [--interval S] [--json] [--mode ppo|health] [limits…]`:
 * reads a PPO log (and its rotations) record by record, prints one line per epoch (or the
 * parsed record as JSON), and ends at the first record that breaks a limit: its message on
 * stderr, exit 1. `--follow` keeps reading as the trainer appends, polling every --interval
 * seconds, until SIGINT/SIGTERM or --max-seconds; a malformed line is reported with its file and
 * line and following goes on. Exit 0 when nothing broke a limit and every line was readable; 1
 * on a breach or a malformed line; 2 bad usage or a log that cannot be used.
 */
import { healthBreach, healthLine, HEALTH_RULES, parseHealthLine } from '../training/ppo-log/health-line'
import { readPpoLog, type LogEvent } from '../training/ppo-log/ppo-log-reader'
import { ANNEAL_FLAGS, firstBreach, LIMIT_RULES, parseWatchRecord, watchLine, watchThresholds, type WatchThresholds } from '../training/ppo-log/ppo-watch-rules'
import { EXIT, UsageError, type CliIo } from './cli-io'
import { cliFiles } from './cli-workspace'
import { LIMIT_OPTIONS, limitsFrom, numberOption, parsePpoArgs, printablePath, problemLine } from './ppo-cli-options'
import { usableLog } from './ppo-log-path'

const PPO_FLAGS = [...LIMIT_RULES.map((r) => r.flag), ...ANNEAL_FLAGS]
const HEALTH_FLAGS = HEALTH_RULES.map((r) => r.flag)
const stringOptions = (flags: readonly string[]) => Object.fromEntries(flags.map((f) => [f, { type: 'string' as const }]))

export async function ppoWatchCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parsePpoArgs(argv, {
    follow: { type: 'boolean', default: false },
    interval: { type: 'string' },
    'max-seconds': { type: 'string' },
    json: { type: 'boolean', default: false },
    mode: { type: 'string', default: 'ppo' },
    ...stringOptions(PPO_FLAGS),
    ...stringOptions(HEALTH_FLAGS),
    ...LIMIT_OPTIONS
  })
  const raw = values as Record<string, string | boolean | undefined>
  if (positionals.length !== 1 || positionals[0] === '') throw new UsageError('telemetry watch takes one LOG: a PPO training log (NDJSON), or a loop log with --mode health\nSee: townlet help telemetry')
  const mode = values.mode
  if (mode !== 'ppo' && mode !== 'health') throw new UsageError(`--mode must be ppo or health, got "${String(mode).slice(0, 20)}"`)
  const foreign = (mode === 'ppo' ? HEALTH_FLAGS : PPO_FLAGS).find((f) => raw[f] !== undefined)
  if (foreign) throw new UsageError(`--${foreign} is a limit of --mode ${mode === 'ppo' ? 'health' : 'ppo'}, not of --mode ${mode}`)
  const limitsGiven: WatchThresholds = {}
  for (const flag of mode === 'ppo' ? PPO_FLAGS : HEALTH_FLAGS) {
    const v = numberOption(flag, raw[flag] as string | undefined)
    if (v !== undefined) limitsGiven[flag] = v
  }
  const thresholds = mode === 'ppo' ? watchThresholds(limitsGiven) : limitsGiven
  const follow = values.follow === true
  const intervalS = numberOption('interval', values.interval, { min: 0.01, max: 3600 }) ?? 2
  const maxSeconds = numberOption('max-seconds', values['max-seconds'], { min: 0.01, max: 365 * 86_400 })
  if (!follow && (values.interval !== undefined || maxSeconds !== undefined)) throw new UsageError('--interval and --max-seconds belong to --follow')
  const limits = limitsFrom(values)
  const files = await cliFiles(io, values.workspace)
  const log = positionals[0]!
  const usable = await usableLog(files, log)
  // Follow mode waits for a log that does not exist yet; anything else wrong with the path ends here.
  if (!usable.ok && !(follow && usable.missing)) {
    io.stderr.write(`townlet telemetry watch: ${usable.message}\n`)
    return EXIT.usage
  }

  const stop = new AbortController()
  const timer = maxSeconds === undefined ? undefined : setTimeout(() => stop.abort(), maxSeconds * 1000)
  if (follow) void io.shutdownSignal().then(() => stop.abort())
  const json = values.json === true
  let errors = 0
  let shown = 0
  const report = (p: Extract<LogEvent, { kind: 'problem' }>) => {
    if (p.level === 'error') errors += 1
    if (shown++ < limits.maxProblems) io.stderr.write(problemLine(p))
  }
  try {
    const events = readPpoLog(files, log, limits, { cutShort: 'warning', text: mode === 'health', ...(follow ? { follow: { intervalMs: intervalS * 1000, signal: stop.signal } } : {}) })
    for await (const batch of events) {
      let out = ''
      for (const event of batch) {
        if (event.kind === 'problem') report(event)
        else if (event.kind === 'record') {
          const parsed = parseWatchRecord(event.record)
          if (!parsed.ok) {
            for (const message of parsed.problems) report({ kind: 'problem', level: 'error', file: event.file, line: event.line, message })
            continue
          }
          const breach = firstBreach(parsed.value, thresholds, parsed.absent)
          if (breach !== null) return breached(io, out, breach, event.file, event.line)
          out += json ? `${JSON.stringify(parsed.value)}\n` : `${watchLine(parsed.value)}\n`
        } else if (event.kind === 'text') {
          const health = parseHealthLine(event.text)
          if (health.kind === 'skip') continue
          if (health.kind === 'bad') {
            report({ kind: 'problem', level: 'error', file: event.file, line: event.line, message: health.message })
            continue
          }
          const breach = healthBreach(health.values, thresholds)
          if (breach !== null) return breached(io, out, breach, event.file, event.line)
          out += json ? `${JSON.stringify(health.values)}\n` : `${healthLine(health.values)}\n`
        }
      }
      if (out !== '') io.stdout.write(out)
    }
  } finally {
    if (timer !== undefined) clearTimeout(timer)
    stop.abort()
  }
  return errors > 0 ? EXIT.failure : EXIT.ok
}

/** What was printed before the breaking record, then the breach on stderr: exit 1. */
function breached(io: CliIo, out: string, message: string, file: string, line: number): number {
  if (out !== '') io.stdout.write(out)
  io.stderr.write(`${message} (${printablePath(file)}:${line})\n`)
  return EXIT.failure
}
