import { describe, expect, it } from 'vitest'
import { sampleAgentRow } from '../../../../shared/testing/contract-samples'
import { DEFAULT_QUERY, queryAgents, sortAgents } from './agent-table'
import { naturalCompare } from './natural-order'

describe('natural order', () => {
  it('compares digit runs as numbers', () => {
    expect(['ada_10', 'ada', 'ada_2', 'ada_1'].sort(naturalCompare)).toEqual(['ada', 'ada_1', 'ada_2', 'ada_10'])
    expect(['fridge_10', 'fridge_9', 'bed_2'].sort(naturalCompare)).toEqual(['bed_2', 'fridge_9', 'fridge_10'])
  })

  it('never calls two different ids equal, so the order is total', () => {
    expect(naturalCompare('a01', 'a1')).not.toBe(0)
    expect(Math.sign(naturalCompare('a01', 'a1'))).toBe(-Math.sign(naturalCompare('a1', 'a01')))
    expect(naturalCompare('bob', 'bob')).toBe(0)
  })

  it('sorts the agents table by id and by text columns naturally', () => {
    const rows = ['ada_10', 'bob', 'ada_2', 'ada'].map((id, i) => sampleAgentRow({ id, target: `fridge_${[10, 9, 2, 1][i]}` }))
    expect(queryAgents(rows, DEFAULT_QUERY).map((r) => r.id)).toEqual(['ada', 'ada_2', 'ada_10', 'bob'])
    expect(sortAgents(rows, 'id', 'desc').map((r) => r.id)).toEqual(['bob', 'ada_10', 'ada_2', 'ada'])
    expect(sortAgents(rows, 'target', 'asc').map((r) => r.target)).toEqual(['fridge_1', 'fridge_2', 'fridge_9', 'fridge_10'])
  })
})
