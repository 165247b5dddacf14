/** `help`: every command in one list, or one command's usage and arguments. */
import { z } from 'zod'
import { didYouMean } from '../../../shared/did-you-mean'
import { defineCommand, now, refuse } from '../command'
import { usageOf } from '../describe-schema'

export const helpCommand = defineCommand({
  name: 'help',
  role: 'viewer',
  destructive: false,
  help: "List every command, or show one command's usage and arguments.",
  args: z.object({ command: z.string().min(1).max(64).optional().describe('a command name, for its usage') }).strict(),
  run({ catalog }, args) {
    if (args.command === undefined) {
      return now({ commands: catalog.list().map(({ name, role, destructive, help }) => ({ name, role, destructive, help, usage: usageOf(catalog.info(name)!) })) })
    }
    const info = catalog.info(args.command)
    if (!info) {
      const hint = didYouMean(args.command, catalog.names())
      return refuse('console.unknown_command', `no command "${args.command}"${hint ? `: did you mean "${hint}"?` : ''} (list them with help)`)
    }
    return now({ ...info, usage: usageOf(info) })
  }
})
