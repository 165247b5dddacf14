import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CHECK_LIMITS, StreamChecker, type CheckLimits } from './stream-check'
import { judgeMessage } from './stream-compat'
import { STREAM_MINOR } from './stream-schema'
import { SIM_EVENT_TYPES, type SimEventType } from '../../sim/events/event-map'
import { EVENT_SAMPLES } from '../../sim/events/testing/event-samples'

const narration = (v: string, extra: Record<string, unknown> = {}) => ({ schema_version: v, kind: 'narration', tick: 5, seq: 0, payload: { tick: 5, category: 'chat', priority: false, text: 'hi', agents: [], ...extra } })

function check(text: string | Uint8Array, limits: Partial<CheckLimits> = {}, chunk = 7) {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text
  const c = new StreamChecker({ ...DEFAULT_CHECK_LIMITS, ...limits })
  for (let i = 0; i < bytes.length && c.wantsMore; i += chunk) c.push(bytes.subarray(i, i + chunk))
  return c.end()
}

describe('judgeMessage: consumer compatibility', () => {
  it('1.0 is checked, a newer minor is fine (unknown kinds and fields too), a newer major warns, anything else is an error', () => {
    expect(judgeMessage(narration('1.0'))).toMatchObject({ level: 'ok', kind: 'narration' })
    expect(judgeMessage(narration('1.3', { mood: 'new field' }))).toMatchObject({ level: 'ok', kind: 'narration' })
    expect(judgeMessage({ ...narration('1.3'), kind: 'policy.swap' })).toMatchObject({ level: 'ok', kind: null })
    expect(judgeMessage({ ...narration('1.0'), kind: 'policy.swap' })).toMatchObject({ level: 'error', problem: expect.stringContaining('unknown kind') })
    expect(judgeMessage({ ...narration('2.0'), payload: 'anything' })).toMatchObject({ level: 'warning', problem: expect.stringContaining('newer major') })
    for (const v of ['0.9', '1', 'v1.0', '1.0.0', '', '01.0']) expect(judgeMessage(narration(v))).toMatchObject({ level: 'error', problem: expect.stringContaining('schema_version') })
    expect(judgeMessage({ ...narration('1.0'), payload: { tick: 'x' } })).toMatchObject({ level: 'error', problem: expect.stringMatching(/^narration: payload.tick: .*\(and 2 more\)$/) })
    expect(judgeMessage([1, 2])).toMatchObject({ level: 'error', problem: expect.stringContaining('not a stream message') })
  })

  it('never echoes a hostile kind or version verbatim', () => {
    const v = judgeMessage({ ...narration('1.0'), kind: `x\u001b[2J${'y'.repeat(5000)}` })
    expect(v.level).toBe('error')
    expect(JSON.stringify(v)).not.toContain('\u001b')
    expect(JSON.stringify(v).length).toBeLessThan(400)
  })
})

const engineEvent = (v: string, payload: Record<string, unknown>) => ({ schema_version: v, kind: 'engine.event', tick: 3, seq: 1, payload: { tick: 3, ...payload } })
/** This version, and a newer minor one. */
const NOW = `1.${STREAM_MINOR}`
const NEWER = `1.${STREAM_MINOR + 1}`
const sample = <K extends SimEventType>(type: K) => ({ type, ...EVENT_SAMPLES[type] })

