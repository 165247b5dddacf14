/**
 * `npm run bench -- transport`: what streaming costs where the user streams, `townlet run`.
 * Per size, the same `bench-N` town three ways, in turn, after a warm-up, best of RUNS kept:
 *   - no transport (the hub on, as `townlet run` always runs);
 *   - `--telemetry file:stream.jsonl` (a real file in a scratch folder, rewritten each run);
 *   - `--telemetry tcp://127.0.0.1:PORT` to a real local collector that counts the lines it reads.
 * Overhead = how much slower than no transport, in ticks/s. Messages/s = what the transport sent
 * (the run's own JSON summary) over the run's wall time, the final flush included.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { townletRunSummary, type RunSummary } from './run-bench'
import { count, formatTable } from './table'

const SIZES: { agents: number; ticks: number }[] = [
  { agents: 100, ticks: 10_000 },
  { agents: 1_000, ticks: 3_000 }
]
/** The 2-core machines this runs on are noisy: five interleaved runs each, best kept. */
const RUNS = 5

interface Measured {
  ticksPerSecond: number
  messagesPerSecond: number
  sent: number
  dropped: number
}

/**
 * A collector on 127.0.0.1 that reads NDJSON and counts newlines (what arrived, not what was
 * sent), on its own thread: on the run's thread its reads would be charged to the run.
 */
const COLLECTOR = `
const { parentPort } = require('node:worker_threads')
const { createServer } = require('node:net')
let lines = 0
const server = createServer((socket) => {
  socket.on('data', (chunk) => { for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++ })
  socket.on('error', () => {})
})
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }))
parentPort.on('message', (m) => {
  if (m === 'count') parentPort.postMessage({ lines })
  else server.close(() => process.exit(0))
})
`

async function collector(): Promise<{ port: number; lines: () => Promise<number>; close: () => Promise<void> }> {
  const worker = new Worker(COLLECTOR, { eval: true })
  const next = () => new Promise<{ port?: number; lines?: number }>((resolve) => worker.once('message', resolve))
  const { port } = await next()
  return {
    port: port!,
    lines: async () => {
      const reply = next()
      worker.postMessage('count')
      return (await reply).lines!
    },
    close: async () => {
      worker.postMessage('close')
      await new Promise((resolve) => worker.once('exit', resolve))
    }
  }
}

function measured(run: { summary: RunSummary; seconds: number }): Measured {
  const t = run.summary.telemetry
  return {
    ticksPerSecond: run.summary.ticks_per_second,
    messagesPerSecond: t ? t.sent / run.seconds : 0,
    sent: t?.sent ?? 0,
    dropped: t?.dropped ?? 0
  }
}

function best(a: Measured | undefined, b: Measured): Measured {
  return a === undefined || b.ticksPerSecond > a.ticksPerSecond ? b : a
}

const overhead = (base: number, with_: number) => `${(((base - with_) / base) * 100).toFixed(1)} %`

export async function transportReport(root: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'townlet-transport-bench-'))
  const tcp = await collector()
  const rows: string[][] = []
  let arrived = 0
  try {
    for (const { agents, ticks } of SIZES) {
      const plain = () => townletRunSummary(root, dir, agents, ticks).then(measured)
      const file = () => townletRunSummary(root, dir, agents, ticks, ['--telemetry', 'file:stream.jsonl']).then(measured)
      const socket = () => townletRunSummary(root, dir, agents, ticks, ['--telemetry', `tcp://127.0.0.1:${tcp.port}`]).then(measured)
      await plain()
      await file()
      await socket()
      let top: { plain?: Measured; file?: Measured; tcp?: Measured } = {}
      const before = await tcp.lines()
      for (let r = 0; r < RUNS; r++) top = { plain: best(top.plain, await plain()), file: best(top.file, await file()), tcp: best(top.tcp, await socket()) }
      arrived = (await tcp.lines()) - before
      const { plain: p, file: f, tcp: t } = top as Required<typeof top>
      rows.push([count(agents), count(ticks), count(p.ticksPerSecond), count(f.ticksPerSecond), overhead(p.ticksPerSecond, f.ticksPerSecond), count(f.messagesPerSecond), count(t.ticksPerSecond), overhead(p.ticksPerSecond, t.ticksPerSecond), count(t.messagesPerSecond), count(t.dropped)])
      await rm(join(dir, 'stream.jsonl'), { force: true })
    }
  } finally {
    await tcp.close()
    await rm(dir, { recursive: true, force: true })
  }
  return [
    `townlet run with a telemetry transport against none (${RUNS} runs after a warm-up, best kept; messages/s = sent ÷ wall time incl. the final flush)`,
    ...formatTable(['agents', 'ticks', 'none t/s', 'file t/s', 'file overhead', 'file msg/s', 'tcp t/s', 'tcp overhead', 'tcp msg/s', 'tcp dropped'], rows),
    `the TCP collector counted ${count(arrived)} lines over the last size's ${RUNS} measured runs`
  ]
}
