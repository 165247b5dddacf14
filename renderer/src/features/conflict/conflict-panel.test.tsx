/**
 * The conflict panel over the numbers the operator met in the 8-person town: queue conflicts but
 * no ghost step, rotation or cooldown, and a feed of rivalry increments whose grudges had faded.
 */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { SocietyView } from '../../../../shared/contract/dto/society'
import { sampleAgentRow, sampleConfig, sampleObserverFull, sampleSociety } from '../../../../shared/testing/contract-samples'
import { SessionProvider } from '../../app/session-context'
import { countOf, tagOf, textOf } from '../../testing/markup'
import { sampleDiff } from '../../testing/observer-samples'
import { createTestSession } from '../../testing/session-fixture'
import { ConflictPanel } from './conflict-panel'
import { FAIRNESS_SERIES } from './fairness-chart'

const handoversOnly = (queue_conflicts: number) => ({ queue_conflicts, ghost_step_events: 0, rotation_events: 0, cooldown_events: 0 })

const conflict: SocietyView['conflict'] = {
  fairness: handoversOnly(0),
  rivalry_leaderboard: [
    { a: 'alice', b: 'bob', value: 0.04, last_tick: 99 },
    { a: 'carol', b: 'dan', value: 0, last_tick: 60 }
  ],
  rivalry_events: [
    { tick: 60, agent_id: 'dan', other: 'carol', value: 0.03, delta: 0.03, reason: 'handover' },
    { tick: 99, agent_id: 'alice', other: 'bob', value: 0.05, delta: 0.03, reason: 'handover' }
  ],
  contention: [{ object_id: 'fridge_1', conflicts: 8 }]
}

function render(): string {
  const session = createTestSession((stores) => {
    stores.config.getState().setSummary(sampleConfig)
    stores.observer.getState().receive({ ...sampleObserverFull(1, [sampleAgentRow()]), tick: 100, society: sampleSociety({ conflict }) }, 0)
    stores.observer.getState().receive({ ...sampleDiff(2, 1, { tick: 110 }), society: sampleSociety({ conflict: { ...conflict, fairness: handoversOnly(8) } }) }, 10)
  })
  return renderToStaticMarkup(
    <SessionProvider session={session}>
      <ConflictPanel />
    </SessionProvider>
  ).replace(/<!-- -->/g, '')
}

describe('Conflict panel in a town whose queues only hand over', () => {
  it('charts the queue conflicts the contention table counts', () => {
    const html = render()
    expect(FAIRNESS_SERIES.map((s) => s.key)).toContain('conflicts')
    expect(textOf(html, 'fairness-totals')).toBe('conflicts 8 · ghost 0 · rotations 0 · cooldowns 0')
    expect(textOf(html, 'contention-count')).toBe('8')
  })

  it('ranks every pair in the feed, a faded one included, with its latest change', () => {
    const html = render()
    expect(countOf(html, 'leaderboard-row')).toBe(2)
    expect(html).not.toContain('No rivalries yet.')
    expect(tagOf(html, 'leaderboard-row')).toContain('data-a="alice" data-b="bob"')
    expect(textOf(html, 'leaderboard-last-tick')).toBe('99')
    expect(countOf(html, 'leaderboard-faded')).toBe(1)
  })

  it('stamps each rivalry change with the day and time of its tick, newest first', () => {
    const html = render()
    // The sample config: 1,440 ticks a day from 06:00, so tick 99 is 07:39.
    expect(textOf(html, 'rivalry-event-time')).toBe('day 0 · 07:39')
  })
})