describe('judgeMessage: engine events against the engine vocabulary', () => {
  it('passes every known type with its fields (property: whatever the sample, through JSON)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SIM_EVENT_TYPES), (type) => {
        expect(judgeMessage(JSON.parse(JSON.stringify(engineEvent(NOW, sample(type)))))).toMatchObject({ level: 'ok', kind: 'engine.event' })
      })
    )
  })

  it('refuses a renamed, missing, mistyped or extra field at this version, naming it; a newer minor ignores extra fields but not wrong ones', () => {
    const { agent_id: _id, ...renamed } = sample('agent_exit')
    expect(judgeMessage(engineEvent(NOW, { ...renamed, agent: 'ann' }))).toMatchObject({ level: 'error', problem: expect.stringMatching(/^engine\.event: payload\.agent_id: agent_exit: .*; payload: agent_exit: .*"agent"/) })
    expect(judgeMessage(engineEvent(NOW, { ...sample('queue_conflict'), reason: 'shove' }))).toMatchObject({ level: 'error', problem: expect.stringContaining('payload.reason') })
    expect(judgeMessage(engineEvent(NOW, { ...sample('job_late'), mood: 'grim' }))).toMatchObject({ level: 'error' })
    expect(judgeMessage(engineEvent(NEWER, { ...sample('job_late'), mood: 'grim' }))).toMatchObject({ level: 'ok', kind: 'engine.event' })
    expect(judgeMessage(engineEvent(NEWER, { ...sample('job_late'), penalty: 'lots' }))).toMatchObject({ level: 'error', problem: expect.stringContaining('payload.penalty') })
    const result = { type: 'console.result', cmd_id: null, op: 'kill', status: 'error', code: 'console.not_found', message: 'gone' }
    expect(judgeMessage(engineEvent(NOW, result))).toMatchObject({ level: 'ok' })
    expect(judgeMessage(engineEvent(NOW, { ...result, status: 'ok' }))).toMatchObject({ level: 'error' })
  })

  it('an unknown type is an error at this version, fine at a newer minor, unread at a newer major', () => {
    expect(judgeMessage(engineEvent(NOW, { type: 'agent_levitated', agent_id: 'ann' }))).toMatchObject({ level: 'error', problem: expect.stringContaining('unknown event type "agent_levitated"') })
    expect(judgeMessage(engineEvent(NEWER, { type: 'agent_levitated', agent_id: 'ann' }))).toMatchObject({ level: 'ok', kind: 'engine.event' })
    expect(judgeMessage(engineEvent('2.0', { type: 'agent_exit' }))).toMatchObject({ level: 'warning' })
  })

  it('the checker reports a drifted engine event with its line number', () => {
    const lines = [engineEvent(NOW, sample('chat_success')), engineEvent(NOW, { ...sample('chat_success'), quality: 'warm' })].map((m, i) => JSON.stringify({ stream_offset: i, message: m }))
    const r = check(`${lines.join('\n')}\n`)
    expect(r).toMatchObject({ ok: false, messages: 1, errors: 1, problems: [{ line: 2, level: 'error', message: expect.stringContaining('payload.quality') }] })
  })
})

describe('StreamChecker', () => {
  const good = `${JSON.stringify({ stream_offset: 4, message: narration('1.0') })}\n${JSON.stringify({ stream_offset: 7, message: narration('1.0') })}\n`

  it('counts offsets that skip as missing and gives line numbers', () => {
    const r = check(`${good}\n{"stream_offset":-1,"message":{}}\n`)
    expect(r).toMatchObject({ ok: false, lines: 4, messages: 2, offsets: { first: 4, last: 7, missing: 2 } })
    expect(r.problems).toEqual([
      { line: 3, level: 'warning', message: expect.stringContaining('empty line') },
      { line: 4, level: 'error', message: expect.stringContaining('stream_offset') }
    ])
  })

  it('stops at its bounds and says the check is incomplete', () => {
    expect(check(good.repeat(3), { maxLines: 2 })).toMatchObject({ ok: false, complete: false, lines: 2, errors: 1 })
    expect(check(good, { maxBytes: 10 })).toMatchObject({ ok: false, complete: false, bytes: 10, lines: 0 })
    const long = check(`${JSON.stringify(narration('1.0', { text: 'x'.repeat(5000) }))}\n${JSON.stringify(narration('1.0'))}\n`, { maxLineBytes: 1000 })
    expect(long).toMatchObject({ lines: 2, messages: 1, problems: [{ line: 1, message: expect.stringContaining('longer than 1000 bytes') }] })
    const deep = check(`${'['.repeat(200)}${']'.repeat(200)}\n`)
    expect(deep.problems[0]!.message).toContain('nests deeper')
    const many = check('x\n'.repeat(100), { maxProblems: 5 })
    expect(many).toMatchObject({ errors: 100, problems: expect.any(Array) })
    expect(many.problems).toHaveLength(5)
  })

  it('never throws on random bytes, and the report is the same however the bytes are chunked', () => {
    const piece = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.constantFrom(good, '\n', '{"stream_offset":1,"message":', '"schema_version":"1.0"', '\u00ff\ud800', '[[[[', '\r\n').map((s) => Buffer.from(s)))
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.integer({ min: 1, max: 64 }), (pieces, chunk) => {
        const bytes = Buffer.concat(pieces)
        const a = check(bytes, { maxProblems: 50 }, chunk)
        const b = check(bytes, { maxProblems: 50 }, bytes.length + 1)
        expect(a).toEqual(b)
        expect(a.errors + a.warnings).toBeGreaterThanOrEqual(a.problems.length)
        expect(a.lines).toBeLessThanOrEqual(bytes.filter((x) => x === 10).length + 1)
        expect(a.ok).toBe(a.errors === 0)
      }),
      { numRuns: 300 }
    )
  })
})
