/**
 * The contract's command table and the host's runs agree: exactly one `run` per descriptor, no
 * `run` without one, each registered command is its descriptor (same role, flag, help, schema),
 * and the older spellings resolve at the registry, and only there.
 */
import { describe, expect, it } from 'vitest'
import { CONSOLE_COMMAND_ALIASES, CONSOLE_COMMAND_DESCRIPTORS, CONSOLE_COMMAND_NAMES } from '../../shared/contract/console-commands'
import { findAgent } from '../sim/state/agent-store'
import { defineCommand, now } from './command'
import { CommandRegistry, defaultCommandRegistry } from './command-registry'
import { COMMAND_RUNS, CONSOLE_COMMANDS } from './commands'
import { consoleTown } from './testing/console-town'
import { z } from 'zod'

describe('descriptors ⇄ runs', () => {
  it('has exactly one run per descriptor and no run without a descriptor', () => {
    const runs = Object.keys(COMMAND_RUNS).sort()
    const descriptors = Object.keys(CONSOLE_COMMAND_DESCRIPTORS).sort()
    expect(runs).toEqual(descriptors)
    for (const name of runs) expect(typeof COMMAND_RUNS[name as keyof typeof COMMAND_RUNS], name).toBe('function')
    // Each run is used once: two names sharing one run would be a copy-paste slip.
    expect(new Set(Object.values(COMMAND_RUNS)).size).toBe(runs.length)
  })

  it('files every descriptor under its own name', () => {
    for (const [key, descriptor] of Object.entries(CONSOLE_COMMAND_DESCRIPTORS)) expect(descriptor.name).toBe(key)
  })

  it('registers each descriptor as it is, with its run, in the contract order', () => {
    expect(CONSOLE_COMMANDS.map((c) => c.name)).toEqual(CONSOLE_COMMAND_NAMES)
    for (const command of CONSOLE_COMMANDS) {
      const descriptor = CONSOLE_COMMAND_DESCRIPTORS[command.name as keyof typeof CONSOLE_COMMAND_DESCRIPTORS]
      expect({ role: command.role, destructive: command.destructive, help: command.help }).toEqual({ role: descriptor.role, destructive: descriptor.destructive, help: descriptor.help })
      expect(command.args).toBe(descriptor.args)
      expect(command.run).toBe(COMMAND_RUNS[command.name as keyof typeof COMMAND_RUNS])
    }
    expect(defaultCommandRegistry().names()).toEqual(CONSOLE_COMMAND_NAMES)
  })
})

describe('aliases: one spelling per command, older ones resolved at the registry', () => {
  it('resolves each alias to a command and never lists it', () => {
    const registry = defaultCommandRegistry()
    for (const [alias, target] of Object.entries(CONSOLE_COMMAND_ALIASES)) {
      expect(registry.resolve(alias)).toBe(target)
      expect(registry.get(alias)?.name).toBe(target)
      expect(registry.names()).not.toContain(alias)
    }
    expect(registry.resolve('setneed')).toBe('setneed')
    expect(registry.resolve('constructor')).toBeUndefined()
    expect(registry.resolve('set_nede')).toBeUndefined()
    expect(registry.aliasTable()).toEqual(CONSOLE_COMMAND_ALIASES)
  })

  it('runs a command sent under an alias as that command: its name, its role, its cmd_id', () => {
    const t = consoleTown()
    const viaAlias = t.send('set_need', { agent: 'alice', need: 'hunger', value: 0.25 }, 'n1')
    expect(viaAlias).toMatchObject({ status: 'queued', name: 'setneed' })
    // The same cmd_id under the command's own name is a retry of the same command, not a conflict.
    expect(t.send('setneed', { agent: 'alice', need: 'hunger', value: 0.25 }, 'n1')).toMatchObject({ status: 'queued', name: 'setneed', replayed: true })
    expect(t.send('set_utility', { utility: 'water', on: false }, undefined, 'viewer')).toMatchObject({ status: 'error', name: 'utility', error: { code: 'console.forbidden' } })
    expect(t.send('set_utility', { utility: 'water', on: false })).toMatchObject({ status: 'error', error: { code: 'console.cmd_id_required' } })
    t.sim.step()
    expect(t.finals).toEqual([expect.objectContaining({ cmd_id: 'n1', name: 'setneed', status: 'ok' })])
    const alice = findAgent(t.world.state.agents, 'alice')
    expect(t.world.state.agents.cols.hunger[alice]).toBeCloseTo(0.25)
  })

  it('refuses an alias that is malformed, shadows a command or names nothing', () => {
    const one = defineCommand({ name: 'one', role: 'viewer', destructive: false, help: 'one', args: z.object({}).strict(), run: () => now({}) })
    expect(() => new CommandRegistry([one], { One: 'one' })).toThrow(/alias "One" must be lowercase/)
    expect(() => new CommandRegistry([one], { one: 'one' })).toThrow(/also a command's name/)
    expect(() => new CommandRegistry([one], { two: 'three' })).toThrow(/names "three", which is not a command/)
    expect(new CommandRegistry([one], { uno: 'one' }).info('uno')?.name).toBe('one')
  })
})
