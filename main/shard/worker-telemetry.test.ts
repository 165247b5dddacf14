/**
 * The worker's side of the app's stream: messages go to the host in batches, one in flight until
 * acked; a host that never acks costs at most the byte bound (oldest dropped, counted), and the
 * stream follows the shard when another town goes live.
 */
import { describe, expect, it } from 'vitest'
import { parseConfigText, type LoadedConfig } from '../config/load-config'
import { StreamMessageSchema } from '../telemetry/stream/stream-schema'
import { ManualScheduler } from './manual-scheduler'
import type { WorkerToHost } from './protocol'
import { Shard } from './shard'
import { WorkerTelemetry } from './worker-telemetry'

type Batch = Extract<WorkerToHost, { type: 'telemetry-batch' }>

function config(id: string): LoadedConfig {
  const loaded = parseConfigText(`config_id: ${id}\nseed: 3\n`, `${id}.yaml`)
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

async function setup(maxBytes: number) {
  const shard = new Shard(config('worker-telemetry'), { scheduler: new ManualScheduler() })
  const batches: Batch[] = []
  const telemetry = new WorkerTelemetry((b) => batches.push(b))
  telemetry.configure(shard, true, maxBytes)
  return { shard, batches, telemetry }
}

describe('WorkerTelemetry', () => {
  it('sends one batch per chunk of ticks, the next only once the host acked', async () => {
    const { shard, batches, telemetry } = await setup(4 * 1024 * 1024)
    await shard.stepTicks(120)
    await turn()
    expect(batches).toHaveLength(1)
    await shard.stepTicks(120)
    await turn()
    expect(batches).toHaveLength(1)
    telemetry.acked(shard)
    await turn()
    expect(batches).toHaveLength(2)
    const seqs = batches.flatMap((b) => b.lines.map((l) => StreamMessageSchema.parse(JSON.parse(l)).seq))
    // Nothing lost: seq rises by one through both batches.
    expect(seqs).toEqual(seqs.map((_, i) => i))
    expect(batches[1]?.tick).toBe(240)
    expect(batches.map((b) => b.dropped)).toEqual([0, 0])
  })

  it('holds at most its byte bound while the host does not ack, dropping the oldest', async () => {
    const bound = 16 * 1024
    const { shard, batches, telemetry } = await setup(bound)
    await shard.stepTicks(60)
    await turn()
    expect(batches).toHaveLength(1)
    // The host lags: 2,000 more ticks of messages, far more than the bound holds.
    await shard.stepTicks(2000)
    await turn()
    expect(batches).toHaveLength(1)
    expect(telemetry.dropped).toBeGreaterThan(0)
    expect(telemetry.status().queued_bytes).toBeLessThanOrEqual(bound)
    telemetry.acked(shard)
    await turn()
    const second = batches[1]
    if (!second) throw new Error('no second batch')
    const bytes = second.lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0)
    expect(bytes).toBeLessThanOrEqual(bound)
    expect(second.dropped).toBe(telemetry.dropped)
    // What survived is the newest: the first kept message is from late in the run, the last from its last ticks.
    const first = StreamMessageSchema.parse(JSON.parse(second.lines[0] ?? '{}'))
    const last = StreamMessageSchema.parse(JSON.parse(second.lines.at(-1) ?? '{}'))
    expect(first.tick).toBeGreaterThan(1000)
    expect(last.tick).toBeGreaterThan(2000)
    expect(second.tick).toBe(2060)
  })

  it('follows the shard to a new town and stops when told', async () => {
    const { shard, batches, telemetry } = await setup(4 * 1024 * 1024)
    await shard.stepTicks(10)
    shard.loadConfig(config('second-town'))
    telemetry.sync(shard)
    await shard.stepTicks(10)
    await turn()
    telemetry.acked(shard)
    await turn()
    const ticks = batches.flatMap((b) => b.lines.map((l) => StreamMessageSchema.parse(JSON.parse(l))))
    // The second town's ticks start again from 1; the first town's stream ended with its loop messages.
    expect(ticks.some((m) => m.kind === 'loop.tick' && m.tick === 10)).toBe(true)
    expect(batches.at(-1)?.tick).toBe(10)
    const before = batches.length
    telemetry.configure(shard, false, 4 * 1024 * 1024)
    telemetry.acked(shard)
    await shard.stepTicks(100)
    await turn()
    expect(batches.length).toBe(before)
  })

  it("applies the config's telemetry.dispatch: privacy hides every agent id, excluded kinds stay out", async () => {
    const loaded = parseConfigText('config_id: private-app\nseed: 3\ntelemetry:\n  dispatch:\n    privacy: true\n    exclude_kinds: [loop.health]\n', 'private-app.yaml')
    if (!loaded.ok) throw new Error(loaded.error.message)
    const shard = new Shard(loaded.value, { scheduler: new ManualScheduler() })
    const batches: Batch[] = []
    const telemetry = new WorkerTelemetry((b) => batches.push(b))
    telemetry.configure(shard, true, 4 * 1024 * 1024)
    const ids = [...shard.simulation.world.state.agents.ids]
    expect(ids.length).toBeGreaterThan(0)
    for (let k = 0; k < 5; k++) {
      await shard.stepTicks(120)
      await turn()
      telemetry.acked(shard)
    }
    await turn()
    const lines = batches.flatMap((b) => b.lines)
    const messages = lines.map((l) => StreamMessageSchema.parse(JSON.parse(l)))
    expect(messages.some((m) => m.kind === 'engine.event')).toBe(true)
    expect(messages.some((m) => m.kind === 'loop.health')).toBe(false)
    const text = lines.join('\n')
    for (const id of ids) expect(text).not.toMatch(new RegExp(`\\b${id}\\b`))
    expect(text).toMatch(/"a_[0-9a-f]{12}"/)
  })
})
