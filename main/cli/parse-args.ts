import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './cli-io'

type Options = NonNullable<ParseArgsConfig['options']>

/** node:util parseArgs with errors turned into UsageErrors that name the command's help. */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values
  } catch (e) {
    const [first, ...rest] = (e as Error).message.split('\n')
    // An option value starting with a dash (`--agents -1`) is "ambiguous"; node's last line says how to pass it.
    const fix = first?.includes('ambiguous') && rest.length > 0 ? ` ${rest[rest.length - 1]}` : ''
    throw new UsageError(`${first}${fix}\nSee: townlet help ${command}`)
  }
}

/** Parse a whole number option, with a message naming the option when it is not one. */
export function integerOption(name: string, raw: string | undefined, { min, max }: { min: number; max: number }): number | undefined {
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
  }
  return value
}
