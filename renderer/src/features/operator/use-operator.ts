/**
 * The operator actions for components: the admin gate plus one function per command, each run
 * through `console.run` with a fresh cmd_id under the host's spelling of the command.
 */
import { useMemo } from 'react'
import type { ConsoleResult } from '../../../../shared/contract/dto/console'
import { useCommands, useConnection, useConsole, useTimeline } from '../../app/session-context'
import { townGate } from '../timeline/past-gate'
import { adminGate } from './command-gate'
import type { Gate } from './command-gate'
import { adaptArgs, OPERATOR_COMMANDS, resolveCommand } from './operator-commands'
import type { OperatorCommand, OperatorName } from './operator-commands'

/** Whether this window may change the shard (the clock, configs, restarts), and why not. */
export function useAdminGate(): Gate {
  const session = useConsole((s) => s.session)
  const connected = useConnection((s) => s.info.state === 'connected')
  return useMemo(() => adminGate(session, connected), [session, connected])
}

/** The admin gate and a `run` for one table of commands (operator, policy …). */
export interface CommandRunner<Name extends string> {
  gate: Gate
  run(op: Name, args: Record<string, unknown>): Promise<ConsoleResult>
}

export type Operator = CommandRunner<OperatorName>

/** The gate and a `run` for the commands of `table` (a module-level constant). */
export function useCommandRunner<T extends Record<string, OperatorCommand>>(table: T): CommandRunner<Extract<keyof T, string>> {
  const commands = useCommands()
  const session = useConsole((s) => s.session)
  const list = useConsole((s) => s.commands)
  const connected = useConnection((s) => s.info.state === 'connected')
  // Commands change the town: none from a page that shows a past tick (see past-gate).
  const past = useTimeline((s) => s.mode === 'past')
  return useMemo(
    () => ({
      gate: townGate(adminGate(session, connected), past),
      run(op: Extract<keyof T, string>, args: Record<string, unknown>) {
        const { name, info } = resolveCommand(list, table[op] as OperatorCommand)
        return commands.runConsole(name, adaptArgs(info, args))
      }
    }),
    [commands, session, list, connected, past, table]
  )
}

/** The gate and a `run` for the operator commands. */
export function useOperator(): Operator {
  return useCommandRunner(OPERATOR_COMMANDS)
}
