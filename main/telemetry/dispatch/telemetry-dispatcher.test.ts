import { describe, expect, it } from 'vitest'
import { DispatchBlockSchema } from '../../config/sections/telemetry-dispatch'
import type { StreamSink } from '../stream/stream-emitter'
import { STREAM_SCHEMA_VERSION, StreamMessageSchema } from '../stream/stream-schema'
import type { TelemetryPipeStatus } from '../transports/telemetry-pipe'
import type { DispatchedMessage } from './subscriber-registry'
import { TelemetryDispatcher, type TelemetryDispatcherOptions } from './telemetry-dispatcher'

const STATUS: TelemetryPipeStatus = { transports: [], connected: true, dropped_messages: 0, queued_bytes: 0, unencodable_messages: 0 }

function recordingSink() {
  const sent: DispatchedMessage[] = []
  const ticks: number[] = []
  const sink: StreamSink = { send: (m) => sent.push(JSON.parse(JSON.stringify(m)) as DispatchedMessage), setTick: (t) => ticks.push(t), status: () => STATUS }
  return { sink, sent, ticks }
}

function dispatcher(config: Record<string, unknown> = {}, extra: Partial<TelemetryDispatcherOptions> = {}) {
  const rec = recordingSink()
  const d = new TelemetryDispatcher({ sink: rec.sink, config: DispatchBlockSchema.parse(config), ...extra })
  return { d, ...rec }
}

let seq = 0
const msg = (kind: string, payload: unknown, tick = 1) => ({ schema_version: STREAM_SCHEMA_VERSION, kind, tick, seq: seq++, payload })
const event = (type: string, fields: Record<string, unknown> = {}, tick = 1) => msg('engine.event', { type, tick, ...fields }, tick)
const line = (text: string, agents: string[], tick = 1) => msg('narration', { tick, category: 'chat', priority: false, text, agents }, tick)

