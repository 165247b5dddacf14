/** The header's clock readouts: "pausing…" until the shard confirms, and a step's progress. */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { sampleFrame, sampleSession, sampleStatus } from '../../../../shared/testing/contract-samples'
import { SessionProvider } from '../../app/session-context'
import type { Stores } from '../../stores/stores'
import { textOf } from '../../testing/markup'
import { createTestSession } from '../../testing/session-fixture'
import { HeaderBar } from './header-bar'

function render(fill: (stores: Stores) => void): string {
  const session = createTestSession((s) => {
    s.console.getState().setSession({ ...sampleSession, role: 'admin' })
    fill(s)
  })
  return renderToStaticMarkup(
    <SessionProvider session={session}>
      <HeaderBar />
    </SessionProvider>
  ).replace(/<!-- -->/g, '')
}

describe('header clock', () => {
  it('says "pausing…" between a Pause and the shard confirming it', () => {
    const running = (s: Stores) => s.shard.getState().setStatus(sampleStatus({ state: 'running' }), 0)
    expect(textOf(render(running), 'header-state')).toBe('running')
    expect(
      textOf(
        render((s) => {
          running(s)
          s.shard.getState().setPending('pausing')
        }),
        'header-state'
      )
    ).toBe('pausing…')
    // Once paused, the badge says so whatever was pending.
    expect(textOf(render((s) => s.shard.getState().setStatus(sampleStatus({ state: 'paused' }), 0)), 'header-state')).toBe('paused')
  })

  it('shows the step under way with thousands separators', () => {
    const html = render((s) => s.shard.getState().setStatus(sampleStatus({ state: 'paused', tick: 12_000, stepping: { done: 12_000, total: 100_000 } }), 0))
    expect(textOf(html, 'header-step')).toContain('12,000/100,000')
    expect(render((s) => s.shard.getState().setStatus(sampleStatus({ state: 'paused' }), 0))).not.toContain('header-step')
  })
})

describe('header readouts', () => {
  it('prints the tick with thousands separators and the simulated day and time beside it', () => {
    // The sample config's day is 1,440 ticks from 06:00: tick 1,530 is day 1, 07:30.
    const html = render((s) => s.shard.getState().setStatus(sampleStatus({ state: 'paused', tick: 1_530 }), 0))
    expect(textOf(html, 'header-tick')).toBe('1,530')
    expect(textOf(html, 'header-clock')).toContain('day 1 · 07:30')
    expect(textOf(render(() => {}), 'header-clock')).toContain('—')
  })

  it('shows the smoothed tick rate, the figure the Tick-rate card shows too', () => {
    const html = render((s) => {
      s.shard.getState().receiveFrame(sampleFrame(1, { state: 'running', measured_tps: 41.2 }), 0)
      s.shard.getState().receiveFrame(sampleFrame(2, { state: 'running', measured_tps: 16.4 }), 600)
    })
    // The latest instant sample says 16.4; the header says the mean of the last seconds.
    expect(textOf(html, 'header-tps')).toContain('28.8')
    expect(textOf(html, 'header-tps')).not.toContain('16.4')
  })
})
