/**
 * What a console command is, as both sides of the contract see it: its name, the role it needs,
 * whether it destroys something (then it must carry a cmd_id, so a retry cannot apply it twice),
 * one line of help, a strict zod schema for its named arguments and, where one is written down,
 * the schema of its answer. The host adds only `run` (main/console/commands); the renderer types
 * `runConsole(name, args)` from the same table, so a misspelt command or argument fails the build.
 */
import type { z } from 'zod'
import type { Role } from '../dto/console'

export interface CommandDescriptor<N extends string = string, S extends z.ZodObject = z.ZodObject> {
  /** Lowercase letters, digits and `_`. */
  readonly name: N
  readonly role: Role
  readonly destructive: boolean
  /** One line: what it does. */
  readonly help: string
  /** Strict object schema; every field has a `.describe()` that `help` and `console.commands` show. */
  readonly args: S
  /** The answer's shape, for commands that write one down (tests and scripts parse with it). */
  readonly result?: z.ZodType
}

/** Identity helper that keeps the literal name and the exact argument schema. */
export function defineDescriptor<const N extends string, S extends z.ZodObject>(descriptor: CommandDescriptor<N, S>): CommandDescriptor<N, S> {
  return descriptor
}
