import { describe, expect, it } from 'vitest'
import { err, ok } from '../../../../shared/result'
import { sampleAgentDetail } from '../../../../shared/testing/contract-samples'
import { nextDetailState, sortTies } from './agent-detail-state'

describe('inspector detail', () => {
  it('takes a detail, says "gone" for console.not_found, and keeps the last detail over a failed refresh', () => {
    const detail = sampleAgentDetail()
    const loaded = nextDetailState({ status: 'loading' }, ok(detail))
    expect(loaded).toEqual({ status: 'ok', detail })
    expect(nextDetailState(loaded, err('ipc.disconnected', 'lost'))).toBe(loaded)
    expect(nextDetailState(loaded, err('console.not_found', 'no agent'))).toEqual({ status: 'gone' })
    expect(nextDetailState({ status: 'loading' }, err('app.unsupported', 'not yet'))).toEqual({ status: 'error', message: 'app.unsupported: not yet' })
  })

  it('sorts ties by rivalry, then trust, then id', () => {
    const tie = (other: string, rivalry: number, trust: number) => ({ other, rivalry, trust, familiarity: 0 })
    expect(sortTies([tie('a', 0.1, 0.9), tie('b', 0.5, 0), tie('c', 0.1, 0.95), tie('d', 0.1, 0.9)]).map((t) => t.other)).toEqual(['b', 'c', 'a', 'd'])
  })
})
