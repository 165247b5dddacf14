import { describe, expect, it } from 'vitest'
import { sampleEntry, sampleInspection } from '../features/snapshots/snapshot-fixtures'
import { createSnapshotStore, IDLE, LOADING } from './snapshot-store'

const list = (...names: string[]) => ({ root: 'snapshots', snapshots: names.map((name) => sampleEntry({ name })) })

describe('the snapshot store', () => {
  it('forgets the reads of a selection when another is selected', () => {
    const store = createSnapshotStore()
    store.getState().setList(list('a.json', 'b.json'))
    store.getState().select('a.json')
    store.getState().setRead('inspection', { state: 'ok', value: sampleInspection() })
    store.getState().setCompareWith('b.json')
    store.getState().select('b.json')
    expect(store.getState()).toMatchObject({ selected: 'b.json', compareWith: null, inspection: IDLE })
  })

  it('keeps the selection across a new list that still has it, drops it otherwise', () => {
    const store = createSnapshotStore()
    store.getState().setList(list('a.json', 'b.json'))
    store.getState().select('a.json')
    store.getState().setRead('verdict', LOADING)
    store.getState().setList(list('a.json', 'c.json'))
    expect(store.getState()).toMatchObject({ selected: 'a.json', verdict: LOADING })
    store.getState().setList(list('c.json'))
    expect(store.getState()).toMatchObject({ selected: null, verdict: IDLE })
  })
})
