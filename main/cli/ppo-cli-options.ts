/**
 * What the three PPO log commands (`townlet telemetry validate|watch|summary`) share: the bound
 * options, number parsing with messages naming the flag, the baseline file read through the
 * workspace, and problem lines that name file and line.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { type BaselineParse } from '../training/ppo-log/ppo-baseline'
import { DEFAULT_PPO_LOG_LIMITS, type PpoLogLimits } from '../training/ppo-log/ppo-log-limits'
import { type LogProblem } from '../training/ppo-log/ppo-validate'
import { UsageError } from './cli-io'
import { readCliText, WORKSPACE_OPTION } from './cli-workspace'
import { integerOption } from './parse-args'
import type { ShardFiles } from '../shard/shard'

export const LIMIT_OPTIONS = {
  'max-bytes': { type: 'string' },
  'max-line-bytes': { type: 'string' },
  'max-problems': { type: 'string' },
  ...WORKSPACE_OPTION
} as const

type Options = NonNullable<ParseArgsConfig['options']>

/** node:util parseArgs (positionals allowed), errors as usage errors naming `townlet help telemetry`. */
export function parsePpoArgs<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]}\nSee: townlet help telemetry`)
  }
}

export function limitsFrom(values: { 'max-bytes'?: string; 'max-line-bytes'?: string; 'max-problems'?: string }): PpoLogLimits {
  const d = DEFAULT_PPO_LOG_LIMITS
  return {
    ...d,
    maxBytes: integerOption('max-bytes', values['max-bytes'], { min: 1, max: 1024 ** 4 }) ?? d.maxBytes,
    maxLineBytes: integerOption('max-line-bytes', values['max-line-bytes'], { min: 64, max: 64 * 1024 * 1024 }) ?? d.maxLineBytes,
    maxProblems: integerOption('max-problems', values['max-problems'], { min: 1, max: 10_000 }) ?? d.maxProblems
  }
}

/** A decimal number option (`--kl-threshold 0.2`, `--interval 0.5`), or a usage error naming it. */
export function numberOption(name: string, raw: string | undefined, range: { min?: number; max?: number } = {}): number | undefined {
  if (raw === undefined) return undefined
  const value = Number(raw)
  const { min = -Number.MAX_VALUE, max = Number.MAX_VALUE } = range
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    const bounds = range.min !== undefined || range.max !== undefined ? ` from ${range.min ?? '-∞'} to ${range.max ?? '∞'}` : ''
    throw new UsageError(`--${name} must be a number${bounds}, got "${raw.slice(0, 40)}"`)
  }
  return value
}

/** The baseline file through the workspace (1 MiB at most), parsed for this command, or a usage error. */
export async function readBaseline(files: ShardFiles, path: string | undefined, parse: (text: string) => BaselineParse): Promise<Record<string, number> | null> {
  if (path === undefined) return null
  if (path === '') throw new UsageError('--baseline needs a file: a JSON object of baseline numbers')
  const { text } = await readCliText(files, path, 'baseline file', 1024 * 1024, { notFound: 'telemetry.stream_not_found', unreadable: 'telemetry.stream_unreadable' })
  const parsed = parse(text)
  if (!parsed.ok) throw new UsageError(`--baseline ${path.slice(0, 200)}: ${parsed.message}`)
  return parsed.values
}

/** "FILE:LINE: error: message", the path made printable. */
export function problemLine(p: LogProblem): string {
  return `${printablePath(p.file)}${p.line === null ? '' : `:${p.line}`}: ${p.level}: ${p.message}\n`
}

/** The user's own argument, printable and short. */
export function printablePath(path: string): string {
  return path.replace(/[\p{Cc}\p{Cf}]/gu, '?').slice(0, 300)
}
