import { describe, expect, it } from 'vitest'
import type { AgentRow } from '../../../../shared/contract/dto/observer'
import { sampleAgentRow } from '../../../../shared/testing/contract-samples'
import { DEFAULT_QUERY, queryAgents } from './agent-table'
import { freezeOrder, holdOrder } from './frozen-order'

const byHunger = { ...DEFAULT_QUERY, sortKey: 'hunger' as const }
const townOf = (rows: AgentRow[]) => new Map(rows.map((r) => [r.id, r]))
const ids = (rows: readonly AgentRow[]) => rows.map((r) => r.id)

describe('frozen order', () => {
  const before = [sampleAgentRow({ id: 'abe', hunger: 0.2 }), sampleAgentRow({ id: 'bea', hunger: 0.5 }), sampleAgentRow({ id: 'cy', hunger: 0.8 })]
  const frozen = freezeOrder(queryAgents(before, byHunger))

  it('follows the sort when nothing is frozen', () => {
    const live = queryAgents(before, byHunger)
    expect(holdOrder(null, townOf(before), live)).toBe(live)
  })

  it('keeps the frozen order while values change, showing the live values', () => {
    // abe ate: sorted live he would move to the bottom.
    const after = [sampleAgentRow({ id: 'abe', hunger: 0.95 }), before[1]!, before[2]!]
    const live = queryAgents(after, byHunger)
    expect(ids(live)).toEqual(['bea', 'cy', 'abe'])
    const held = holdOrder(frozen, townOf(after), live)
    expect(ids(held)).toEqual(['abe', 'bea', 'cy'])
    expect(held[0]?.hunger).toBe(0.95)
  })

  it('drops agents that left and appends the ones that arrived', () => {
    const after = [before[0]!, before[2]!, sampleAgentRow({ id: 'ada', hunger: 0.1 })]
    const held = holdOrder(frozen, townOf(after), queryAgents(after, byHunger))
    expect(ids(held)).toEqual(['abe', 'cy', 'ada'])
  })
})
