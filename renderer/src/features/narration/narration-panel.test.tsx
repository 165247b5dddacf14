/**
 * The narration feed as an operator reads it: each line stamped "day N · HH:MM" and its tick,
 * agent names as links that select the agent, and the category filter as toggle chips.
 */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { SocietyView } from '../../../../shared/contract/dto/society'
import { sampleAgentRow, sampleConfig, sampleObserverFull, sampleSociety } from '../../../../shared/testing/contract-samples'
import { SessionProvider } from '../../app/session-context'
import type { Stores } from '../../stores/stores'
import { countOf, tagOf, textOf } from '../../testing/markup'
import { createTestSession } from '../../testing/session-fixture'
import { NarrationPanel } from './narration-panel'

const narrations: SocietyView['narrations'] = [
  { tick: 1500, category: 'rivalry', priority: false, text: 'The rivalry between alice and bob is rising (0.71, handover).', agents: ['alice', 'bob'] },
  { tick: 1510, category: 'utility', priority: true, text: 'The power went out.', agents: [] }
]

function render(fill: (stores: Stores) => void = () => {}): string {
  const session = createTestSession((stores) => {
    stores.observer.getState().receive({ ...sampleObserverFull(1, [sampleAgentRow(), sampleAgentRow({ id: 'bob' })]), tick: 1510, society: sampleSociety({ narrations }) }, 0)
    fill(stores)
  })
  return renderToStaticMarkup(
    <SessionProvider session={session}>
      <NarrationPanel />
    </SessionProvider>
  ).replace(/<!-- -->/g, '')
}

const withClock = (stores: Stores) => stores.config.getState().setSummary({ ...sampleConfig, ticks_per_day: 1440, start_time: '06:40' })

describe('Narration feed', () => {
  it('stamps each line with its day and time beside the tick', () => {
    const html = render(withClock)
    // Newest first: tick 1510 at 06:40 + 1510 minutes is day 1, 07:50.
    expect(textOf(html, 'narration-time')).toBe('day 1 · 07:50')
    expect(textOf(html, 'narration-tick')).toBe('1,510')
    // Before any config is known there is no clock to read; the tick still shows.
    const bare = render()
    expect(countOf(bare, 'narration-time')).toBe(0)
    expect(textOf(bare, 'narration-tick')).toBe('1,510')
  })

  it('makes every agent the text names a link that selects it, and nothing else', () => {
    const html = render(withClock)
    expect(countOf(html, 'narration-agent')).toBe(2)
    expect(tagOf(html, 'narration-agent')).toContain('data-agent-id="alice"')
    expect(textOf(html, 'narration-text')).toBe('The power went out.')
    expect(html).toContain('The rivalry between ')
  })

  it('offers the categories as toggle chips: "all" pressed until one is chosen, no native multi-select', () => {
    const html = render(withClock)
    expect(html).not.toContain('<select')
    expect(tagOf(html, 'narration-filter-category')).toContain('role="group"')
    expect(tagOf(html, 'narration-filter-all')).toContain('aria-pressed="true"')
    expect(countOf(html, 'narration-chip')).toBe(2)
    expect(tagOf(html, 'narration-chip')).toMatch(/^<button type="button"[^>]*aria-pressed="false"[^>]*data-category="rivalry"/)
  })
})
