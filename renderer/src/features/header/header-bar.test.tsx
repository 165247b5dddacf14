/** The header's clock readouts: "pausing…" until the shard confirms, and a step's progress. */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { sampleSession, sampleStatus } from '../../../../shared/testing/contract-samples'
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
