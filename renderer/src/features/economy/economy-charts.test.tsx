/** The Economy panel's history charts, rendered to static markup. */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { EconomyRow } from '../../../../shared/contract/dto/observer'
import { sampleEconomy, sampleObserverFull } from '../../../../shared/testing/contract-samples'
import { SessionProvider } from '../../app/session-context'
import type { Stores } from '../../stores/stores'
import { countOf } from '../../testing/markup'
import { sampleDiff } from '../../testing/observer-samples'
import { createTestSession } from '../../testing/session-fixture'
import { niceTicks } from './economy-charts'
import { EconomyPanel } from './economy-panel'

const job = { id: 'barista', workplace: 'cafe', start: '07:00', end: '15:00', wage: 0.025, lateness_penalty: 0.1, employed: 2, on_shift: 1, late: 0, attendance: 1, late_shifts: 0, wages_earned: 0, wages_withheld: 0 }

function economyAt(meals: number, earned: number): EconomyRow {
  return { ...sampleEconomy(), stock_by_type: { fridge: { meals } }, jobs: [{ ...job, wages_earned: earned }] }
}

function render(fill: (stores: Stores) => void): string {
  const session = createTestSession(fill)
  return renderToStaticMarkup(
    <SessionProvider session={session}>
      <EconomyPanel />
    </SessionProvider>
  ).replace(/<!-- -->/g, '')
}

describe('Economy history charts', () => {
  it('charts prices, wages per tick, wages paid and stock once frames have arrived', () => {
    const html = render((s) => {
      const observer = s.observer.getState()
      observer.receive({ ...sampleObserverFull(1), economy: economyAt(14, 0) }, 0)
      observer.receive({ ...sampleDiff(2, 1, { tick: 10 }), economy: economyAt(12, 0.25) }, 10)
      observer.receive({ ...sampleDiff(3, 2, { tick: 20 }), economy: economyAt(9, 0.5) }, 20)
    })
    expect(countOf(html, 'economy-chart')).toBe(4)
    expect([...html.matchAll(/data-testid="economy-chart" data-series="(\w+)" data-points="(\d+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['prices', '3'],
      ['wages', '3'],
      ['earned', '3'],
      ['stock', '3']
    ])
    expect(html).toContain('fridge · meals')
    expect(html).toContain('meal_cost')
    expect(html).toContain('barista')
  })

  it('says it is collecting until the second frame', () => {
    const html = render((s) => s.observer.getState().receive(sampleObserverFull(1), 0))
    expect(countOf(html, 'economy-history-empty')).toBe(1)
    expect(countOf(html, 'economy-chart')).toBe(0)
  })
})

describe('niceTicks', () => {
  it('steps from zero by 1, 2 or 5 times a power of ten, past the largest value', () => {
    expect(niceTicks(0.025)).toEqual([0, 0.01, 0.02, 0.03])
    expect(niceTicks(0.4)).toEqual([0, 0.1, 0.2, 0.3, 0.4])
    expect(niceTicks(12)).toEqual([0, 5, 10, 15])
    expect(niceTicks(290)).toEqual([0, 100, 200, 300])
    expect(niceTicks(0)).toEqual([0, 1])
  })
})
