import { describe, expect, it } from 'vitest'
import { AgentStore } from './agent-store'

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
})
