import { describe, expect, it } from 'vitest'
import { AGENT_F64_COLUMNS, AGENT_I32_COLUMNS, AgentStore } from './agent-store'

describe('AgentStore', () => {
  it('keeps every column through growth, with neutral values for new slots', () => {
    const store = new AgentStore(2)
    for (let i = 0; i < 40; i++) {
      const slot = store.add(`a${i}`)
      store.cols.wallet[slot] = i
      store.cols.x[slot] = i * 2
    }
    expect(store.count).toBe(40)
    expect(Array.from(store.cols.wallet.subarray(0, 40))).toEqual(Array.from({ length: 40 }, (_, i) => i))
    expect(Array.from(store.cols.x.subarray(0, 40))).toEqual(Array.from({ length: 40 }, (_, i) => i * 2))
    expect(Array.from(store.cols.homeTile.subarray(0, 40)).every((v) => v === -1)).toBe(true)
    expect(store.ids[39]).toBe('a39')
  })

  it('holds exactly the listed columns, in their order, typed and sized, before and after growth', () => {
    const store = new AgentStore(4)
    const check = (capacity: number) => {
      expect(Object.keys(store.cols)).toEqual([...AGENT_F64_COLUMNS, ...AGENT_I32_COLUMNS])
      for (const k of AGENT_F64_COLUMNS) expect(store.cols[k]).toBeInstanceOf(Float64Array)
      for (const k of AGENT_I32_COLUMNS) expect(store.cols[k]).toBeInstanceOf(Int32Array)
      for (const k of Object.keys(store.cols) as (keyof typeof store.cols)[]) expect(store.cols[k].length).toBe(capacity)
    }
    check(4)
    for (let i = 0; i < 5; i++) store.add(`a${i}`)
    check(8)
  })
})
