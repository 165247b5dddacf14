import { describe, expect, it } from 'vitest'
import { parseConfigText, type LoadedConfig } from '../config/load-config'
import { ManualScheduler } from './manual-scheduler'
import { Shard, type ShardView } from './shard'

function config(id = 'test', tickMs = 250): LoadedConfig {
  const loaded = parseConfigText(`config_id: ${id}\nseed: 1\nruntime:\n  tick_ms: ${tickMs}\n`, `${id}.yaml`)
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value
}

function setup(tickMs = 250) {
  const scheduler = new ManualScheduler()
  const frames: ShardView[] = []
  const shard = new Shard(config('test', tickMs), { scheduler, onFrame: (v) => frames.push(v) })
  return { scheduler, frames, shard }
}

describe('Shard clock', () => {
  it('starts idle at tick 0 with the config cadence as its speed', () => {
    const { shard } = setup(250)
    expect(shard.view()).toMatchObject({ state: 'idle', tick: 0, speed: 4, measured_tps: 0 })
  })

  it('runs in real time at the config cadence', () => {
    const { shard, scheduler } = setup(250)
    shard.start()
    scheduler.advance(999)
    expect(shard.view().tick).toBe(3)
    scheduler.advance(1)
    expect(shard.view().tick).toBe(4)
    scheduler.advance(9000)
    expect(shard.view().tick).toBe(40)
    expect(shard.view().measured_tps).toBeCloseTo(4, 0)
  })

  it('stops advancing when paused and carries on after resume', () => {
    const { shard, scheduler } = setup(100)
    shard.start()
    scheduler.advance(1000)
    expect(shard.pause()).toMatchObject({ state: 'paused', tick: 10, measured_tps: 0 })
    scheduler.advance(5000)
    expect(shard.view().tick).toBe(10)
    expect(scheduler.pending).toBe(0)
    shard.resume()
    scheduler.advance(1000)
    expect(shard.view().tick).toBe(20)
  })

  it('steps exactly N ticks and pauses a running clock first', () => {
    const { shard, scheduler } = setup(100)
    expect(shard.step(10)).toMatchObject({ state: 'paused', tick: 10 })
    shard.start()
    scheduler.advance(500)
    const before = shard.view().tick
    expect(shard.step(7)).toMatchObject({ state: 'paused', tick: before + 7 })
    scheduler.advance(5000)
    expect(shard.view().tick).toBe(before + 7)
  })

  it('changes speed while running without a jump', () => {
    const { shard, scheduler } = setup(1000)
    shard.start()
    scheduler.advance(2000)
    expect(shard.view().tick).toBe(2)
    shard.setSpeed(100)
    scheduler.advance(1000)
    expect(shard.view().tick).toBe(102)
  })

  it('runs as fast as possible at speed max, yielding between slices', () => {
    const { shard, scheduler } = setup()
    shard.setSpeed('max')
    // Each slice reads the clock; make every read cost time so slices end.
    const originalNow = scheduler.now.bind(scheduler)
    scheduler.now = () => {
      scheduler.spend(0.01)
      return originalNow()
    }
    shard.start()
    scheduler.advance(100)
    expect(shard.view().tick).toBeGreaterThan(1000)
    shard.pause()
    expect(scheduler.pending).toBe(0)
  })

  it('drops the backlog after a long stall instead of sprinting', () => {
    const { shard, scheduler } = setup(100)
    shard.start()
    scheduler.advance(1000)
    scheduler.spend(60_000)
    scheduler.advance(1)
    expect(shard.view().tick).toBeLessThan(20)
  })

  it('loads a new config: fresh world, idle clock, new identity and cadence', () => {
    const { shard, scheduler } = setup(100)
    shard.start()
    scheduler.advance(1000)
    const view = shard.loadConfig(config('other', 50))
    expect(view).toMatchObject({ state: 'idle', tick: 0, speed: 20, config: { config_id: 'other', tick_ms: 50 } })
    scheduler.advance(1000)
    expect(shard.view().tick).toBe(0)
  })

  it('emits a frame on every state change and throttles frames while running', () => {
    const { shard, scheduler, frames } = setup(1)
    shard.start()
    scheduler.advance(1000)
    // 1000 ticks in a second, but at most one frame per 16 ms (plus the start frame).
    expect(frames.length).toBeLessThanOrEqual(1000 / 16 + 2)
    expect(frames.length).toBeGreaterThan(10)
    const count = frames.length
    shard.pause()
    expect(frames.length).toBe(count + 1)
    expect(frames.at(-1)?.state).toBe('paused')
  })
})
