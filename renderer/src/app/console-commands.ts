/**
 * The operator console's requests: the session and command list, running a command and trading
 * a token for the admin role. Every run carries a cmd_id (a fresh `ui-<time>-<n>` unless one is
 * given) so its queued reply and its final `console.result` land on the same row; a run the host
 * never answered becomes an error row too, so the operator always sees what happened.
 *
 * Code calls `runConsole(name, args)`, typed by the contract's command table
 * (shared/contract/console-commands): the name is a command's one spelling and the arguments are
 * what its schema takes, so a misspelt command or argument fails the build. Only the Console
 * panel, which runs whatever the operator picked or typed, uses the untyped `runConsoleText`;
 * the host checks those arguments as it checks every command's.
 */
import type { ConsoleArgs, ConsoleCommandName } from '../../../shared/contract/console-commands'
import type { ConsoleResult } from '../../../shared/contract/dto/console'
import type { AppError } from '../../../shared/result'
import type { TownletClient } from '../api/townlet-client'
import { localErrorResult } from '../stores/console-state'
import type { Stores } from '../stores/stores'

/** The console requests, routed into the console store; `clock` is injectable for tests. */
export function createConsoleCommands(client: TownletClient, stores: Stores, clock: () => number = Date.now) {
  let counter = 0

  /** A cmd_id no other run from this window has used: `ui-<timestamp>-<n>`. */
  function nextCmdId(): string {
    counter += 1
    return `ui-${clock()}-${counter}`
  }

  async function refreshConsole(): Promise<void> {
    const [session, commands] = await Promise.all([client.invoke('console.session', {}), client.invoke('console.commands', {})])
    const store = stores.console.getState()
    if (session.ok) store.setSession(session.value)
    if (commands.ok) store.setCommands(commands.value)
    const failed = !session.ok ? session.error : !commands.ok ? commands.error : null
    store.setError(failed ? `${failed.code}: ${failed.message}` : null)
  }

  /** Runs contract command `name` with arguments its schema takes. */
  function runConsole<N extends ConsoleCommandName>(name: N, args: ConsoleArgs<N>, cmdId?: string): Promise<ConsoleResult> {
    return runConsoleText(name, args as Record<string, unknown>, cmdId)
  }

  /** Runs a command the operator named (the Console panel): the host checks name and arguments. */
  async function runConsoleText(name: string, args: Record<string, unknown>, cmdId?: string): Promise<ConsoleResult> {
    const cmd_id = cmdId?.trim() ? cmdId.trim() : nextCmdId()
    const reply = await client.invoke('console.run', { name, args, cmd_id })
    const role = stores.console.getState().session?.role ?? 'viewer'
    const result = reply.ok ? reply.value : localErrorResult({ name, cmd_id }, reply.error, role, stores.observer.getState().tick)
    stores.console.getState().addResult(result, args, clock())
    return result
  }

  /** Presents the admin token (null: back to viewer); answers the error when refused. */
  async function authConsole(token: string | null): Promise<AppError | null> {
    const reply = await client.invoke('console.auth', { token })
    if (!reply.ok) return reply.error
    stores.console.getState().setSession(reply.value)
    return null
  }

  return { refreshConsole, runConsole, runConsoleText, authConsole, nextCmdId }
}
