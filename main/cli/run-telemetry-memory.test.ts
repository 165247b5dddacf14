/**
 * Chaos: a long headless run with the file transport must not grow memory without bound. 1,000
 * agents for 10,000 ticks, the whole stream into a rotating JSONL file, the heap sampled after a
 * forced GC every 1,000 ticks. The stream's own state (alerts, narration place, the transports'
 * queues) is bounded; what would leak is a list that only ever grows (a history, a queue with no
 * drop), which shows as a heap rising tick after tick.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { parseConfigText } from '../config/load-config'
import { Workspace } from '../fs/workspace'
import { TransportBlockSchema } from '../config/sections/telemetry'
import { realScheduler } from '../shard/scheduler'
import { Shard } from '../shard/shard'
import { streamShard } from '../telemetry/stream/shard-stream'
import { TelemetryPipe } from '../telemetry/transports/telemetry-pipe'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const TOWN = `config_id: memory-chaos
seed: 7
world:
  population: 1000
  generate: {}
jobs:
  day: { start: "09:00", end: "17:00" }
  early: { start: "06:00", end: "14:00" }
`

function heapMiB(): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed / (1024 * 1024)
}

describe('chaos: 1,000 agents, 10,000 ticks, the file transport on', () => {
  it('keeps the heap flat while the stream goes to a rotating file', { timeout: 240_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-memory-'))
    try {
      const loaded = parseConfigText(TOWN, 'memory-chaos.yaml')
      if (!loaded.ok) throw new Error(loaded.error.message)
      // The input log keeps its last `logLimit` ticks by design (10,000 by default): bounded here
      // to 1,000 so that it is full after the first sample, and any later rise is a real leak.
      const shard = new Shard(loaded.value, { scheduler: realScheduler, logLimit: 1_000 })
      const block = TransportBlockSchema.parse({ transports: [{ kind: 'file', path: 'stream.jsonl', rotate: { max_bytes: 8 * 1024 * 1024, keep: 2 } }] })
      const pipe = await TelemetryPipe.create(block, { workspace: await Workspace.create([{ name: 'workspace', path: dir }]), base: dir })
      if (!pipe.ok) throw new Error(pipe.error.message)
      const stream = streamShard(shard, pipe.value)
      const samples: number[] = []
      for (let done = 0; done < 10_000; done += 1_000) {
        for (let k = 0; k < 1_000; k += 100) {
          shard.step(100)
          // Let the transport write between chunks, as the run's chunked loop does.
          await new Promise((resolve) => setImmediate(resolve))
        }
        await pipe.value.flush(5_000)
        samples.push(heapMiB())
      }
      stream.finish()
      await pipe.value.flush(5_000)
      const status = pipe.value.status()
      await pipe.value.close(1_000)
      shard.dispose()

      expect(shard.view().tick).toBe(10_000)
      expect(status.dropped_messages).toBe(0)
      expect(status.transports[0]!.sent_messages).toBe(stream.emitter.sent)
      expect(stream.emitter.sent).toBeGreaterThan(10_000)
      // Rotation bounds the disk too: the live file and at most `keep` older ones, none past max_bytes.
      const files = (await readdir(dir)).filter((f) => f.startsWith('stream.jsonl'))
      expect(files.length).toBeLessThanOrEqual(3)
      for (const f of files) expect((await stat(join(dir, f))).size).toBeLessThanOrEqual(8 * 1024 * 1024)
      // After the first thousand ticks (the log full, the town settled, the JIT warm) the heap may wander, not climb.
      const settled = samples.slice(1)
      const growth = settled[settled.length - 1]! - settled[0]!
      expect(growth, `heap MiB per 1,000 ticks: ${samples.map((s) => s.toFixed(1)).join(', ')}`).toBeLessThan(4)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
