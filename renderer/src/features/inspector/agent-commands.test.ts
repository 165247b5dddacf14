import { describe, expect, it } from 'vitest'
import { sampleConsoleResult } from '../../../../shared/testing/contract-samples'
import type { ConsoleEntry } from '../../stores/console-state'
import { aimedAt, commandsForAgent } from './agent-commands'

function entry(name: string, at: number, args?: Record<string, unknown>, result: unknown = {}): ConsoleEntry {
  return { result: sampleConsoleResult({ cmd_id: `${name}-${at}`, name, result }), at, ...(args ? { args } : {}) }
}

describe('commands aimed at an agent', () => {
  it('counts commands whose arguments name it, not a town-wide snapshot that lists everyone', () => {
    expect(aimedAt(entry('setneed', 1, { agent: 'alice', need: 'hunger', value: 0.5 }), 'alice')).toBe(true)
    expect(aimedAt(entry('force_chat', 1, { agents: ['bob', 'alice'] }), 'alice')).toBe(true)
    expect(aimedAt(entry('telemetry_snapshot', 1, {}, { agents: [{ agent_id: 'alice' }, { agent_id: 'bob' }] }), 'alice')).toBe(false)
    expect(aimedAt(entry('setneed', 1, { agent: 'alicia' }), 'alice')).toBe(false)
  })

  it("reads another window's command (no arguments known) from the result's target", () => {
    expect(aimedAt(entry('teleport', 1, undefined, { agent_id: 'alice', x: 1, y: 2 }), 'alice')).toBe(true)
    expect(aimedAt(entry('telemetry_snapshot', 1, undefined, { agents: ['alice'] }), 'alice')).toBe(false)
    expect(aimedAt(entry('help', 1, undefined, 'alice'), 'alice')).toBe(false)
  })

  it('drops commands from before the current config loaded', () => {
    const entries = [entry('kill', 300, { agent: 'alice' }), entry('setneed', 100, { agent: 'alice' })]
    expect(commandsForAgent(entries, 'alice', 200).map((e) => e.result.name)).toEqual(['kill'])
    expect(commandsForAgent(entries, 'alice', null)).toHaveLength(2)
  })
})
