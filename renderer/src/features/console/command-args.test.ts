import { describe, expect, it } from 'vitest'
import { sampleConsoleResult } from '../../../../shared/testing/contract-samples'
import { argKind, buildArgs, parseRawArgs } from './command-args'
import { resultSummary } from './result-text'

const arg = (name: string, type: string, required = false) => ({ name, type, required, help: '' })

describe('command args', () => {
  it('picks an input kind from the declared type', () => {
    expect(argKind('number')).toBe('number')
    expect(argKind('int')).toBe('number')
    expect(argKind('boolean')).toBe('boolean')
    expect(argKind('string[]')).toBe('json')
    expect(argKind('object')).toBe('json')
    expect(argKind('string')).toBe('text')
    expect(argKind("'hunger' | 'hygiene'")).toBe('text')
  })

  it('builds args from the form, typed, leaving out empty optional ones', () => {
    const args = [arg('agent', 'string', true), arg('value', 'number', true), arg('on', 'boolean'), arg('needs', 'object'), arg('reason', 'string')]
    expect(buildArgs(args, { agent: ' alice ', value: '0.5', on: 'true', needs: '{"hunger":1}', reason: '' })).toEqual({
      ok: true,
      args: { agent: 'alice', value: 0.5, on: true, needs: { hunger: 1 } }
    })
  })

  it('says what is wrong with a form', () => {
    const args = [arg('agent', 'string', true), arg('value', 'number')]
    expect(buildArgs(args, {})).toEqual({ ok: false, error: 'agent is required' })
    expect(buildArgs(args, { agent: 'a', value: 'x' })).toEqual({ ok: false, error: 'value must be a number' })
    expect(buildArgs([arg('on', 'bool')], { on: 'yes' })).toEqual({ ok: false, error: 'on must be true or false' })
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
    expect(resultSummary(sampleConsoleResult({ status: 'queued', tick: 7 })).message).toBe('applies after tick 7')
    expect(resultSummary(sampleConsoleResult({ result: { agent_id: 'alice', killed: true } })).message).toBe('{"agent_id":"alice","killed":true}')
    expect(resultSummary(sampleConsoleResult({ result: { text: 'x'.repeat(500) } })).message).toHaveLength(160)
  })
})
