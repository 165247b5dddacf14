/** `help`: every command in one list, or one command's usage and arguments. */
import { didYouMean } from '../../../shared/did-you-mean'
import { now, refuse, type CommandRun } from '../command'
import { usageOf } from '../describe-schema'

export const helpRun: CommandRun<'help'> = ({ catalog }, args) => {
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
