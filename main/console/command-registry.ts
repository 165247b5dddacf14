/**
 * The console's commands by name: the contract's descriptors joined with their runs
 * (commands/index.ts). Also the catalog `help` and `console.commands` read: name, role,
 * destructive, help and one line per argument, derived from each command's zod schema so the
 * docs cannot drift from the checks.
 *
 * Aliases are older spellings (shared/contract/console-commands: CONSOLE_COMMAND_ALIASES):
 * `resolve` turns one into its command's name, and the router does that first, so a command sent
 * under an alias is that command in every way (role, cmd_id, cache, result name). They are not
 * listed: `names` and `list` give each command once, under its own name.
 */
import { CONSOLE_COMMAND_ALIASES } from '../../shared/contract/console-commands'
import type { CommandInfo } from '../../shared/contract/dto/console'
import type { AnyCommand, CommandCatalog } from './command'
import { CONSOLE_COMMANDS } from './commands'
import { describeArgs } from './describe-schema'

const NAME = /^[a-z][a-z0-9_]{0,63}$/

export class CommandRegistry implements CommandCatalog {
  private readonly byName = new Map<string, AnyCommand>()
  private readonly infos = new Map<string, CommandInfo>()
  private readonly aliases = new Map<string, string>()

  /** Throws on a duplicate or malformed name or alias: that is a programming error, caught by the tests. */
  constructor(commands: readonly AnyCommand[], aliases: Readonly<Record<string, string>> = {}) {
    for (const command of commands) {
      if (!NAME.test(command.name)) throw new Error(`console command name "${command.name}" must be lowercase letters, digits and "_", starting with a letter`)
      if (this.byName.has(command.name)) throw new Error(`console command "${command.name}" is registered twice: rename one of them`)
      this.byName.set(command.name, command)
      this.infos.set(command.name, { name: command.name, role: command.role, destructive: command.destructive, help: command.help, args: describeArgs(command.args) })
    }
    for (const [alias, target] of Object.entries(aliases)) {
      if (!NAME.test(alias)) throw new Error(`console command alias "${alias}" must be lowercase letters, digits and "_", starting with a letter`)
      if (this.byName.has(alias)) throw new Error(`console command alias "${alias}" is also a command's name: drop the alias`)
      if (!this.byName.has(target)) throw new Error(`console command alias "${alias}" names "${target}", which is not a command`)
      this.aliases.set(alias, target)
    }
  }

  /** The command's own name for `name` (itself, or what an alias stands for); undefined when neither. */
  resolve(name: string): string | undefined {
    return this.byName.has(name) ? name : this.aliases.get(name)
  }

  get(name: string): AnyCommand | undefined {
    const own = this.resolve(name)
    return own === undefined ? undefined : this.byName.get(own)
  }

  names(): string[] {
    return [...this.byName.keys()]
  }

  info(name: string): CommandInfo | undefined {
    const own = this.resolve(name)
    return own === undefined ? undefined : this.infos.get(own)
  }

  list(): CommandInfo[] {
    return [...this.infos.values()]
  }

  /** Every alias and the command it stands for. */
  aliasTable(): Record<string, string> {
    return Object.fromEntries(this.aliases)
  }
}

let shared: CommandRegistry | undefined

/** The registry of every built-in command and alias (built once; commands are immutable). */
export function defaultCommandRegistry(): CommandRegistry {
  shared ??= new CommandRegistry(CONSOLE_COMMANDS, CONSOLE_COMMAND_ALIASES)
  return shared
}
