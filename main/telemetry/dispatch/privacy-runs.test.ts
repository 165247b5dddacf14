/**
 * Privacy mode over real runs: the default town streamed by the real emitter through the
 * dispatcher, three times with the same seed — once in the clear, twice private. The runs are
 * deterministic, so message i of each is the same message; pairing their strings shows what the
 * hashing did without trusting the code that did it.
 */
import { describe, expect, it } from 'vitest'
import { loadEmbeddedDefault } from '../../config/load-config'
import { DispatchBlockSchema } from '../../config/sections/telemetry-dispatch'
import { realScheduler } from '../../shard/scheduler'
import { Shard } from '../../shard/shard'
import { streamShard } from '../stream/shard-stream'
import type { StreamSink } from '../stream/stream-emitter'
import { TelemetryDispatcher } from './telemetry-dispatcher'

const TICKS = 1500

function run(privacy: boolean): { messages: unknown[]; ids: readonly string[] } {
  const shard = new Shard(loadEmbeddedDefault(), { scheduler: realScheduler })
  const messages: unknown[] = []
  const sink: StreamSink = {
    send: (m) => messages.push(JSON.parse(JSON.stringify(m))),
    setTick: () => undefined,
    status: () => ({ transports: [], connected: true, dropped_messages: 0, queued_bytes: 0, unencodable_messages: 0 })
  }
  const dispatcher = new TelemetryDispatcher({ sink, config: DispatchBlockSchema.parse({ privacy }), agentIds: () => shard.simulation.world.state.agents.ids })
  const stream = streamShard(shard, dispatcher)
  shard.step(TICKS)
  stream.finish()
  const ids = [...shard.simulation.world.state.agents.ids]
  shard.dispose()
  return { messages, ids }
}

/** Every string (keys too) with its place, in a fixed order. */
function strings(value: unknown, path: string, out: [string, string][]): void {
  if (typeof value === 'string') out.push([path, value])
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}.${i}`, out))
  else if (value !== null && typeof value === 'object') Object.entries(value).forEach(([k, v], i) => (out.push([`${path}#${i}`, k]), strings(v, `${path}#${i}`, out)))
}

const words = (s: string) => s.match(/[A-Za-z0-9_]+/g) ?? []

describe('privacy mode over two real runs of the default town', () => {
  it('hides every agent id, the same way all run long and differently in the next run', { timeout: 120_000 }, () => {
    const clear = run(false)
    const one = run(true)
    const two = run(true)
    const ids = new Set(clear.ids)
    expect(one.messages).toHaveLength(clear.messages.length)
    expect(two.messages).toHaveLength(clear.messages.length)

    const mapping = [new Map<string, string>(), new Map<string, string>()]
    let seen = 0
    clear.messages.forEach((m, i) => {
      const raw: [string, string][] = []
      strings(m, '', raw)
      ;[one, two].forEach((priv, r) => {
        const hidden: [string, string][] = []
        strings(priv.messages[i], '', hidden)
        expect(hidden.map(([p]) => p)).toEqual(raw.map(([p]) => p))
        raw.forEach(([, s], k) => {
          const h = hidden[k]![1]
          for (const w of words(h)) expect(ids.has(w), `agent id "${w}" in private message ${i}`).toBe(false)
          if (!ids.has(s)) return
          seen++
          expect(h).toMatch(/^a_[0-9a-f]{12}$/)
          // One agent, one hash, all run long.
          const before = mapping[r]!.get(s)
          if (before === undefined) mapping[r]!.set(s, h)
          else expect(h).toBe(before)
        })
      })
    })
    // The run talked about its agents, or this test proved nothing.
    expect(seen).toBeGreaterThan(100)
    expect(mapping[0]!.size).toBe(ids.size)
    // Different agents, different hashes; and another run, other hashes.
    expect(new Set(mapping[0]!.values()).size).toBe(mapping[0]!.size)
    for (const [id, h] of mapping[0]!) expect(mapping[1]!.get(id) ?? 'absent').not.toBe(h)
    // The text of narration lines was kept, with the names inside it hashed.
    const lines = one.messages.filter((m) => (m as { kind: string }).kind === 'narration') as { payload: { text: string } }[]
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.some((l) => /a_[0-9a-f]{12}/.test(l.payload.text))).toBe(true)
  })
})
