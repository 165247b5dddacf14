/**
 * Frames cost only while someone listens: a shard without an observer listener never builds an
 * observer frame (a townlet run), and one with no listener at all builds no view between slices;
 * the app's worker, which listens, still gets both.
 */
import { describe, expect, it, vi } from 'vitest'
import { loadEmbeddedDefault } from '../config/load-config'
import { ManualScheduler } from './manual-scheduler'
import { ObserverEmitter } from './observer-emitter'
import { Shard } from './shard'
import { ShardFrames, type ShardFramesOptions } from './shard-frames'
import { Simulation } from './simulation'

function framesWith(listeners: Partial<Pick<ShardFramesOptions<number>, 'onFrame' | 'onObserver'>>) {
  const scheduler = new ManualScheduler()
  const sim = new Simulation(loadEmbeddedDefault())
  const calls = { view: 0, town: 0 }
  const frames = new ShardFrames<number>({
    scheduler,
    view: () => ++calls.view,
    town: () => {
      calls.town++
      return { world: sim.world, configId: 'default', telemetry: undefined }
    },
    ...listeners
  })
  return { scheduler, sim, calls, frames }
}

describe('ShardFrames', () => {
  it('builds no observer frame and no view between slices when nobody listens', () => {
    const { scheduler, sim, calls, frames } = framesWith({})
    for (let t = 0; t < 50; t++) {
      frames.record(sim.step())
      scheduler.advance(40)
      frames.afterSlice(scheduler.now())
    }
    frames.changed()
    scheduler.advance(100)
    expect(calls.town).toBe(0)
    // Only the state change's own view, which its caller gets back.
    expect(calls.view).toBe(1)
  })

  it('builds views for a view listener but still no observer frame', () => {
    const views: number[] = []
    const { scheduler, calls, frames } = framesWith({ onFrame: (v) => views.push(v) })
    for (let t = 0; t < 10; t++) {
      scheduler.advance(40)
      frames.afterSlice(scheduler.now())
    }
    frames.changed()
    scheduler.advance(100)
    expect(views.length).toBe(11)
    expect(calls.town).toBe(0)
  })

  it('sends observer frames (full, then diffs) to a listener', () => {
    const sent: string[] = []
    const { scheduler, sim, frames } = framesWith({ onObserver: (f) => sent.push(f.kind) })
    frames.changed()
    scheduler.advance(0)
    for (let t = 0; t < 5; t++) {
      frames.record(sim.step())
      scheduler.advance(40)
      frames.afterSlice(scheduler.now())
    }
    expect(sent[0]).toBe('full')
    expect(sent.slice(1)).toEqual(['diff', 'diff', 'diff', 'diff', 'diff'])
  })

  it('a Shard built without onObserver (as townlet run builds it) never builds one; with it, it does', async () => {
    const frame = vi.spyOn(ObserverEmitter.prototype, 'frame')
    try {
      const quiet = new Shard(loadEmbeddedDefault(), { scheduler: new ManualScheduler() })
      await quiet.advance(30)
      quiet.step(30)
      expect(frame).not.toHaveBeenCalled()
      const scheduler = new ManualScheduler()
      const frames: string[] = []
      const listened = new Shard(loadEmbeddedDefault(), { scheduler, onObserver: (f) => frames.push(f.kind) })
      listened.step(5)
      scheduler.advance(0)
      expect(frames).toEqual(['full'])
      expect(frame).toHaveBeenCalledTimes(1)
    } finally {
      frame.mockRestore()
    }
  })
})
