import { describe, expect, it } from 'vitest'
import { sampleStatus } from '../../../shared/testing/contract-samples'
import { clearIfRecovered, dismissNotice, MAX_NOTICES, pushNotice, recordFailure } from './failure-store'
import type { FailureSlice } from './failure-store'

const empty: FailureSlice = { failure: null, notices: [], nextNoticeId: 1 }
const crash = { reason: 'worker exited', tick: 12, exit_code: 1, autosave: null }

describe('failure reducers', () => {
  it('keeps the failure until a restarted, healthy status arrives', () => {
    const failed = recordFailure(empty, crash, 0)
    // a frame sent just before the crash, or a status still saying failed, keeps the banner
    expect(clearIfRecovered(failed, sampleStatus({ state: 'running', restarts: 0 })).failure).not.toBeNull()
    expect(clearIfRecovered(failed, sampleStatus({ state: 'failed', restarts: 1 })).failure).not.toBeNull()
    expect(clearIfRecovered(failed, sampleStatus({ state: 'idle', restarts: 1 })).failure).toBeNull()
  })

  it('keeps the latest few notices, each dismissible by id', () => {
    let slice = empty
    for (let i = 0; i < MAX_NOTICES + 2; i++) slice = pushNotice(slice, { code: 'shard.timeout', message: `m${i}` }, i)
    expect(slice.notices.map((n) => n.message)).toEqual(['m2', 'm3', 'm4', 'm5', 'm6'])
    const id = slice.notices[1]!.id
    expect(dismissNotice(slice, id).notices.map((n) => n.message)).toEqual(['m2', 'm4', 'm5', 'm6'])
  })
})
