import { describe, expect, it } from 'vitest'
import { classifyRngText } from './legacy-rng'
import { looksLegacy, parseLegacyDocument } from './parse-legacy'
import { BARE_FIXTURE, ENVELOPE_FIXTURE, readFixture } from './testing/legacy-fixtures'

const minimal = (state: Record<string, unknown>) => ({ schema_version: '1.6', state: { config_id: 'v1', tick: 5, agents: {}, ...state } })
const agent = { position: [1, 1], needs: { hunger: 0.5 }, wallet: 1 }

function errorOf(doc: unknown) {
  const parsed = parseLegacyDocument(doc)
  if (parsed.ok) throw new Error('expected a refusal')
  return parsed.error
}

describe('parseLegacyDocument', () => {
  it('reads the 1.6 envelope and the bare 1.x state', () => {
    const envelope = parseLegacyDocument(readFixture(ENVELOPE_FIXTURE))
    expect(envelope.ok && { form: envelope.value.form, version: envelope.value.schemaVersion, agents: envelope.value.state.agents.length }).toEqual({ form: 'envelope', version: '1.6', agents: 6 })
    const bare = parseLegacyDocument(readFixture(BARE_FIXTURE))
    expect(bare.ok && { form: bare.value.form, version: bare.value.schemaVersion, unknown: bare.value.unknownKeys }).toEqual({ form: 'bare', version: null, unknown: ['narrations'] })
    // A bare agent without agent_id takes its key.
    expect(bare.ok && bare.value.state.agents.map((a) => a.agent_id)).toContain('finn')
  })

  it('takes agents as a list, positions as {x, y}, and clamps nothing yet', () => {
    const parsed = parseLegacyDocument(minimal({ agents: [{ ...agent, agent_id: 'ann', position: { x: 2.4, y: -3 }, needs: { hunger: 1.3 } }] }))
    expect(parsed.ok && parsed.value.state.agents[0]).toMatchObject({ agent_id: 'ann', position: [2, -3], needs: { hunger: 1.3 } })
  })

  it('refuses what is no legacy document with snapshot.schema_mismatch', () => {
    for (const doc of [null, 42, 'text', [], {}, { schema_version: '2.0', state: {} }, { schema_version: 1.6, state: {} }, { schema_version: '10.1', state: {} }]) {
      expect(errorOf(doc).code).toBe('snapshot.schema_mismatch')
    }
    expect(looksLegacy({ schema_version: '2.0', identity: {}, state: {} })).toBe(false)
    expect(looksLegacy(readFixture(ENVELOPE_FIXTURE))).toBe(true)
    expect(looksLegacy(readFixture(BARE_FIXTURE))).toBe(true)
  })

  it('refuses a broken 1.x document with snapshot.invalid, naming the path', () => {
    expect(errorOf({ schema_version: '1.6', state: 'x' }).code).toBe('snapshot.invalid')
    const keyed = errorOf(minimal({ agents: { ann: { ...agent, agent_id: 'bob' } } }))
    expect(keyed).toMatchObject({ code: 'snapshot.invalid' })
    expect(keyed.message).toMatch(/keyed under another id/)
    const tick = errorOf(minimal({ tick: 1e15 }))
    expect(tick.details?.issues[0]?.path).toBe('tick')
    const nan = errorOf(minimal({ agents: { ann: { ...agent, wallet: Number.NaN } } }))
    expect(nan.details?.issues[0]?.path).toBe('agents.ann.wallet')
    expect(errorOf(minimal({ config_id: '   ' })).details?.issues[0]?.path).toBe('config_id')
    expect(errorOf(minimal({ agents: [{ ...agent, agent_id: 'a' }, { ...agent, agent_id: 'a' }] })).message).toMatch(/twice/)
  })

  it('bounds counts before it reads the entries', () => {
    const agents: Record<string, unknown> = {}
    for (let i = 0; i <= 100_000; i++) agents[`a${i}`] = 0
    const started = performance.now()
    const error = errorOf(minimal({ agents }))
    expect(error.code).toBe('snapshot.invalid')
    expect(error.message).toMatch(/at most 100000/)
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('quotes no document contents in its messages beyond short escaped paths', () => {
    const key = `x${'\u001b[31m'.repeat(200)}`
    const error = errorOf(minimal({ agents: { [key]: { ...agent, wallet: 'lots' } } }))
    expect(JSON.stringify(error).length).toBeLessThan(1500)
    expect(JSON.stringify(error)).not.toContain('\u001b')
  })
})

describe('classifyRngText', () => {
  const state = JSON.stringify({ v: 3, s: [...Array.from({ length: 624 }, (_, i) => i * 7919), 624], g: null })
  it('tells the encodings apart', () => {
    expect(classifyRngText('world', state)).toBe('mt19937_json')
    expect(classifyRngText('world', btoa('\u0080\u0004\u0095random state'))).toBe('pickle_base64')
    expect(classifyRngText('context_seed', '424242')).toBe('seed')
    expect(classifyRngText('world', '{"v":3,"s":[1,2]}')).toBe('unreadable')
    expect(classifyRngText('world', 'not base64 at all!')).toBe('unreadable')
    expect(classifyRngText('world', '{broken')).toBe('unreadable')
  })
})
