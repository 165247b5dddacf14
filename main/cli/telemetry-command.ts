/**
 * `townlet telemetry check|validate|watch|summary`. validate, watch and summary read PPO training
 * logs (their own files, ppo-*-command.ts). `check FILE [--json]`: is this stream file readable by a consumer of stream
 * 1.x? Each line is checked against the schema (main/telemetry/stream), problems listed with line
 * numbers. Exit 0 when the file is fine (warnings allowed: a newer major version), 2 when problems
 * were found or the file cannot be used (missing, outside the workspace, not a file), 1 when
 * reading failed halfway (an I/O error).
 */
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { ownValue } from '../../shared/own-key'
import { err, ok, type Result } from '../../shared/result'
import { DEFAULT_CHECK_LIMITS, StreamChecker, type CheckLimits, type StreamReport } from '../telemetry/stream/stream-check'
import { errnoCode } from '../telemetry/transports/sanitize'
import { EXIT, UsageError, type CliIo } from './cli-io'
import { cliFiles, WORKSPACE_OPTION } from './cli-workspace'
import { integerOption } from './parse-args'
import { ppoSummaryCommand } from './ppo-summary-command'
import { ppoValidateCommand } from './ppo-validate-command'
import { ppoWatchCommand } from './ppo-watch-command'
import type { ShardFiles } from '../shard/shard'

const CHUNK_BYTES = 64 * 1024

/** The subcommands: the stream check, and the PPO training-log tools (docs/training-telemetry.md). */
const SUBCOMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  check: (argv, io) => check(argv, io),
  validate: ppoValidateCommand,
  watch: ppoWatchCommand,
  summary: ppoSummaryCommand
}

export async function telemetryCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv
  const run = sub === undefined ? undefined : ownValue(SUBCOMMANDS, sub)
  if (!run) throw new UsageError(`${sub === undefined ? 'missing subcommand' : `unknown subcommand "${sub.slice(0, 40)}"`}: use ${Object.keys(SUBCOMMANDS).join(', ')}\nSee: townlet help telemetry`)
  return run(rest, io)
}

async function check(argv: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: { json: { type: 'boolean', default: false }, 'max-problems': { type: 'string' }, 'max-bytes': { type: 'string' }, 'max-lines': { type: 'string' }, ...WORKSPACE_OPTION },
      allowPositionals: true,
      strict: true
    })
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]}\nSee: townlet help telemetry`)
  }
  const { values, positionals } = parsed
  if (positionals.length !== 1 || positionals[0] === '') throw new UsageError('telemetry check takes one FILE: the stream file to check\nSee: townlet help telemetry')
  const limits: CheckLimits = {
    ...DEFAULT_CHECK_LIMITS,
    maxProblems: integerOption('max-problems', values['max-problems'], { min: 1, max: 10_000 }) ?? DEFAULT_CHECK_LIMITS.maxProblems,
    maxBytes: integerOption('max-bytes', values['max-bytes'], { min: 1, max: 64 * 1024 ** 3 }) ?? DEFAULT_CHECK_LIMITS.maxBytes,
    maxLines: integerOption('max-lines', values['max-lines'], { min: 1, max: 1_000_000_000 }) ?? DEFAULT_CHECK_LIMITS.maxLines
  }
  const files = await cliFiles(io, values.workspace)
  const file = positionals[0]!
  const checked = await checkStreamFile(file, files, limits)
  const json = values.json === true
  if (!checked.ok) {
    if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: { code: checked.error.code, message: checked.error.message } })}\n`)
    io.stderr.write(`townlet telemetry: ${checked.error.code}: ${checked.error.message}\n`)
    return checked.error.code === 'telemetry.stream_unreadable' && (checked.error.details as { midway?: boolean } | undefined)?.midway === true ? EXIT.failure : EXIT.usage
  }
  const report = checked.value
  io.stdout.write(json ? `${JSON.stringify(report)}\n` : formatReport(file, report))
  return report.ok ? EXIT.ok : EXIT.usage
}

/** The file through the workspace, read in chunks into the checker; never a FIFO, a folder or a device. */
export async function checkStreamFile(path: string, files: ShardFiles, limits: CheckLimits): Promise<Result<StreamReport>> {
  const resolved = await files.workspace.resolve(path, { base: files.base, what: 'stream file', codes: { notFound: 'telemetry.stream_not_found', unreadable: 'telemetry.stream_unreadable' } })
  if (!resolved.ok) return resolved
  let handle
  try {
    // O_NONBLOCK: a FIFO at the path must not hang the open; it is refused below.
    handle = await open(resolved.value, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (e) {
    return unreadable(`the stream file ${resolved.value} cannot be opened (${errnoCode(e) ?? 'error'})`)
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) return unreadable(`the stream file ${resolved.value} is not a regular file${info.isDirectory() ? ' (it is a folder)' : ''}`)
    const checker = new StreamChecker(limits)
    const buffer = Buffer.alloc(CHUNK_BYTES)
    for (;;) {
      let read: number
      try {
        read = (await handle.read(buffer, 0, CHUNK_BYTES, null)).bytesRead
      } catch (e) {
        return unreadable(`reading ${resolved.value} failed after ${checker.end().bytes} bytes (${errnoCode(e) ?? 'error'})`, true)
      }
      if (read === 0) break
      checker.push(buffer.subarray(0, read))
      if (!checker.wantsMore) break
    }
    return ok(checker.end())
  } finally {
    await handle.close().catch(() => undefined)
  }
}

function unreadable(message: string, midway = false): Result<never> {
  return err('telemetry.stream_unreadable', message, midway ? { midway: true } : undefined)
}

export function formatReport(file: string, r: StreamReport): string {
  const lines: string[] = []
  const verdict = r.ok ? (r.warnings > 0 ? 'ok, with warnings' : 'ok') : 'problems found'
  lines.push(`${safeName(file)}: ${verdict}: ${r.lines} lines, ${r.messages} messages, ${r.errors} error${r.errors === 1 ? '' : 's'}, ${r.warnings} warning${r.warnings === 1 ? '' : 's'}`)
  const kinds = Object.entries(r.kinds).map(([k, n]) => `${k} ${n}`)
  if (kinds.length > 0) lines.push(`  kinds: ${kinds.join(', ')}`)
  const versions = Object.entries(r.versions).map(([v, n]) => `${v} (${n})`)
  if (versions.length > 0) lines.push(`  schema versions: ${versions.join(', ')}`)
  if (r.offsets) lines.push(`  stream offsets ${r.offsets.first}–${r.offsets.last}, ${r.offsets.missing} missing (dropped on the way)`)
  for (const p of r.problems) lines.push(`  line ${p.line}: ${p.level}: ${p.message}`)
  const hidden = r.errors + r.warnings - r.problems.length
  if (hidden > 0) lines.push(`  … and ${hidden} more (raise --max-problems to list them)`)
  return `${lines.join('\n')}\n`
}

/** The user's own argument, printable. */
function safeName(file: string): string {
  return file.replace(/[\p{Cc}\p{Cf}]/gu, '?').slice(0, 200)
}
