import { describe, expect, it } from 'vitest'
import { sampleStatus } from '../../../../shared/testing/contract-samples'
import { err, ok } from '../../../../shared/result'
import type { Result } from '../../../../shared/result'
import type { TimelineFrame } from '../../../../shared/contract/dto/timeline'
import { createStores } from '../../stores/stores'
import { fakeInvoke, sampleTimeline, sampleTimelineFrame } from '../snapshots/snapshot-fixtures'
import { createTimelineCommands } from './timeline-commands'

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

function setup(frame: (tick: number) => Result<TimelineFrame> | Promise<Result<TimelineFrame>> = (tick) => ok(sampleTimelineFrame(tick))) {
  const stores = createStores()
  stores.timeline.getState().setStatus(sampleTimeline({ earliest_tick: 0, live_tick: 1000 }))
  const asked: number[] = []
  const invoke = fakeInvoke({
    'timeline.frame': (req) => {
      asked.push(req.tick)
      return frame(req.tick)
    },
    'timeline.status': () => ok(sampleTimeline()),
    'timeline.fork': () => ok(sampleStatus({ tick: 400 }))
  })
  const commands = createTimelineCommands(invoke, stores, { sleep: () => flush() as Promise<void> })
  return { stores, commands, asked, invoke }
}

describe('timeline commands', () => {
  it('seeks straight to a tick, clamped to what the timeline keeps', async () => {
    const { stores, commands, asked } = setup()
    await commands.seekTick(5_000)
    expect(asked).toEqual([1000])
    await commands.seekTick(500)
    expect(asked).toEqual([1000, 500])
    expect(stores.timeline.getState()).toMatchObject({ mode: 'past', target: 500, loading: false })
    expect(stores.observerView.getState().tick).toBe(500)
  })

  it('coalesces a drag: one fetch at a time, always heading for the latest tick', async () => {
    const pending: Array<() => void> = []
    const { stores, commands, asked } = setup((tick) => new Promise((resolve) => pending.push(() => resolve(ok(sampleTimelineFrame(tick))))))
    void commands.seekTick(100)
    void commands.seekTick(200)
    void commands.seekTick(300)
    await flush()
    expect(asked).toEqual([100])
    pending.shift()?.()
    await flush()
    expect(asked).toEqual([100, 300])
    pending.shift()?.()
    await flush()
    expect(stores.timeline.getState().frame?.tick).toBe(300)
  })

  it('steps fetch every tick on the way, none skipped', async () => {
    const { stores, commands, asked } = setup()
    await commands.seekTick(500)
    void commands.stepTick(1)
    void commands.stepTick(1)
    await commands.stepTick(1)
    await flush()
    expect(asked).toEqual([500, 501, 502, 503])
    await commands.stepTick(-1)
    expect(asked.at(-1)).toBe(502)
    expect(stores.timeline.getState().frame?.tick).toBe(502)
  })

  it('a step back from live enters the past at the tick before live; forward from live does nothing', async () => {
    const { stores, commands, asked } = setup()
    await commands.stepTick(1)
    expect(stores.timeline.getState().mode).toBe('live')
    await commands.stepTick(-1)
    expect(asked).toEqual([999])
    expect(stores.timeline.getState().mode).toBe('past')
  })

  it('drops a frame that arrives after Back to live', async () => {
    const pending: Array<() => void> = []
    const { stores, commands } = setup((tick) => new Promise((resolve) => pending.push(() => resolve(ok(sampleTimelineFrame(tick))))))
    void commands.seekTick(100)
    commands.backToLive()
    pending.shift()?.()
    await flush()
    expect(stores.timeline.getState()).toMatchObject({ mode: 'live', frame: null })
  })

  it('shows a failed fetch with its code and keeps the frame it had', async () => {
    const { stores, commands } = setup((tick) => (tick === 700 ? err('snapshot.not_found', 'tick 700 is no longer kept') : ok(sampleTimelineFrame(tick))))
    await commands.seekTick(500)
    await commands.seekTick(700)
    expect(stores.timeline.getState()).toMatchObject({ target: 500, frame: { tick: 500 }, frameError: { code: 'snapshot.not_found' } })
  })

  it('plays tick by tick over the loop range, wrapping at its end', async () => {
    const { commands, asked } = setup()
    await commands.seekTick(10)
    commands.setLoop({ from: 10, to: 12 })
    const playing = commands.play()
    for (let i = 0; i < 12 && asked.length < 6; i += 1) await flush()
    commands.pause()
    await playing
    expect(asked.slice(0, 6)).toEqual([10, 11, 12, 10, 11, 12])
  })

  it('a fork takes the new status, goes live and reads the timeline again', async () => {
    const { stores, commands, invoke } = setup()
    await commands.seekTick(400)
    const reply = await commands.forkAt(400)
    await flush()
    expect(reply.ok).toBe(true)
    expect(stores.shard.getState().status?.tick).toBe(400)
    expect(stores.timeline.getState().mode).toBe('live')
    expect(invoke.calls.map((c) => c.channel)).toEqual(['timeline.frame', 'timeline.fork', 'timeline.status'])
  })
})
