/** The jobs table's numbers: money columns align on two decimals, wages show exactly. */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { JobRow } from '../../../../shared/contract/dto/observer'
import { JobsTable } from './jobs-table'

function job(id: string, wage: number, earned: number, withheld: number): JobRow {
  return {
    id,
    workplace: 'shop',
    start: '09:00',
    end: '17:00',
    wage,
    lateness_penalty: 0.1,
    employed: 2,
    on_shift: 1,
    late: 0,
    attendance: 0.5,
    late_shifts: 0,
    wages_earned: earned,
    wages_withheld: withheld
  }
}

/** The text of every element carrying the test id, in document order. */
function column(html: string, testId: string): string[] {
  return [...html.replace(/<!-- -->/g, '').matchAll(new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`, 'g'))].map((m) => m[1]!.trim())
}

describe('Jobs table', () => {
  const html = renderToStaticMarkup(<JobsTable jobs={[job('grocer', 0.02, 5, 0.4), job('barista', 0.025, 27.7, 12), job('porter', 0.5, 1_234.5, 0)]} />)

  it('shows every money cell with two decimals, so the column lines up', () => {
    expect(column(html, 'job-wages-earned')).toEqual(['5.00', '27.70', '1,234.50'])
    expect(column(html, 'job-wages-withheld')).toEqual(['0.40', '12.00', '0.00'])
    for (const cell of [...column(html, 'job-wages-earned'), ...column(html, 'job-wages-withheld')]) expect(cell).toMatch(/\.\d{2}$/)
  })

  it('shows the wage per tick exactly, not rounded to cents', () => {
    expect(column(html, 'job-wage')).toEqual(['0.02', '0.025', '0.50'])
  })
})
