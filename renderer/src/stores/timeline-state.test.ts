import { describe, expect, it } from 'vitest'
import { sampleTimeline, sampleTimelineFrame } from '../features/snapshots/snapshot-fixtures'
import { clampTick, frameFailed, goLive, initialTimeline, nextPlayTick, normaliseLoop, seekTo, showFrame, tickSpan, viewedTick } from './timeline-state'

describe('timeline state', () => {
  it('spans from the earliest kept tick to the later of the status and the shard', () => {
    expect(tickSpan(sampleTimeline({ earliest_tick: 100, live_tick: 900 }), 950)).toEqual({ earliest: 100, live: 950 })
    expect(tickSpan(null, 40)).toEqual({ earliest: 40, live: 40 })
    expect(clampTick({ earliest: 100, live: 950 }, 20)).toBe(100)
    expect(clampTick({ earliest: 100, live: 950 }, 2000.4)).toBe(950)
    expect(clampTick({ earliest: 100, live: 950 }, 500.6)).toBe(501)
  })

  it('moves the cursor at once on a seek and shows the frame when it comes', () => {
    const asked = seekTo(initialTimeline(), 500)
    expect(asked).toMatchObject({ mode: 'past', target: 500, loading: true, frame: null })
    expect(viewedTick(asked)).toBe(500)
    const shown = showFrame(asked, sampleTimelineFrame(500), 0)
    expect(shown.loading).toBe(false)
    expect(shown.past?.tick).toBe(500)
    expect(shown.past?.agents.size).toBe(1)
    // A frame on the way to a newer target is shown, still loading.
    expect(showFrame(seekTo(shown, 600), sampleTimelineFrame(550), 0)).toMatchObject({ target: 600, loading: true })
  })

  it('puts the cursor back on the frame shown when a fetch fails, and stops playback', () => {
    const shown = showFrame(seekTo(initialTimeline(), 500), sampleTimelineFrame(500), 0)
    const failed = frameFailed({ ...seekTo(shown, 700), playing: true }, { code: 'snapshot.not_found', message: 'gone' })
    expect(failed).toMatchObject({ target: 500, loading: false, playing: false, frameError: { code: 'snapshot.not_found' } })
  })

  it('ignores frames and failures once live again, and keeps the loop', () => {
    const past = { ...seekTo(initialTimeline(), 10), loop: { from: 5, to: 9 } }
    const live = goLive(past)
    expect(live).toMatchObject({ mode: 'live', target: null, frame: null, past: null, loop: { from: 5, to: 9 } })
    expect(viewedTick(live)).toBeNull()
    expect(showFrame(live, sampleTimelineFrame(10), 0)).toBe(live)
    expect(frameFailed(live, { code: 'x', message: 'y' } as never)).toBe(live)
  })

  it('orders and clamps a loop range; an empty one is none', () => {
    const span = { earliest: 0, live: 100 }
    expect(normaliseLoop(span, { from: 80, to: 20 })).toEqual({ from: 20, to: 80 })
    expect(normaliseLoop(span, { from: 90, to: 500 })).toEqual({ from: 90, to: 100 })
    expect(normaliseLoop(span, { from: 30, to: 30 })).toBeNull()
  })

  it('plays one tick at a time, wraps at the loop end and ends at live without a loop', () => {
    const span = { earliest: 0, live: 100 }
    expect(nextPlayTick(40, span, null)).toBe(41)
    expect(nextPlayTick(100, span, null)).toBeNull()
    expect(nextPlayTick(20, span, { from: 10, to: 20 })).toBe(10)
    expect(nextPlayTick(5, span, { from: 10, to: 20 })).toBe(10)
    expect(nextPlayTick(15, span, { from: 10, to: 20 })).toBe(16)
  })
})
