/**
 * The operator actions for components: the admin gate plus one function per command, each run
 * through `console.run` with a fresh cmd_id under the host's spelling of the command.
 */
import { useMemo } from 'react'
import type { ConsoleResult } from '../../../../shared/contract/dto/console'
import { useCommands, useConnection, useConsole } from '../../app/session-context'
import { adminGate } from './command-gate'
import type { Gate } from './command-gate'
import { adaptArgs, OPERATOR_COMMANDS, resolveCommand } from './operator-commands'
import type { OperatorName } from './operator-commands'

export interface Operator {
  gate: Gate
  run(op: OperatorName, args: Record<string, unknown>): Promise<ConsoleResult>
}

/** The gate and a `run` for the operator commands. */
export function useOperator(): Operator {
  const commands = useCommands()
  const session = useConsole((s) => s.session)
  const list = useConsole((s) => s.commands)
  const connected = useConnection((s) => s.info.state === 'connected')
  return useMemo(
    () => ({
      gate: adminGate(session, connected),
      run(op: OperatorName, args: Record<string, unknown>) {
        const { name, info } = resolveCommand(list, OPERATOR_COMMANDS[op])
        return commands.runConsole(name, adaptArgs(info, args))
      }
    }),
    [commands, session, list, connected]
  )
}
