/**
 * What the observer stream costs the shard: a 1,000-agent town at max speed in-process without
 * and with observer frames (about 30 a second), and through the real host and worker with no
 * client and with one WebSocket client receiving every frame. Prints figures, asserts nothing.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import { createAppHost } from '../main/host/app-host'
import { loadOrFail } from './bench-host'
import { startBrowserServer } from '../main/server/browser-server'
import { realScheduler } from '../main/shard/scheduler'
import { Shard } from '../main/shard/shard'
import { engineConfigText, loadEngineConfig } from './engine-config'

const AGENTS = 1_000
const RUN_MS = 4_000

/** Ticks per second of an in-process shard at max speed, with or without observer frames. */
async function inProcess(withObserver: boolean): Promise<{ tps: number; frames: number; kib: number }> {
  let frames = 0
  let bytes = 0
  const shard = new Shard(loadEngineConfig(AGENTS), {
    scheduler: realScheduler,
    onObserver: withObserver
      ? (frame) => {
          frames += 1
          bytes += JSON.stringify(frame).length
        }
      : undefined
  })
  shard.step(200) // warm-up: the morning commute's first paths
  shard.setSpeed('max')
  const t0 = performance.now()
  const tick0 = shard.view().tick
  frames = 0
  bytes = 0
  shard.start()
  await new Promise((r) => setTimeout(r, RUN_MS))
  shard.pause()
  const seconds = (performance.now() - t0) / 1000
  const tps = (shard.view().tick - tick0) / seconds
  shard.dispose()
  return { tps, frames: frames / seconds, kib: bytes / 1024 / seconds }
}

/** Ticks per second through the real host and worker, with no client or one WebSocket client. */
async function throughHost(root: string, withClient: boolean): Promise<{ tps: number; frames: number; kib: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'townlet-observer-bench-'))
  await writeFile(join(dir, 'town.yaml'), engineConfigText(AGENTS))
  await writeFile(join(dir, 'index.html'), '<!doctype html>')
  const host = createAppHost({ mode: 'browser', version: 'bench', workerPath: join(__dirname, 'shard-worker.js'), configsDir: join(root, 'configs'), cwd: root, workspaceDir: dir })
  await host.start()
  const ctx = { trusted: true, sender: 'bench', session: 'bench' }
  // The bench drives the clock and loads configs: it is the host's own admin session.
  host.grantLocalAdmin(ctx.session, 'the bench')
  await loadOrFail(host, join(dir, 'town.yaml'), ctx)
  await host.registry.dispatch('shard.step', { ticks: 200 }, ctx)
  const server = await startBrowserServer({ registry: host.registry, events: host.events, rendererDir: dir, port: 0 })
  let frames = 0
  let bytes = 0
  let ws: WebSocket | undefined
  if (withClient) {
    ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, { headers: { origin: `http://127.0.0.1:${server.port}` } })
    await new Promise((resolve) => ws!.once('open', resolve))
    // A client that pulls the observer stream as the renderer does: one observer.next at a time.
    let after: number | null = null
    let id = 0
    const ask = () => ws!.readyState === ws!.OPEN && ws!.send(JSON.stringify({ type: 'invoke', id: ++id, channel: 'observer.next', payload: { after, wait_ms: 1000 } }))
    ws.on('message', (data) => {
      const text = data.toString()
      const message = JSON.parse(text) as { type: string; result?: { ok: boolean; value?: { frame: { seq: number } | null } } }
      if (message.type !== 'reply') return
      const frame = message.result?.ok ? message.result.value?.frame : null
      if (frame) {
        frames += 1
        bytes += text.length
        after = frame.seq
      }
      ask()
    })
    ask()
  }
  await host.registry.dispatch('shard.set-speed', { speed: 'max' }, ctx)
  const start = (await host.registry.dispatch('shard.start', {}, ctx)) as { ok: boolean; value?: { tick: number } }
  const t0 = performance.now()
  frames = 0
  bytes = 0
  await new Promise((r) => setTimeout(r, RUN_MS))
  const end = (await host.registry.dispatch('shard.pause', {}, ctx)) as { ok: boolean; value?: { tick: number } }
  const seconds = (performance.now() - t0) / 1000
  ws?.close()
  await server.close()
  await host.dispose()
  return { tps: ((end.value?.tick ?? 0) - (start.value?.tick ?? 0)) / seconds, frames: frames / seconds, kib: bytes / 1024 / seconds }
}

export async function observerReport(root: string): Promise<string[]> {
  const rows: [string, { tps: number; frames: number; kib: number }][] = [
    ['in-process, no observer frames', await inProcess(false)],
    ['in-process, observer frames built', await inProcess(true)],
    ['host + worker, no client', await throughHost(root, false)],
    ['host + worker, one WebSocket client', await throughHost(root, true)]
  ]
  const lines = [`Observer stream cost: ${AGENTS.toLocaleString('en-US')} agents at max speed, ${RUN_MS / 1000} s each`, '']
  lines.push(`${'setup'.padEnd(38)}  ${'ticks/s'.padStart(8)}  ${'frames/s'.padStart(8)}  ${'KiB/s'.padStart(8)}`)
  for (const [name, r] of rows) {
    lines.push(`${name.padEnd(38)}  ${Math.round(r.tps).toLocaleString('en-US').padStart(8)}  ${r.frames.toFixed(1).padStart(8)}  ${Math.round(r.kib).toLocaleString('en-US').padStart(8)}`)
  }
  return lines
}
