import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff'
import { hasToken, socketUrlFor } from './socket-url'

describe('socketUrlFor', () => {
  it('carries the page token to the /ws endpoint', () => {
    const location = { protocol: 'http:', host: '127.0.0.1:5173', search: '?token=ab+c/d' }
    expect(socketUrlFor(location)).toBe('ws://127.0.0.1:5173/ws?token=ab%20c%2Fd')
    expect(hasToken(location)).toBe(true)
  })

  it('notices a missing token', () => {
    expect(hasToken({ protocol: 'http:', host: 'localhost:1', search: '' })).toBe(false)
  })
})

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => backoffDelay(n))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000])
  })
})
