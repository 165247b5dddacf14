/** The society's commands, in the order `help` lists them: two read-only views, then the admin's chat. */
import type { AnyCommand } from '../command'
import { conflictStatusCommand } from './conflict-status'
import { forceChatCommand } from './force-chat'
import { rivalryDumpCommand } from './rivalry-dump'

export const SOCIETY_COMMANDS: readonly AnyCommand[] = [conflictStatusCommand, rivalryDumpCommand, forceChatCommand] as AnyCommand[]
