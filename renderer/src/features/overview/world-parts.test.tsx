/**
 * The World card's presentational parts, rendered to static markup: every figure lands under
 * its test id, formatted.
 */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { emptyWorldSummary } from '../../../../shared/contract/dto/world-summary'
import type { WorldSummary } from '../../../../shared/contract/dto/world-summary'
import { ActivityChips } from './activity-chips'
import { NeedBars } from './need-bars'
import { needLevel } from './need-level'
import { WorldFacts } from './world-facts'

const town: WorldSummary = {
  agents: 6,
  day: 2,
  clock: '07:30',
  needs: { hunger: 0.724, hygiene: 0.35, energy: 0.1 },
  wallet: { mean: 1.5, min: -0.4, max: 4, total: 9 },
  employment: { employed: 5, on_shift: 3, late: 1, attendance: 0.875 },
  activity: { idle: 1, eat: 2, cook: 0, shower: 1, sleep: 0, work: 2, socialise: 0 },
  objects: { total: 10, in_use: 4, queued: 2 },
  utilities: { power: true, water: false },
  totals: { meals: 1_234, showers: 56, sleeps: 7, shifts_late: 3 }
}

/** The text inside the element carrying `data-testid="id"` (one with no nested tag of its own name). */
function textOf(html: string, id: string): string {
  const doc = html.replace(/<!-- -->/g, '')
  const match = new RegExp(`<(\\w+)[^>]*data-testid="${id}"[^>]*>(.*?)</\\1>`).exec(doc)
  if (!match) throw new Error(`no element with data-testid="${id}" in ${doc}`)
  return match[2]!.replace(/<[^>]+>/g, '')
}

describe('need level', () => {
  it('grades mean needs: ok, low under 0.4, critical under 0.2', () => {
    expect(needLevel(0.9)).toBe('ok')
    expect(needLevel(0.4)).toBe('ok')
    expect(needLevel(0.39)).toBe('low')
    expect(needLevel(0.2)).toBe('low')
    expect(needLevel(0.19)).toBe('critical')
  })
})

describe('world card parts', () => {
  it('shows each mean need as a percentage with its level', () => {
    const html = renderToStaticMarkup(<NeedBars needs={town.needs} live />)
    expect(textOf(html, 'need-hunger')).toBe('72%')
    expect(textOf(html, 'need-hygiene')).toBe('35%')
    expect(textOf(html, 'need-energy')).toBe('10%')
    expect(html).toContain('need-hygiene level-low')
    expect(html).toContain('need-energy level-critical')
    expect(html).toContain('width:72%')
  })

  it('shows no need figures for a town without agents', () => {
    const html = renderToStaticMarkup(<NeedBars needs={emptyWorldSummary().needs} live={false} />)
    expect(textOf(html, 'need-hunger')).toBe('—')
    expect(html).not.toContain('level-critical')
  })

  it('shows one chip per option with its count', () => {
    const html = renderToStaticMarkup(<ActivityChips activity={town.activity} />)
    expect(textOf(html, 'activity-idle')).toBe('idle 1')
    expect(textOf(html, 'activity-eat')).toBe('eat 2')
    expect(textOf(html, 'activity-work')).toBe('work 2')
    expect(html).toMatch(/chip chip-zero" data-testid="activity-cook"/)
  })

  it('shows wallets, jobs, objects, utilities and totals', () => {
    const html = renderToStaticMarkup(<WorldFacts world={town} />)
    expect(textOf(html, 'wallet-mean')).toBe('1.50')
    expect(textOf(html, 'wallet-range')).toBe('-0.40–4.00')
    expect(textOf(html, 'employment-employed')).toBe('5')
    expect(textOf(html, 'employment-on-shift')).toBe('3')
    expect(textOf(html, 'employment-late')).toBe('1')
    expect(textOf(html, 'employment-attendance')).toBe('88%')
    expect(textOf(html, 'objects-in-use')).toBe('4/10')
    expect(textOf(html, 'objects-queued')).toBe('2')
    expect(textOf(html, 'util-power')).toBe('power on')
    expect(textOf(html, 'util-water')).toBe('water off')
    expect(html).toContain('data-testid="util-water" data-on="false"')
    expect(textOf(html, 'total-meals')).toBe('1,234')
    expect(textOf(html, 'total-showers')).toBe('56')
    expect(textOf(html, 'total-sleeps')).toBe('7')
    expect(textOf(html, 'total-shifts-late')).toBe('3')
  })
})
