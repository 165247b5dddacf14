/**
 * The session timeline (main/shard/timeline): scrubbing back 1,000 ticks at 100 agents (a seek
 * rebuilds latest-at: the nearest keyframe, then a replay of up to K−1 ticks, then the hash and
 * the full observer frame), a step forward from there (one replayed tick), and the timeline's
 * memory per 1,000 ticks at 1,000 agents (keyframes every K ticks plus the input log), with what
 * a keyframe costs to take. Not a test: nothing here asserts a speed.
 */
import { SessionTimeline, TIMELINE_DEFAULTS } from '../main/shard/timeline/session-timeline'
import { Simulation } from '../main/shard/simulation'
import { loadEngineConfig } from './engine-config'
import { count, formatTable } from './table'

const K = TIMELINE_DEFAULTS.keyframeEvery

function seekMs(timeline: SessionTimeline, tick: number): number {
  const t0 = performance.now()
  const f = timeline.frame(tick)
  const ms = performance.now() - t0
  if (!f.ok) throw new Error(f.error.message)
  return ms
}

/** Seeks 1,000 ticks back from the live tick, at several offsets from a keyframe (each a cold rebuild). */
function scrubRows(agents: number): string[][] {
  const loaded = loadEngineConfig(agents)
  const sim = new Simulation(loaded)
  const timeline = new SessionTimeline(sim, loaded)
  for (let t = 0; t < 1_100; t++) sim.step()
  const live = sim.world.state.tick
  const rows: string[][] = []
  // Alternating far targets so no seek reuses the last one's scratch world.
  for (const offset of [0, 50, K - 1]) {
    const target = live - 1_000 + offset
    seekMs(timeline, live)
    const cold = seekMs(timeline, target)
    const forward = seekMs(timeline, target + 1)
    rows.push([count(agents), `live − ${count(1_000 - offset)} (keyframe + ${offset} ticks)`, `${count(cold, 1)} ms`, `${count(forward, 2)} ms`])
  }
  timeline.dispose()
  return rows
}

/** Bytes held per 1,000 ticks, and the cost of a keyframe, at `agents`. */
function memoryRow(agents: number): string[] {
  const loaded = loadEngineConfig(agents)
  const sim = new Simulation(loaded)
  for (let t = 0; t < 50; t++) sim.step()
  const timeline = new SessionTimeline(sim, loaded)
  const before = timeline.status().bytes
  let keyframeMs = 0
  let keyframes = 0
  let tickMs = 0
  for (let t = 0; t < 1_000; t++) {
    const t0 = performance.now()
    sim.step()
    const ms = performance.now() - t0
    // A keyframe tick's step includes the capture; the others show the per-tick logging cost.
    if (sim.world.state.tick % K === 0) {
      keyframeMs += ms
      keyframes++
    } else tickMs += ms
  }
  const s = timeline.status()
  const perKeyframe = (s.bytes - before) / Math.max(1, keyframes)
  timeline.dispose()
  return [count(agents), `${count((s.bytes - before) / 1024 / 1024, 2)} MiB`, `${count(s.keyframes)}`, `${count(perKeyframe / 1024, 0)} KiB`, `${count(keyframeMs / Math.max(1, keyframes), 1)} ms`, `${count(tickMs / (1_000 - keyframes), 2)} ms`]
}

export function timelineReport(): string[] {
  const scrub = [...scrubRows(100)]
  const memory = [memoryRow(100), memoryRow(1_000)]
  return [
    `Timeline scrubbing (K = ${K}; a seek = keyframe restore + replay + hash + full observer frame; town after 1,100 ticks):`,
    ...formatTable(['agents', 'seek to', 'seek', 'then one tick forward'], scrub),
    '',
    'Timeline memory per 1,000 ticks (keyframes + input log, gzip level 1):',
    ...formatTable(['agents', 'bytes / 1,000 ticks', 'keyframes held', 'per keyframe (incl. inputs)', 'tick with a keyframe', 'other ticks'], memory)
  ]
}
