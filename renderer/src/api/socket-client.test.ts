import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeSocket } from '../testing/fake-socket'
import { sampleFrame, sampleStatus } from '../../../shared/testing/contract-samples'
import { createSocketTransport, TOKEN_REFUSED_DETAIL } from './socket-transport'
import type { ConnectionInfo, TownletClient } from './townlet-client'
import { createTypedClient } from './typed-client'

let timers: Array<{ fn: () => void; ms: number }>
let client: TownletClient
let states: ConnectionInfo[]

beforeEach(() => {
  FakeSocket.instances = []
  timers = []
  states = []
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  client = createTypedClient(
    createSocketTransport({
      url: 'ws://127.0.0.1:1/ws?token=t',
      createSocket: (url) => new FakeSocket(url),
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: () => {}
    })
  )
  client.onConnection((info) => states.push(info))
})

afterEach(() => {
  client.dispose()
  vi.restoreAllMocks()
})

function reply(socket: FakeSocket, id: number, result: unknown): void {
  socket.serverSend({ type: 'reply', id, result })
}

describe('socket client', () => {
  it('reports connecting, then connected', () => {
    expect(states.map((s) => s.state)).toEqual(['connecting'])
    FakeSocket.latest().serverOpen()
    expect(states.map((s) => s.state)).toEqual(['connecting', 'connected'])
  })

  it('matches replies to requests by id, whatever their order', async () => {
    const socket = FakeSocket.latest()
    socket.serverOpen()
    const first = client.invoke('shard.status', {})
    const second = client.invoke('shard.step', { ticks: 5 })
    expect(socket.sent).toEqual([
      { type: 'invoke', id: socket.requestId(0), channel: 'shard.status', payload: {} },
      { type: 'invoke', id: socket.requestId(1), channel: 'shard.step', payload: { ticks: 5 } }
    ])
    const stepped = { ...sampleStatus({ tick: 5, state: 'paused' }), stepped: { requested: 5, done: 5 } }
    reply(socket, socket.requestId(1), { ok: true, value: stepped })
    reply(socket, socket.requestId(0), { ok: true, value: sampleStatus({ tick: 0 }) })
    expect(await second).toEqual({ ok: true, value: stepped })
    expect(await first).toEqual({ ok: true, value: sampleStatus({ tick: 0 }) })
  })

  it('passes error envelopes through with their code and details', async () => {
    const socket = FakeSocket.latest()
    socket.serverOpen()
    const pending = client.invoke('config.load', { path: '/x.yaml' })
    const details = { source: '/x.yaml', issues: [{ path: 'runtime.tick_ms', line: 3, col: 12, message: 'too small' }] }
    reply(socket, socket.requestId(), { ok: false, error: { code: 'config.invalid', message: 'bad', details } })
    expect(await pending).toEqual({ ok: false, error: { code: 'config.invalid', message: 'bad', details } })
  })

  it('turns a reply that breaks the contract into ipc.invalid_response', async () => {
    const socket = FakeSocket.latest()
    socket.serverOpen()
    const pending = client.invoke('shard.status', {})
    reply(socket, socket.requestId(), { ok: true, value: { state: 'sideways' } })
    const result = await pending
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('ipc.invalid_response')
      expect(result.error.message).toContain('state')
    }
  })

  it('turns an unknown error code or a malformed envelope into ipc.invalid_response', async () => {
    const socket = FakeSocket.latest()
    socket.serverOpen()
    const unknownCode = client.invoke('shard.status', {})
    reply(socket, socket.requestId(0), { ok: false, error: { code: 'made.up', message: 'x' } })
    const malformed = client.invoke('shard.status', {})
    socket.serverSend({ type: 'reply', id: socket.requestId(1), result: 'nope' })
    expect(await unknownCode).toMatchObject({ ok: false, error: { code: 'ipc.invalid_response' } })
    expect(await malformed).toMatchObject({ ok: false, error: { code: 'ipc.invalid_response' } })
  })

  it('refuses an invalid request locally without sending it', async () => {
    const socket = FakeSocket.latest()
    socket.serverOpen()
    const result = await client.invoke('shard.step', { ticks: 0 })
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalid_payload' } })
    expect(socket.sent).toEqual([])
  })

  it('answers pending requests with ipc.disconnected when the socket drops, then reconnects', async () => {
    const socket = FakeSocket.latest()
    socket.serverOpen()
    const pending = client.invoke('shard.status', {})
    socket.serverClose(1006)
    expect(await pending).toMatchObject({ ok: false, error: { code: 'ipc.disconnected' } })
    expect(states[states.length - 1]?.state).toBe('disconnected')
    expect(timers).toHaveLength(1)
    timers[0]?.fn()
    expect(FakeSocket.instances).toHaveLength(2)
    FakeSocket.latest().serverOpen()
    expect(states[states.length - 1]?.state).toBe('connected')
  })

  it('backs off between failed attempts and resets after a success', () => {
    FakeSocket.latest().serverClose(1006)
    timers[0]?.fn()
    FakeSocket.latest().serverClose(1006)
    timers[1]?.fn()
    FakeSocket.latest().serverOpen()
    FakeSocket.latest().serverClose(1006)
    expect(timers.map((t) => t.ms)).toEqual([250, 500, 250])
  })

  it('answers ipc.disconnected at once while not connected', async () => {
    expect(await client.invoke('shard.status', {})).toMatchObject({ ok: false, error: { code: 'ipc.disconnected' } })
  })

  it('says clearly when the token is refused, and does not retry', () => {
    FakeSocket.latest().serverClose(4401, 'unauthorized')
    expect(states[states.length - 1]).toEqual({ state: 'disconnected', detail: TOKEN_REFUSED_DETAIL })
    expect(timers).toHaveLength(0)
  })

  it('does not retry a page the host refused for its origin or host name, and says why', () => {
    FakeSocket.latest().serverClose(4403, 'a page of another origin may not connect')
    expect(states[states.length - 1]).toMatchObject({ state: 'disconnected', detail: expect.stringContaining('another origin') })
    expect(timers).toHaveLength(0)
  })

  it('says the host has too many windows open, and tries again later', () => {
    FakeSocket.latest().serverClose(4429, 'at most 16 windows may be connected with this token')
    expect(states[states.length - 1]).toMatchObject({ state: 'disconnected', detail: expect.stringContaining('at most 16 windows') })
    expect(timers).toHaveLength(1)
  })

  it('dispatches valid events and drops invalid ones with a warning', () => {
    const socket = FakeSocket.latest()
    socket.serverOpen()
    const frames: unknown[] = []
    const off = client.on('shard.frame', (frame) => frames.push(frame.frame_seq))
    socket.serverSend({ type: 'event', channel: 'shard.frame', payload: sampleFrame(1) })
    socket.serverSend({ type: 'event', channel: 'shard.frame', payload: { ...sampleFrame(2), world: {} } })
    socket.serverSend({ type: 'event', channel: 'log.entry', payload: sampleFrame(3) })
    socket.serverSend('not json')
    expect(frames).toEqual([1])
    expect(console.warn).toHaveBeenCalledTimes(2)
    off()
    socket.serverSend({ type: 'event', channel: 'shard.frame', payload: sampleFrame(4) })
    expect(frames).toEqual([1])
  })

  it('keeps event subscriptions across a reconnect', () => {
    FakeSocket.latest().serverOpen()
    const seqs: number[] = []
    client.on('shard.frame', (frame) => seqs.push(frame.frame_seq))
    FakeSocket.latest().serverClose(1006)
    timers[0]?.fn()
    FakeSocket.latest().serverOpen()
    FakeSocket.latest().serverSend({ type: 'event', channel: 'shard.frame', payload: sampleFrame(0) })
    expect(seqs).toEqual([0])
  })
})
