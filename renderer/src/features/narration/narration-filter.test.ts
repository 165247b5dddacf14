import { describe, expect, it } from 'vitest'
import type { Narration } from '../../../../shared/contract/dto/society'
import { filterNarrations, NO_FILTER, narrationCategories } from './narration-filter'

const line = (tick: number, category: string, priority = false): Narration => ({ tick, category, priority, text: `${category} ${tick}`, agents: [] })
const feed = [line(1, 'conflict'), line(2, 'utility', true), line(3, 'rivalry'), line(4, 'conflict', true)]

describe('narration filter', () => {
  it('shows everything newest first without a filter', () => {
    expect(filterNarrations(feed, NO_FILTER).map((l) => l.tick)).toEqual([4, 3, 2, 1])
  })

  it('keeps the chosen categories, and priority lines only when asked', () => {
    expect(filterNarrations(feed, { categories: ['conflict', 'rivalry'], priorityOnly: false }).map((l) => l.tick)).toEqual([4, 3, 1])
    expect(filterNarrations(feed, { categories: [], priorityOnly: true }).map((l) => l.tick)).toEqual([4, 2])
    expect(filterNarrations(feed, { categories: ['conflict'], priorityOnly: true }).map((l) => l.tick)).toEqual([4])
  })

  it('offers every category seen, plus any still chosen', () => {
    expect(narrationCategories(feed)).toEqual(['conflict', 'rivalry', 'utility'])
    expect(narrationCategories([], ['exit'])).toEqual(['exit'])
  })
})
