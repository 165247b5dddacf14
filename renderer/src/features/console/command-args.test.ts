import { describe, expect, it } from 'vitest'
import { sampleConsoleResult } from '../../../../shared/testing/contract-samples'
import type { ArgInfo } from './command-args'
import { argField, buildArgs, kindFromType, parseBoolean, parseRawArgs } from './command-args'
import { resultSummary } from './result-text'

const arg = (name: string, type: string, required = false, extra: Partial<ArgInfo> = {}): ArgInfo => ({ name, type, required, help: '', ...extra })

describe('command args', () => {
  it('reads an older host’s kind from the type words, as the host writes them', () => {
    expect(kindFromType('number')).toBe('number')
    expect(kindFromType('a number from 0 to 1')).toBe('number')
    expect(kindFromType('int')).toBe('integer')
    expect(kindFromType('a whole number ≥ 1')).toBe('integer')
    expect(kindFromType('boolean')).toBe('boolean')
    // What describe-schema writes for z.boolean(): this used to be a text field, so "false" went as a string.
    expect(kindFromType('true or false')).toBe('boolean')
    expect(kindFromType('string[]')).toBe('json')
    expect(kindFromType('a list of 1 to 3 items, each a string')).toBe('json')
    expect(kindFromType('object')).toBe('json')
    expect(kindFromType('a string of 1 to 64 characters')).toBe('text')
    expect(kindFromType('one of "power", "water"')).toBe('enum')
    expect(argField(arg('utility', 'one of "power", "water"'))).toEqual({ kind: 'enum', choices: ['power', 'water'] })
  })

  it('takes the host’s kind and choices when it sends them', () => {
    expect(argField(arg('on', 'true or false', true, { kind: 'boolean' }))).toEqual({ kind: 'boolean', choices: [] })
    expect(argField(arg('need', 'x', true, { kind: 'enum', choices: ['hunger', 'energy'] }))).toEqual({ kind: 'enum', choices: ['hunger', 'energy'] })
    // An enum with no choices would be a select of nothing: a text field instead.
    expect(argField(arg('need', 'x', true, { kind: 'enum' })).kind).toBe('text')
  })

  it('reads booleans as true/false, on/off or yes/no in any case', () => {
    for (const word of ['true', 'TRUE', 'On', 'yes', ' Yes ']) expect(parseBoolean(word), word).toBe(true)
    for (const word of ['false', 'False', 'OFF', 'no', 'No']) expect(parseBoolean(word), word).toBe(false)
    for (const word of ['', '1', 'nope', 'truthy']) expect(parseBoolean(word), word).toBeNull()
    const on = [arg('on', 'true or false', true)]
    expect(buildArgs(on, { on: 'false' })).toEqual({ ok: true, args: { on: false } })
    expect(buildArgs(on, { on: 'Off' })).toEqual({ ok: true, args: { on: false } })
    expect(buildArgs(on, { on: 'YES' })).toEqual({ ok: true, args: { on: true } })
    expect(buildArgs(on, { on: 'maybe' })).toEqual({ ok: false, error: 'on must be true or false (on/off, yes/no)' })
  })

  it('builds args from the form, typed, leaving out empty optional ones', () => {
    const args = [arg('agent', 'string', true), arg('value', 'number', true), arg('on', 'boolean'), arg('needs', 'object'), arg('reason', 'string')]
    expect(buildArgs(args, { agent: ' alice ', value: '0.5', on: 'true', needs: '{"hunger":1}', reason: '' })).toEqual({
      ok: true,
      args: { agent: 'alice', value: 0.5, on: true, needs: { hunger: 1 } }
    })
  })

  it('says what is wrong with a form: missing, not a number, out of range, not whole, not a choice, not JSON', () => {
    const args = [arg('agent', 'string', true), arg('value', 'number')]
    expect(buildArgs(args, {})).toEqual({ ok: false, error: 'agent is required' })
    expect(buildArgs(args, { agent: 'a', value: 'x' })).toEqual({ ok: false, error: 'value must be a number' })
    expect(buildArgs([arg('value', 'a number from 0 to 1', true, { kind: 'number', min: 0, max: 1 })], { value: '1.5' })).toEqual({ ok: false, error: 'value must be from 0 to 1, got 1.5' })
    expect(buildArgs([arg('x', 'a whole number', true, { kind: 'integer' })], { x: '2.5' })).toEqual({ ok: false, error: 'x must be a whole number' })
    expect(buildArgs([arg('utility', 'one of "power", "water"', true)], { utility: 'gas' })).toEqual({ ok: false, error: 'utility must be one of power, water' })
    expect(buildArgs([arg('needs', 'object')], { needs: '{' })).toEqual({ ok: false, error: 'needs must be JSON' })
  })

  it('takes raw JSON objects only', () => {
    expect(parseRawArgs('')).toEqual({ ok: true, args: {} })
    expect(parseRawArgs('{"agent":"alice"}')).toEqual({ ok: true, args: { agent: 'alice' } })
    expect(parseRawArgs('[1]')).toMatchObject({ ok: false })
    expect(parseRawArgs('{nope')).toMatchObject({ ok: false, error: expect.stringContaining('not JSON') as unknown })
  })
})

describe('resultSummary', () => {
  it('shows errors by code and message, queued by tick, ok by its payload', () => {
    expect(resultSummary(sampleConsoleResult({ status: 'error', error: { code: 'console.forbidden', message: 'admin required' } }))).toEqual({
      status: 'error',
      code: 'console.forbidden',
      message: 'admin required'
    })
    expect(resultSummary(sampleConsoleResult({ status: 'queued', tick: 7 })).message).toBe('applies at tick 7')
    expect(resultSummary(sampleConsoleResult({ result: { agent_id: 'alice', killed: true } })).message).toBe('{"agent_id":"alice","killed":true}')
    expect(resultSummary(sampleConsoleResult({ result: { text: 'x'.repeat(500) } })).message).toHaveLength(160)
  })

  it('says a command queued while the clock stands waits for Resume or Step', () => {
    const queued = sampleConsoleResult({ status: 'queued', tick: 8 })
    expect(resultSummary(queued, { state: 'paused', tick: 7 }).message).toBe('queued while paused: waits for Resume or Step (applies at tick 8)')
    expect(resultSummary(queued, { state: 'idle', tick: 7 }).message).toBe('queued: waits for Start or Step (applies at tick 8)')
    expect(resultSummary(queued, { state: 'running', tick: 7 }).message).toBe('applies at tick 8')
    // Work outside the tick (a model loading) carries the current tick and does not wait for the clock.
    expect(resultSummary(sampleConsoleResult({ status: 'queued', tick: 7 }), { state: 'paused', tick: 7 }).message).toBe('in progress: the final result follows')
  })
})
