/**
 * The operator console: this session's role (decided by the host), the command list and the
 * results of commands, from `console.run` replies and `console.result` events alike.
 */
import { createStore } from 'zustand/vanilla'
import type { CommandInfo, ConsoleResult, ConsoleSession } from '../../../shared/contract/dto/console'
import { upsertResult } from './console-state'
import type { ConsoleEntry } from './console-state'

export interface ConsoleStore {
  /** Null until `console.session` answers; the UI treats that as viewer. */
  session: ConsoleSession | null
  commands: CommandInfo[]
  results: ConsoleEntry[]
  /** Why the session or the command list could not be fetched (an older host, a lost link). */
  error: string | null
  setSession(session: ConsoleSession): void
  setCommands(commands: CommandInfo[]): void
  addResult(result: ConsoleResult, args?: Record<string, unknown>, now?: number): void
  setError(error: string | null): void
}

/** A console store with no session, commands or results yet. */
export function createConsoleStore() {
  return createStore<ConsoleStore>()((set) => ({
    session: null,
    commands: [],
    results: [],
    error: null,
    setSession: (session) => set({ session }),
    setCommands: (commands) => set({ commands }),
    addResult: (result, args, now = Date.now()) =>
      set((s) => ({ results: upsertResult(s.results, { result, at: now, ...(args ? { args } : {}) }) })),
    setError: (error) => set({ error })
  }))
}
