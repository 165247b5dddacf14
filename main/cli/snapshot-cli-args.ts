/** Argument parsing and refusals shared by the `townlet snapshot` subcommands. */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { AppError } from '../../shared/result'
import { EXIT, UsageError, type CliIo } from './cli-io'

type Options = NonNullable<ParseArgsConfig['options']>
export const JSON_OPTION = { json: { type: 'boolean', default: false } } as const

/** parseArgs with positionals, errors as usage errors naming the help. */
export function snapshotArgs<O extends Options>(sub: string, argv: string[], options: O, positionals: { names: string[]; optional?: number }) {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]}\nSee: townlet help snapshot`)
  }
  const need = positionals.names.length - (positionals.optional ?? 0)
  if (parsed.positionals.length < need || parsed.positionals.length > positionals.names.length) {
    throw new UsageError(`snapshot ${sub} takes ${positionals.names.join(' ')}${parsed.positionals.length > positionals.names.length ? `, not ${parsed.positionals.length} arguments` : ''}\nSee: townlet help snapshot`)
  }
  return { values: parsed.values, positionals: parsed.positionals }
}

/** A file that cannot be used: exit 2 with its code and message (and the error as JSON when asked). */
export function refuse(io: CliIo, json: boolean, error: AppError): number {
  if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: { code: error.code, message: error.message } })}\n`)
  io.stderr.write(`townlet snapshot: ${error.code}: ${error.message}\n`)
  return EXIT.usage
}
