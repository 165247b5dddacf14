/**
 * The `townlet` command: dispatch to a subcommand and map every outcome to an exit code
 * (0 ok, 1 runtime failure, 2 bad usage or config) with a message on stderr.
 */
import { ownValue } from '../../shared/own-key'
import { affordancesCommand } from './affordances-command'
import { configCommand } from './config-command'
import { EXIT, UsageError, type CliIo } from './cli-io'
import { COMMAND_HELP, MAIN_HELP } from './help'
import { historyCommand } from './history-command'
import { policyCommand } from './policy-command'
import { runCommand } from './run-command'
import { serveCommand } from './serve-command'
import { snapshotCommand } from './snapshot-command'
import { telemetryCommand } from './telemetry-command'

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  affordances: affordancesCommand,
  config: configCommand,
  history: historyCommand,
  policy: policyCommand,
  run: runCommand,
  serve: serveCommand,
  snapshot: snapshotCommand,
  telemetry: telemetryCommand
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h') {
    io.stdout.write(MAIN_HELP)
    return command === undefined ? EXIT.usage : EXIT.ok
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${io.version}\n`)
    return EXIT.ok
  }
  // Own keys only: `townlet constructor` or `townlet help toString` must not reach Object.prototype.
  if (command === 'help') {
    const topic = rest[0]
    const help = topic ? ownValue(COMMAND_HELP, topic) : undefined
    io.stdout.write(help ?? MAIN_HELP)
    return topic && help === undefined ? EXIT.usage : EXIT.ok
  }
  const handler = ownValue(COMMANDS, command)
  if (!handler) {
    io.stderr.write(`townlet: unknown command "${command}"\n\n${MAIN_HELP}`)
    return EXIT.usage
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(ownValue(COMMAND_HELP, command) ?? MAIN_HELP)
    return EXIT.ok
  }
  try {
    return await handler(rest, io)
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`townlet ${command}: ${e.message}\n`)
      return EXIT.usage
    }
    io.stderr.write(`townlet ${command} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    return EXIT.failure
  }
}
