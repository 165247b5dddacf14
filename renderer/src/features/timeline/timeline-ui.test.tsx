/** The scrubber, the strip and the past banner rendered to static markup. */
import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { sampleConfig, sampleSession, sampleStatus } from '../../../../shared/testing/contract-samples'
import { SessionProvider } from '../../app/session-context'
import type { Stores } from '../../stores/stores'
import { countOf, isDisabled, tagOf, textOf } from '../../testing/markup'
import { createTestSession } from '../../testing/session-fixture'
import { sampleTimeline, sampleTimelineFrame } from '../snapshots/snapshot-fixtures'
import { eventsText } from './past-banner'
import { TimelineScrubber } from './timeline-scrubber'
import { TimelineStrip } from './timeline-strip'

function render(element: ReactElement, role: 'viewer' | 'admin', fill: (s: Stores) => void = () => {}): string {
  const session = createTestSession((s) => {
    s.console.getState().setSession({ ...sampleSession, role })
    s.shard.getState().setStatus(sampleStatus({ tick: 1000, config: { ...sampleConfig, ticks_per_day: 1440, start_time: '06:00' } }), 0)
    s.timeline.getState().setStatus(sampleTimeline())
    fill(s)
  })
  return renderToStaticMarkup(<SessionProvider session={session}>{element}</SessionProvider>).replace(/<!-- -->/g, '')
}

const past = (tick: number) => (s: Stores) => {
  s.timeline.getState().seek(tick)
  s.timeline.getState().showFrame(sampleTimelineFrame(tick), 0)
}

describe('the timeline scrubber', () => {
  it('spans earliest to live with its marks placed on it, the cursor on live while following', () => {
    const html = render(<TimelineScrubber variant="full" />, 'viewer')
    const track = tagOf(html, 'timeline-track')
    expect(track).toContain('data-earliest="0"')
    expect(track).toContain('data-live="1000"')
    expect(track).toContain('data-cursor="1000"')
    expect(countOf(html, 'timeline-mark')).toBe(3)
    expect(html).toMatch(/data-kind="alert" data-tick="250"/)
    expect(tagOf(html, 'timeline-mark')).toContain('left:25%')
    expect(tagOf(html, 'timeline-follow')).toContain('aria-pressed="true"')
    expect(isDisabled(html, 'timeline-step-forward')).toBe(true)
    expect(textOf(html, 'timeline-facts')).toBe('10 keyframes every 100 ticks · 2.0 MB of 64.0 MB')
  })

  it('lists branches; an admin may reopen the ones not running, a viewer may not', () => {
    const viewer = render(<TimelineScrubber variant="full" />, 'viewer')
    expect(countOf(viewer, 'timeline-branch')).toBe(2)
    expect(countOf(viewer, 'btn-reopen-branch')).toBe(0)
    expect(countOf(viewer, 'btn-bookmark')).toBe(0)
    const admin = render(<TimelineScrubber variant="full" />, 'admin')
    expect(countOf(admin, 'btn-reopen-branch')).toBe(1)
    expect(countOf(admin, 'btn-bookmark')).toBe(1)
  })

  it('in the past: the cursor on the viewed tick, playback and loop controls, Follow live off', () => {
    const html = render(<TimelineScrubber variant="full" />, 'viewer', (s) => {
      past(500)(s)
      s.timeline.getState().setLoop({ from: 400, to: 600 })
      s.hover.getState().setHoverTick(750)
    })
    expect(tagOf(html, 'timeline-track')).toContain('data-cursor="500"')
    expect(tagOf(html, 'timeline-follow')).toContain('aria-pressed="false"')
    expect(countOf(html, 'timeline-play')).toBe(1)
    expect(textOf(html, 'timeline-loop-range')).toBe('loop 400–600')
    expect(tagOf(html, 'timeline-loop')).toContain('left:40%')
    expect(tagOf(html, 'timeline-hover')).toContain('data-tick="750"')
  })

  it('says when the host offers no timeline', () => {
    const html = render(<TimelineScrubber variant="full" />, 'viewer', (s) => s.timeline.getState().setStatusError('ipc.unknown_channel: timeline.status is not offered by this host yet'))
    expect(textOf(html, 'timeline-status-error')).toContain('ipc.unknown_channel')
  })
})

describe('the strip and the past banner', () => {
  it('shows no banner while live', () => {
    const html = render(<TimelineStrip />, 'admin')
    expect(countOf(html, 'timeline-strip')).toBe(1)
    expect(countOf(html, 'past-banner')).toBe(0)
  })

  it('says which tick is shown, read-only, what happened in it, and offers Back to live; Fork only to an admin', () => {
    const viewer = render(<TimelineStrip />, 'viewer', past(500))
    expect(textOf(viewer, 'past-banner-text')).toBe('Viewing day 0 · 14:20 · tick 500 (past, read-only)')
    expect(textOf(viewer, 'past-events')).toBe('eat 2 · work 1')
    expect(countOf(viewer, 'btn-back-to-live')).toBe(1)
    expect(countOf(viewer, 'btn-fork-here')).toBe(0)
    const admin = render(<TimelineStrip />, 'admin', past(500))
    expect(isDisabled(admin, 'btn-fork-here')).toBe(false)
  })

  it('holds Fork while the viewed tick is still loading', () => {
    const html = render(<TimelineStrip />, 'admin', (s) => {
      past(500)(s)
      s.timeline.getState().seek(600)
    })
    expect(textOf(html, 'past-banner-text')).toContain('loading…')
    expect(textOf(html, 'past-events')).toBe('showing tick 500')
    expect(isDisabled(html, 'btn-fork-here')).toBe(true)
  })

  it('words a tick of no events', () => {
    expect(eventsText({})).toBe('no events')
    expect(eventsText({ work: 1, eat: 1, sleep: 3, idle: 0 })).toBe('sleep 3 · eat 1 · work 1')
  })
})
