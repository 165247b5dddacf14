import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyMutation, expectReaderContract, expectRoundTrip, mutationOf } from '../snapshot/testing/json-mutations'
import { policyFromJSON, policyToJSON } from './policy-state'

describe('policy state JSON', () => {
  it('round-trips any anneal ratio (property)', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (r) => void expectRoundTrip(policyFromJSON, policyToJSON, { anneal_ratio: r })), { numRuns: 100 })
  })

  it('refuses a ratio that is no probability, and never throws (property)', () => {
    expect(policyFromJSON({ anneal_ratio: 1.5 })).toEqual({ ok: false, problems: ['policy.anneal_ratio: expected a number from 0 to 1, got 1.5'] })
    const json = { anneal_ratio: 0.25 }
    fc.assert(fc.property(mutationOf(json), (m) => expectReaderContract(policyFromJSON, policyToJSON, applyMutation(json, m))), { numRuns: 100 })
  })
})
