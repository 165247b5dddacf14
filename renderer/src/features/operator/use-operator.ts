/**
 * The operator actions for components: the admin gate plus `run`, which sends a contract command
 * through `console.run` with a fresh cmd_id. `run` is typed by the command table
 * (shared/contract/console-commands): one spelling per command, its arguments as its schema has them.
 */
import { useMemo } from 'react'
import type { ConsoleArgs, ConsoleCommandName } from '../../../../shared/contract/console-commands'
import type { ConsoleResult } from '../../../../shared/contract/dto/console'
import { useCommands, useConnection, useConsole, useTimeline } from '../../app/session-context'
import { townGate } from '../timeline/past-gate'
import { adminGate } from './command-gate'
import type { Gate } from './command-gate'

/** Whether this window may change the shard (the clock, configs, restarts), and why not. */
export function useAdminGate(): Gate {
  const session = useConsole((s) => s.session)
  const connected = useConnection((s) => s.info.state === 'connected')
  return useMemo(() => adminGate(session, connected), [session, connected])
}

/** The admin gate and a typed `run`. */
export interface Operator {
  gate: Gate
  run<N extends ConsoleCommandName>(name: N, args: ConsoleArgs<N>): Promise<ConsoleResult>
}

/** The gate and a `run` for the console commands that change the town. */
export function useOperator(): Operator {
  const commands = useCommands()
  const session = useConsole((s) => s.session)
  const connected = useConnection((s) => s.info.state === 'connected')
  // Commands change the town: none from a page that shows a past tick (see past-gate).
  const past = useTimeline((s) => s.mode === 'past')
  return useMemo(
    () => ({
      gate: townGate(adminGate(session, connected), past),
      run: <N extends ConsoleCommandName>(name: N, args: ConsoleArgs<N>) => commands.runConsole(name, args)
    }),
    [commands, session, connected, past]
  )
}
