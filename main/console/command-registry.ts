/**
 * The console's commands by name, built from a list of command modules (commands/index.ts).
 * Also the catalog `help` and `console.commands` read: name, role, destructive, help and one line
 * per argument, derived from each command's zod schema so the docs cannot drift from the checks.
 */
import type { CommandInfo } from '../../shared/contract/dto/console'
import type { AnyCommand, CommandCatalog } from './command'
import { CONSOLE_COMMANDS } from './commands'
import { describeArgs } from './describe-schema'

const NAME = /^[a-z][a-z0-9_]{0,63}$/

export class CommandRegistry implements CommandCatalog {
  private readonly byName = new Map<string, AnyCommand>()
  private readonly infos = new Map<string, CommandInfo>()

  /** Throws on a duplicate or malformed name: that is a programming error, caught by the tests. */
  constructor(commands: readonly AnyCommand[]) {
    for (const command of commands) {
      if (!NAME.test(command.name)) throw new Error(`console command name "${command.name}" must be lowercase letters, digits and "_", starting with a letter`)
      if (this.byName.has(command.name)) throw new Error(`console command "${command.name}" is registered twice: rename one of them`)
      this.byName.set(command.name, command)
      this.infos.set(command.name, { name: command.name, role: command.role, destructive: command.destructive, help: command.help, args: describeArgs(command.args) })
    }
  }

  get(name: string): AnyCommand | undefined {
    return this.byName.get(name)
  }

  names(): string[] {
    return [...this.byName.keys()]
  }

  info(name: string): CommandInfo | undefined {
    return this.infos.get(name)
  }

  list(): CommandInfo[] {
    return [...this.infos.values()]
  }
}

let shared: CommandRegistry | undefined

/** The registry of every built-in command (built once; commands are immutable). */
export function defaultCommandRegistry(): CommandRegistry {
  shared ??= new CommandRegistry(CONSOLE_COMMANDS)
  return shared
}
