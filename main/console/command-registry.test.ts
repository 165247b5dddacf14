import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineCommand, now } from './command'
import { CommandRegistry, defaultCommandRegistry } from './command-registry'
import { CONSOLE_COMMANDS } from './commands'

describe('command registry', () => {
  it('holds the built-in commands with their roles and destructive flags', () => {
    const roles = Object.fromEntries(defaultCommandRegistry().list().map((c) => [c.name, `${c.role}${c.destructive ? ' destructive' : ''}`]))
    expect(roles).toEqual({
      help: 'viewer',
      telemetry_snapshot: 'viewer',
      health_status: 'viewer',
      queue_inspect: 'viewer',
      debug_queues: 'viewer',
      spawn: 'admin',
      kill: 'admin destructive',
      teleport: 'admin',
      setneed: 'admin',
      set_wallet: 'admin',
      price: 'admin',
      utility: 'admin destructive',
      force_chat: 'admin',
      conflict_status: 'viewer',
      rivalry_dump: 'viewer',
      employment_status: 'viewer',
      employment_exit: 'admin destructive',
      perturbation_queue: 'viewer',
      perturbation_trigger: 'admin',
      perturbation_cancel: 'admin destructive',
      arrange_meet: 'admin',
      policy_status: 'viewer',
      policy_swap: 'admin',
      anneal_set: 'admin',
      possess: 'admin',
      release: 'admin',
      operator_act: 'admin',
      snapshot_save: 'admin',
      snapshot_list: 'viewer',
      snapshot_inspect: 'viewer',
      snapshot_validate: 'viewer',
      snapshot_migrate: 'admin',
      snapshot_load: 'admin destructive',
      snapshot_diff: 'viewer'
    })
  })

  it('describes every argument of every command', () => {
    for (const info of defaultCommandRegistry().list()) {
      expect(info.help, info.name).not.toBe('')
      for (const arg of info.args) {
        expect(arg.help, `${info.name}.${arg.name}`).not.toBe('')
        expect(arg.type, `${info.name}.${arg.name}`).not.toBe('a value')
      }
    }
  })

  it('refuses a command registered twice or with a malformed name', () => {
    const extra = defineCommand({ name: 'help', role: 'viewer', destructive: false, help: 'again', args: z.object({}).strict(), run: () => now({}) })
    expect(() => new CommandRegistry([...CONSOLE_COMMANDS, extra])).toThrow(/"help" is registered twice/)
    expect(() => new CommandRegistry([{ ...extra, name: 'Bad-Name' }])).toThrow(/lowercase/)
  })
})
