/**
 * `npm run bench -- observer-bytes [AGENTS]`: what the observer stream costs on the wire, before
 * and after the columnar encoding (observer stream 2). A `bench-N` town runs at max speed in
 * process while a timer takes a frame at the UI's rate (every 33 ms, as the shard's worker
 * does): the columnar frame the app now sends, and, from the same world at the same moment, the
 * version-1 frame (one object per changed agent and object, built by the row converters still in
 * main/shard/observer-rows.ts) as the reference. Both are the JSON text a client receives.
 *   bytes/frame, bytes/s: JSON characters (the socket sends text; ASCII here, so bytes);
 *   encode ms/frame: building the agents' and objects' payload and stringifying the frame (the
 *     columns' figure includes the emitter's change detection and the town-wide fields, which the
 *     row reference reuses untimed, so it flatters the rows);
 *   binary estimate: the columnar frame with every column number as 4 bytes, the rest as JSON:
 *     what binary WebSocket frames would save over JSON numbers.
 */
import type { ObserverFrame } from '../shared/contract/dto/observer'
import { ObserverEmitter } from '../main/shard/observer-emitter'
import { agentRow, objectRow } from '../main/shard/observer-rows'
import { realScheduler } from '../main/shard/scheduler'
import { Shard } from '../main/shard/shard'
import type { World } from '../main/sim/state/world'
import { loadEngineConfig } from './engine-config'
import { count, formatTable } from './table'

const FRAME_MS = 33
const RUN_MS = 5_000

interface Totals {
  frames: number
  bytes: number
  ms: number
}

/** The version-1 frame for the agents and objects the columnar frame carries: the reference. */
function rowFrame(world: World, frame: ObserverFrame): string {
  const { agents: _a, objects: _o, reasons: _r, ...common } = frame
  const ids = world.state.agents.ids
  const agents = frame.agents.index.map((i) => agentRow(world, i))
  const objects = frame.objects.index.map((o) => objectRow(world, o))
  if (frame.kind === 'full') {
    const { names: _n, roster: _ro, statics: _s, ...rest } = common as typeof common & { names: unknown; roster: unknown; statics: unknown }
    return JSON.stringify({ ...rest, schema_version: 1, agents, objects })
  }
  const { roster: _ro, removed, ...rest } = common as typeof common & { roster: unknown; removed: number[] }
  return JSON.stringify({ ...rest, schema_version: 1, agents, removed: removed.map((i) => ids[i]), objects })
}

/** Bytes of the columnar frame were every column number 4 bytes of a binary message. */
function binaryEstimate(frame: ObserverFrame): number {
  let numbers = 0
  const columns = [frame.agents, frame.objects] as Record<string, unknown[]>[]
  const { agents: _a, objects: _o, ...rest } = frame
  for (const cols of columns) for (const [key, values] of Object.entries(cols)) if (key !== 'stock') numbers += values.length
  return numbers * 4 + JSON.stringify(rest).length + JSON.stringify(frame.objects.stock).length
}

async function measure(agents: number): Promise<{ rows: Totals; columns: Totals; binary: number; seconds: number; tps: number }> {
  const shard = new Shard(loadEngineConfig(agents), { scheduler: realScheduler })
  shard.step(200) // the morning commute's first paths
  const emitter = new ObserverEmitter()
  const rows: Totals = { frames: 0, bytes: 0, ms: 0 }
  const columns: Totals = { frames: 0, bytes: 0, ms: 0 }
  let binary = 0
  const take = () => {
    const world = shard.simulation.world
    const t0 = performance.now()
    const frame = emitter.frame(world, 'bench')
    const text = JSON.stringify(frame)
    const t1 = performance.now()
    const reference = rowFrame(world, frame)
    const t2 = performance.now()
    columns.frames++
    columns.bytes += text.length
    columns.ms += t1 - t0
    rows.frames++
    rows.bytes += reference.length
    rows.ms += t2 - t1
    binary += binaryEstimate(frame)
  }
  take() // the full frame first, as a client gets on subscribe; the figures are for the stream after it
  Object.assign(rows, { frames: 0, bytes: 0, ms: 0 })
  Object.assign(columns, { frames: 0, bytes: 0, ms: 0 })
  binary = 0
  shard.setSpeed('max')
  const tick0 = shard.view().tick
  const t0 = performance.now()
  const timer = setInterval(take, FRAME_MS)
  shard.start()
  await new Promise((r) => setTimeout(r, RUN_MS))
  clearInterval(timer)
  shard.pause()
  const seconds = (performance.now() - t0) / 1000
  const tps = (shard.view().tick - tick0) / seconds
  shard.dispose()
  return { rows, columns, binary, seconds, tps }
}

/** One full frame's bytes, before and after. */
function fullFrameBytes(agents: number): { rows: number; columns: number } {
  const shard = new Shard(loadEngineConfig(agents), { scheduler: realScheduler })
  shard.step(200)
  const frame = new ObserverEmitter().frame(shard.simulation.world, 'bench')
  const out = { rows: rowFrame(shard.simulation.world, frame).length, columns: JSON.stringify(frame).length }
  shard.dispose()
  return out
}

export async function observerBytesReport(sizes: number[] = [1_000, 10_000]): Promise<string[]> {
  const table: string[][] = []
  for (const agents of sizes) {
    const full = fullFrameBytes(agents)
    const m = await measure(agents)
    const per = (t: Totals) => [count(t.bytes / Math.max(1, t.frames)), count(t.bytes / m.seconds), (t.ms / Math.max(1, t.frames)).toFixed(2)]
    table.push([count(agents), 'rows (v1)', count(full.rows), ...per(m.rows), (m.rows.frames / m.seconds).toFixed(1), '', count(m.tps)])
    table.push([count(agents), 'columns (v2)', count(full.columns), ...per(m.columns), (m.columns.frames / m.seconds).toFixed(1), count(m.binary / Math.max(1, m.columns.frames)), ''])
  }
  return [
    `Observer frame bytes: bench-N town at max speed, a frame every ${FRAME_MS} ms for ${RUN_MS / 1000} s (node ${process.version})`,
    '',
    ...formatTable(['agents', 'encoding', 'full frame B', 'B/frame', 'B/s', 'encode ms/frame', 'frames/s', 'binary est. B/frame', 'ticks/s'], table)
  ]
}
