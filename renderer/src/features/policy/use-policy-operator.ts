/** The admin gate plus `run` for the policy commands, as useOperator gives for the others. */
import { useMemo } from 'react'
import type { ConsoleResult } from '../../../../shared/contract/dto/console'
import { useCommands, useConnection, useConsole } from '../../app/session-context'
import { adminGate } from '../operator/command-gate'
import type { Gate } from '../operator/command-gate'
import { runPolicyCommand } from './policy-commands'
import type { PolicyCommandName } from './policy-commands'

export interface PolicyOperator {
  gate: Gate
  run(op: PolicyCommandName, args: Record<string, unknown>): Promise<ConsoleResult>
}

export function usePolicyOperator(): PolicyOperator {
  const commands = useCommands()
  const session = useConsole((s) => s.session)
  const list = useConsole((s) => s.commands)
  const connected = useConnection((s) => s.info.state === 'connected')
  return useMemo(
    () => ({
      gate: adminGate(session, connected),
      run: (op: PolicyCommandName, args: Record<string, unknown>) => runPolicyCommand(commands.runConsole, list, op, args)
    }),
    [commands, session, list, connected]
  )
}
