/**
 * `npm run bench`: figures for the foundation, printed as a table. Not a test: nothing here
 * asserts a speed. Measures
 *   - the empty shard's tick rate in-process (what `townlet run` does),
 *   - a contract round trip through the registry to the worker thread and back (a 1-tick step),
 *   - the same round trip over the browser-mode WebSocket,
 *   - frames per second a client receives while the shard runs at max speed (coalescing).
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import { loadEmbeddedDefault } from '../main/config/load-config'
import { createAppHost } from '../main/host/app-host'
import { startBrowserServer } from '../main/server/browser-server'
import { realScheduler } from '../main/shard/scheduler'
import { Shard } from '../main/shard/shard'

// Built to out/main/bench.js, beside the shard worker bundle.
const root = join(__dirname, '../..')

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN
}

function emptyShardTickRate(): string {
  const shard = new Shard(loadEmbeddedDefault(), { scheduler: realScheduler })
  shard.step(100_000) // warm-up
  const ticks = 20_000_000
  const start = performance.now()
  shard.step(ticks)
  const seconds = (performance.now() - start) / 1000
  return `${Math.round(ticks / seconds).toLocaleString('en-US')} ticks/s`
}

async function main(): Promise<void> {
  const rows: [string, string][] = []
  rows.push(['empty shard, in-process (townlet run)', emptyShardTickRate()])

  const host = createAppHost({
    mode: 'browser',
    version: 'bench',
    workerPath: join(__dirname, 'shard-worker.js'),
    configsDir: join(root, 'configs'),
    cwd: root
  })
  await host.start()
  const ctx = { trusted: true, sender: 'bench' }
  const samples: number[] = []
  for (let i = 0; i < 2000; i++) {
    const t = performance.now()
    await host.registry.dispatch('shard.step', { ticks: 1 }, ctx)
    samples.push(performance.now() - t)
  }
  samples.sort((a, b) => a - b)
  rows.push(['registry → worker → registry (shard.step 1 tick)', `p50 ${percentile(samples, 50).toFixed(3)} ms, p99 ${percentile(samples, 99).toFixed(3)} ms`])

  const rendererDir = await mkdtemp(join(tmpdir(), 'townlet-bench-'))
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html>')
  const server = await startBrowserServer({ registry: host.registry, events: host.events, rendererDir, port: 0 })
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`)
  await new Promise((resolve) => ws.once('open', resolve))
  const waiting = new Map<number, () => void>()
  let frames = 0
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { type: string; id?: number; channel?: string }
    if (message.type === 'reply' && message.id !== undefined) waiting.get(message.id)?.()
    if (message.channel === 'shard.frame') frames += 1
  })
  const socketSamples: number[] = []
  for (let id = 0; id < 2000; id++) {
    const t = performance.now()
    await new Promise<void>((resolve) => {
      waiting.set(id, resolve)
      ws.send(JSON.stringify({ type: 'invoke', id, channel: 'shard.step', payload: { ticks: 1 } }))
    })
    socketSamples.push(performance.now() - t)
  }
  socketSamples.sort((a, b) => a - b)
  rows.push(['WebSocket → worker → WebSocket (shard.step 1 tick)', `p50 ${percentile(socketSamples, 50).toFixed(3)} ms, p99 ${percentile(socketSamples, 99).toFixed(3)} ms`])

  await host.registry.dispatch('shard.set-speed', { speed: 'max' }, ctx)
  await host.registry.dispatch('shard.start', {}, ctx)
  frames = 0
  const before = performance.now()
  await new Promise((r) => setTimeout(r, 3000))
  const status = (await host.registry.dispatch('shard.pause', {}, ctx)) as { ok: boolean; value?: { tick: number } }
  const seconds = (performance.now() - before) / 1000
  rows.push(['frames a client receives at max speed', `${(frames / seconds).toFixed(1)} frames/s`])
  rows.push(['empty shard in the worker at max speed', `${Math.round((status.value?.tick ?? 0) / seconds).toLocaleString('en-US')} ticks/s (incl. start-up)`])

  ws.close()
  await server.close()
  await host.dispose()

  const width = Math.max(...rows.map(([name]) => name.length))
  console.log(`\nTownlet foundation bench (node ${process.version}, ${new Date().toISOString()})\n`)
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`)
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`)
}

void main()
