import { describe, expect, it } from 'vitest'
import { sampleConsoleResult } from '../../../shared/testing/contract-samples'
import { localErrorResult, mentionsAgent, upsertResult } from './console-state'
import type { ConsoleEntry } from './console-state'
import { createConsoleStore } from './console-store'

const entry = (overrides: Parameters<typeof sampleConsoleResult>[0], args?: Record<string, unknown>): ConsoleEntry => ({
  result: sampleConsoleResult(overrides),
  at: 0,
  ...(args ? { args } : {})
})

describe('console results', () => {
  it('keeps results newest first, bounded', () => {
    let entries: ConsoleEntry[] = []
    for (let i = 0; i < 5; i++) entries = upsertResult(entries, entry({ cmd_id: `c${i}` }), 3)
    expect(entries.map((e) => e.result.cmd_id)).toEqual(['c4', 'c3', 'c2'])
  })

  it('replaces a queued result by its final one, in place, keeping the args sent', () => {
    let entries = upsertResult([], entry({ cmd_id: 'k', name: 'kill', status: 'queued' }, { agent: 'alice' }))
    entries = upsertResult(entries, entry({ cmd_id: 'other' }))
    entries = upsertResult(entries, entry({ cmd_id: 'k', name: 'kill', status: 'ok', tick: 3, result: { agent_id: 'alice', killed: true } }))
    expect(entries.map((e) => [e.result.cmd_id, e.result.status])).toEqual([
      ['other', 'ok'],
      ['k', 'ok']
    ])
    expect(entries[1]?.args).toEqual({ agent: 'alice' })
  })

  it('does not let a late queued reply overwrite the final result that overtook it', () => {
    let entries = upsertResult([], entry({ cmd_id: 'k', status: 'error', error: { code: 'console.not_found', message: 'gone' } }))
    entries = upsertResult(entries, entry({ cmd_id: 'k', status: 'queued' }, { agent: 'alice' }))
    expect(entries).toHaveLength(1)
    expect(entries[0]?.result.status).toBe('error')
    expect(entries[0]?.args).toEqual({ agent: 'alice' })
  })

  it('the store feeds replies and events through the same rule', () => {
    const store = createConsoleStore()
    store.getState().addResult(sampleConsoleResult({ cmd_id: 'ui-1', status: 'queued' }), { agent: 'bob' }, 1)
    store.getState().addResult(sampleConsoleResult({ cmd_id: 'ui-1', status: 'ok' }))
    expect(store.getState().results).toHaveLength(1)
    expect(store.getState().results[0]).toMatchObject({ at: 1, args: { agent: 'bob' }, result: { status: 'ok' } })
  })

  it('finds the commands that named an agent in their args or result', () => {
    expect(mentionsAgent(entry({}, { agent: 'alice' }), 'alice')).toBe(true)
    expect(mentionsAgent(entry({ result: { spawned: { agent_id: 'alice' } } }), 'alice')).toBe(true)
    expect(mentionsAgent(entry({ result: { agents: ['bob', 'alice'] } }), 'alice')).toBe(true)
    expect(mentionsAgent(entry({ result: { agent_id: 'alicia' } }, { value: 0.5 }), 'alice')).toBe(false)
  })

  it('turns a request the console never answered into an error row', () => {
    const row = localErrorResult({ name: 'kill', cmd_id: 'ui-9' }, { code: 'ipc.disconnected', message: 'lost' }, 'admin', 12)
    expect(row).toMatchObject({ cmd_id: 'ui-9', name: 'kill', status: 'error', tick: 12, role: 'admin', error: { code: 'ipc.disconnected', message: 'lost' } })
  })
})
