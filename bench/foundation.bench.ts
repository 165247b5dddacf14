/**
 * `npm run bench`: figures for the foundation, printed as a table. Not a test: nothing here
 * asserts a speed. Measures
 *   - the default shard's tick rate in-process (what `townlet run` does; no longer empty: 8 agents),
 *   - a contract round trip through the registry to the worker thread and back (a 1-tick step),
 *   - the same round trip over the browser-mode WebSocket,
 *   - frames per second a client receives while the shard runs at max speed (coalescing),
 * then the engine at scale (bench/engine-report.ts): 10 … 10,000 agents in a generated town,
 * `townlet run` itself next to the bare engine at those sizes (bench/run-bench.ts),
 * observer frame bytes before and after the columnar encoding (bench/observer-bytes-bench.ts), the observation builder per variant at 100 and 1,000 agents (bench/observation-bench.ts), and
 * the policy runtime: ONNX inference latency and ticks/s against scripted (bench/policy-bench.ts),
 * every panel's frame rate in Chromium at 1,000 agents (bench/panel-fps-bench.ts), Pause latency at 1,000 and 10,000 agents (bench/pause-bench.ts), snapshot save and load at 10 … 10,000 agents (bench/snapshot-bench.ts), and the session timeline's scrubbing and memory (bench/timeline-bench.ts).
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
import { summarizeWorld } from '../main/sim/world-summary'
import { formatEngineReport, runEngineBench } from './engine-report'
import { measureRate, warmUp } from './measure'
import { panelFpsReport } from './panel-fps-bench'
import { pauseReport } from './pause-bench'
import { observationReport } from './observation-bench'
import { observerBytesReport } from './observer-bytes-bench'
import { observerReport } from './observer-bench'
import { policyReport } from './policy-bench'
import { ppoLogReport } from './ppo-log-bench'
import { runReport } from './run-bench'
import { snapshotReport } from './snapshot-bench'
import { timelineReport } from './timeline-bench'
import { transportReport } from './transport-bench'

// Built to out/main/bench.js, beside the shard worker bundle.
const root = join(__dirname, '../..')

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN
}

/** The default shard's in-process tick rate, and how many agents its world has. */
function defaultShardTickRate(): { rate: string; agents: number } {
  const shard = new Shard(loadEmbeddedDefault(), { scheduler: realScheduler })
  // Stepped in batches of 100 (townlet run steps in chunks too); time-boxed, as the world has agents now.
  const batch = () => void shard.step(100)
  warmUp(batch, 1_000, 2_000)
  const rate = measureRate(batch, { budgetMs: 3_000 })
  return { rate: `${Math.round(rate.perSecond * 100).toLocaleString('en-US')} ticks/s`, agents: summarizeWorld(shard.simulation.world).agents }
}

/** `npm run bench -- panels` (or `pause`, `observer`, `observer-bytes [AGENTS]`, `snapshots`, `timeline`, `transport`, `run [AGENTS]`) runs only that section, for iterating on one figure. */
const SECTIONS: Record<string, (root: string) => Promise<string[]>> = { panels: panelFpsReport, pause: pauseReport, observer: observerReport, 'observer-bytes': () => observerBytesReport(process.argv[3] === undefined ? undefined : [Number(process.argv[3])]), snapshots: () => snapshotReport(), timeline: () => Promise.resolve(timelineReport()), transport: transportReport, run: (r) => runReport(r, process.argv[3] === undefined ? undefined : Number(process.argv[3])), 'ppo-log': () => ppoLogReport(process.argv[3] === undefined ? undefined : Number(process.argv[3])) }

async function main(): Promise<void> {
  const only = process.argv[2]
  if (only !== undefined) {
    const section = Object.hasOwn(SECTIONS, only) ? SECTIONS[only] : undefined
    if (!section) throw new Error(`unknown bench section "${only.slice(0, 32)}": use one of ${Object.keys(SECTIONS).join(', ')}, or none for all`)
    for (const line of await section(root)) console.log(line)
    return
  }
  const rows: [string, string][] = []
  const inProcess = defaultShardTickRate()
  const shardName = `default shard (${inProcess.agents} agents)`
  rows.push([`${shardName}, in-process (townlet run)`, inProcess.rate])

  const host = createAppHost({
    mode: 'browser',
    version: 'bench',
    workerPath: join(__dirname, 'shard-worker.js'),
    configsDir: join(root, 'configs'),
    cwd: root
  })
  await host.start()
  const ctx = { trusted: true, sender: 'bench', session: 'bench' }
  // The bench drives the clock and loads configs: it is the host's own admin session.
  host.grantLocalAdmin(ctx.session, 'the bench')
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
  rows.push([`${shardName} in the worker at max speed`, `${Math.round((status.value?.tick ?? 0) / seconds).toLocaleString('en-US')} ticks/s (incl. start-up)`])

  ws.close()
  await server.close()
  await host.dispose()

  const width = Math.max(...rows.map(([name]) => name.length))
  console.log(`\nTownlet foundation bench (node ${process.version}, ${new Date().toISOString()})\n`)
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`)
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`)

  console.log('')
  for (const line of formatEngineReport(runEngineBench())) console.log(line)
  console.log('')
  for (const line of await runReport(root)) console.log(line)
  console.log('')
  for (const line of await transportReport(root)) console.log(line)
  console.log('')
  for (const line of observationReport()) console.log(line)
  console.log('')
  for (const line of await policyReport(root)) console.log(line)
  console.log('')
  for (const line of await observerReport(root)) console.log(line)
  console.log('')
  for (const line of await observerBytesReport()) console.log(line)
  console.log('')
  for (const line of await panelFpsReport(root)) console.log(line)
  console.log('')
  for (const line of await pauseReport(root)) console.log(line)
  console.log('')
  for (const line of await snapshotReport()) console.log(line)
  console.log('')
  for (const line of timelineReport()) console.log(line)
  console.log(`\npeak RSS of the whole run ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`)
}

void main()