describe('TelemetryDispatcher', () => {
  it('passes every message on unchanged by default, numbering seq from 0 as messages leave', () => {
    const { d, sent, ticks } = dispatcher()
    seq = 40
    d.setTick(1)
    d.send(event('a'))
    d.send(line('hello', []))
    expect(ticks).toEqual([1])
    expect(sent.map((m) => [m.kind, m.seq])).toEqual([
      ['engine.event', 0],
      ['narration', 1]
    ])
    expect(sent[0]!.payload).toEqual({ type: 'a', tick: 1 })
    expect(d.status()).toBe(STATUS)
    expect(d.stats()).toMatchObject({ received: 2, sent: 2, filtered: 0, rejected: 0 })
  })

  it('isolates a throwing subscriber: counted, the others and the transports still get the message', () => {
    const { d, sent } = dispatcher()
    const heard: string[] = []
    d.subscribe(['engine.event'], () => {
      throw new Error('broken listener')
    })
    d.subscribe(['engine.event'], (m) => heard.push(`named:${(m.payload as { type: string }).type}`))
    d.subscribe('*', (m) => heard.push(`all:${m.kind}`))
    expect(() => {
      d.send(event('a'))
      d.send(line('x', []))
      d.send(event('b'))
    }).not.toThrow()
    expect(heard).toEqual(['named:a', 'all:engine.event', 'all:narration', 'named:b', 'all:engine.event'])
    expect(sent).toHaveLength(3)
    expect(d.stats().subscriber_errors).toBe(2)
  })

  it('unsubscribes (twice is harmless), even from inside a delivery; refuses unknown kinds and a send from a listener', () => {
    const { d, sent } = dispatcher()
    const heard: number[] = []
    const off: () => void = d.subscribe(['narration'], (m) => {
      heard.push(m.tick)
      off()
    })
    d.send(line('a', [], 1))
    d.send(line('b', [], 2))
    off()
    expect(heard).toEqual([1])
    expect(() => d.subscribe(['narrations'], () => undefined)).toThrow(/not a stream kind: "narrations"/)
    expect(() => d.subscribe([], () => undefined)).toThrow(/at least one kind/)
    d.subscribe(['engine.event'], () => d.send(line('loop', [])))
    d.send(event('a'))
    expect(sent.map((m) => m.kind)).toEqual(['narration', 'narration', 'engine.event'])
    expect(d.stats().rejected).toBe(1)
  })

  it('keeps excluded kinds and kinds not included from the transports, with no gap in seq; subscribers still hear them', () => {
    const { d, sent } = dispatcher({ exclude_kinds: ['narration'] })
    const heard: string[] = []
    d.subscribe(['narration'], (m) => heard.push(m.kind))
    d.send(event('a'))
    d.send(line('x', []))
    d.send(event('b'))
    expect(sent.map((m) => [m.kind, m.seq])).toEqual([
      ['engine.event', 0],
      ['engine.event', 1]
    ])
    expect(heard).toEqual(['narration'])
    expect(d.stats()).toMatchObject({ sent: 2, filtered: 1 })

    const only = dispatcher({ include_kinds: ['narration'] })
    only.d.send(event('a'))
    only.d.send(line('x', []))
    expect(only.sent.map((m) => m.kind)).toEqual(['narration'])
  })

  it('removes the configured fields for the transports only, never from the engine’s own objects', () => {
    const { d, sent } = dispatcher({ exclude_fields: ['engine.event:object_id', '*:agents', 'loop.health:transport.transports.*.target'] })
    const heard: unknown[] = []
    d.subscribe(['engine.event'], (m) => heard.push(m.payload))
    const e = event('queue_conflict', { object_id: 'fridge_1', actor: 'alice' })
    const original = structuredClone(e)
    d.send(e)
    d.send(line('x', ['alice']))
    d.send(msg('loop.health', { transport: { transports: [{ kind: 'file', target: '/home/me/out.jsonl', sent_messages: 3 }] } }))
    expect(e).toEqual(original)
    expect(heard).toEqual([{ type: 'queue_conflict', tick: 1, object_id: 'fridge_1', actor: 'alice' }])
    expect(sent.map((m) => m.payload)).toEqual([
      { type: 'queue_conflict', tick: 1, actor: 'alice' },
      { tick: 1, category: 'chat', priority: false, text: 'x' },
      { transport: { transports: [{ kind: 'file', sent_messages: 3 }] } }
    ])
  })

  it('strict mode drops and counts a message that breaks the schema; without it only a non-message is refused', () => {
    const bad = msg('narration', { tick: 'x' })
    const strict = dispatcher({ strict: true })
    strict.d.send(bad)
    strict.d.send(line('ok', []))
    expect(strict.sent.map((m) => m.kind)).toEqual(['narration'])
    expect(StreamMessageSchema.safeParse(strict.sent[0]).success).toBe(true)
    expect(strict.d.stats()).toMatchObject({ received: 2, sent: 1, rejected: 1 })

    const lax = dispatcher()
    lax.d.send(bad)
    for (const junk of [null, 'text', 7, { kind: 'narration' }, { schema_version: '1.1', kind: 3, tick: 1 }]) lax.d.send(junk)
    expect(lax.sent).toHaveLength(1)
    expect(lax.d.stats()).toMatchObject({ sent: 1, rejected: 5 })
  })

  it('builds an on-request kind only when asked, at its cadence, and counts a builder that throws', () => {
    let builds = 0
    const snapshot = () => {
      builds++
      return { agents: [] }
    }
    const quiet = dispatcher({ request_every_ticks: 2 }, { builders: { 'agent.snapshot': snapshot } })
    for (let t = 1; t <= 4; t++) quiet.d.setTick(t)
    expect(builds).toBe(0)
    quiet.d.subscribe('*', () => undefined)
    quiet.d.setTick(6)
    expect(builds).toBe(0)

    const heard: number[] = []
    const off = quiet.d.subscribe(['agent.snapshot'], (m) => heard.push(m.tick))
    for (let t = 7; t <= 10; t++) quiet.d.setTick(t)
    off()
    quiet.d.setTick(12)
    expect(heard).toEqual([8, 10])
    expect(builds).toBe(2)
    // A subscriber's request is not the transports' request: nothing went out.
    expect(quiet.sent).toEqual([])

    const asked = dispatcher({ request_kinds: ['agent.snapshot'], request_every_ticks: 3 }, { builders: { 'agent.snapshot': snapshot, observation: () => { throw new Error('no model') } } })
    asked.d.subscribe(['observation'], () => undefined)
    for (let t = 1; t <= 6; t++) asked.d.setTick(t)
    expect(asked.sent.map((m) => [m.kind, m.tick, m.seq])).toEqual([
      ['agent.snapshot', 3, 0],
      ['agent.snapshot', 6, 1]
    ])
    expect(StreamMessageSchema.parse(asked.sent[0])).toMatchObject({ schema_version: STREAM_SCHEMA_VERSION, payload: { agents: [] } })
    expect(asked.d.stats()).toMatchObject({ build_errors: 2, built: { 'agent.snapshot': 2, observation: 0 } })
  })

  it('in privacy mode, subscribers and transports see the same hashed ids; the message handed in is untouched', () => {
    const ids = ['alice', 'bob']
    const { d, sent } = dispatcher({ privacy: true }, { agentIds: () => ids, salt: Buffer.alloc(32, 1) })
    const heard: DispatchedMessage[] = []
    d.subscribe('*', (m) => heard.push(m))
    const m = line('alice and bob met', ['alice', 'bob'])
    d.send(m)
    const alice = d.hashOf('alice')!
    const bob = d.hashOf('bob')!
    expect(alice).toMatch(/^a_[0-9a-f]{12}$/)
    expect(sent[0]!.payload).toEqual({ tick: 1, category: 'chat', priority: false, text: `${alice} and ${bob} met`, agents: [alice, bob] })
    expect(heard[0]!.payload).toEqual(sent[0]!.payload)
    expect((m.payload as { agents: string[] }).agents).toEqual(['alice', 'bob'])
    // An agent who arrives later is known from the next tick on.
    ids.push('cara')
    d.setTick(2)
    d.send(event('agent_spawned', { agent_id: 'cara' }, 2))
    expect((sent[1]!.payload as { agent_id: string }).agent_id).toBe(d.hashOf('cara'))
    expect(() => new TelemetryDispatcher({ sink: recordingSink().sink, config: DispatchBlockSchema.parse({ privacy: true }) })).toThrow(/agentIds/)
  })
})
