import { describe, expect, it } from 'vitest'
import { sampleAgentRow, sampleObserverFull } from '../../../shared/testing/contract-samples'
import { sampleTimelineFrame } from '../features/snapshots/snapshot-fixtures'
import { createObserverStore } from './observer-store'
import { createObserverView } from './observer-view'
import { createTimelineStore } from './timeline-store'

function setup() {
  const live = createObserverStore()
  const timeline = createTimelineStore()
  const view = createObserverView(live, timeline)
  const seen: number[] = []
  view.subscribe((state) => seen.push(state.tick))
  return { live, timeline, view, seen }
}

describe('the observer view', () => {
  it('is the live store while live: same state objects, every change passed on', () => {
    const { live, view, seen } = setup()
    live.getState().receive({ ...sampleObserverFull(1), tick: 7 }, 0)
    expect(view.getState()).toBe(live.getState())
    expect(seen).toEqual([7])
  })

  it('shows the past town once its frame arrives, keeping the live histories and actions', () => {
    const { live, timeline, view, seen } = setup()
    live.getState().receive({ ...sampleObserverFull(1, [sampleAgentRow({ id: 'alice' }), sampleAgentRow({ id: 'bob' })]), tick: 900 }, 0)
    timeline.getState().seek(300)
    // Until the frame comes the live town stays on screen.
    expect(view.getState().tick).toBe(900)
    timeline.getState().showFrame(sampleTimelineFrame(300), 0)
    const shown = view.getState()
    expect(shown.tick).toBe(300)
    expect([...shown.agents.keys()]).toEqual(['alice'])
    expect(shown.history).toBe(live.getState().history)
    expect(shown.receive).toBe(live.getState().receive)
    // The same layout: the live map object, so the canvas keeps its tile layer.
    expect(shown.map).toBe(live.getState().map)
    expect(seen).toEqual([900, 300])
  })

  it('keeps one merged object per pair, and does not notify for timeline changes that show nothing new', () => {
    const { timeline, view, seen } = setup()
    timeline.getState().seek(10)
    timeline.getState().showFrame(sampleTimelineFrame(10), 0)
    const first = view.getState()
    timeline.getState().setLoop({ from: 1, to: 5 })
    expect(view.getState()).toBe(first)
    expect(seen).toEqual([10])
  })

  it('goes back to the live town on Back to live', () => {
    const { live, timeline, view } = setup()
    live.getState().receive({ ...sampleObserverFull(1), tick: 50 }, 0)
    timeline.getState().seek(10)
    timeline.getState().showFrame(sampleTimelineFrame(10), 0)
    timeline.getState().goLive()
    expect(view.getState()).toBe(live.getState())
  })
})
