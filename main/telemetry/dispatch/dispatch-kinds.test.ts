import { describe, expect, it } from 'vitest'
import { ALWAYS_ON_KINDS, ON_REQUEST_KINDS, STREAM_KIND_NAMES } from '../../config/sections/telemetry-dispatch'
import { STREAM_KINDS, STREAM_MINOR, STREAM_SCHEMA_VERSION, StreamMessageSchema } from '../stream/stream-schema'
import { DISPATCH_PAYLOADS } from './dispatch-kinds'

describe('dispatch kinds', () => {
  it('the config knows exactly the stream’s kinds (add a new kind to ALWAYS_ON_KINDS in main/config/sections/telemetry-dispatch.ts too)', () => {
    expect([...STREAM_KIND_NAMES].sort()).toEqual([...STREAM_KINDS].sort())
    expect(Object.keys(DISPATCH_PAYLOADS).sort()).toEqual([...ON_REQUEST_KINDS].sort())
    expect(ALWAYS_ON_KINDS.filter((k) => (ON_REQUEST_KINDS as readonly string[]).includes(k))).toEqual([])
  })

  it('registers the on-request kinds in stream 1.1, checked like any other kind', () => {
    expect(STREAM_MINOR).toBeGreaterThanOrEqual(1)
    const snapshot = { schema_version: STREAM_SCHEMA_VERSION, kind: 'agent.snapshot', tick: 3, payload: { agents: [] } }
    expect(StreamMessageSchema.safeParse(snapshot).success).toBe(true)
    expect(StreamMessageSchema.safeParse({ ...snapshot, payload: { agents: [{ agent_id: 'x' }] } }).success).toBe(false)
    expect(StreamMessageSchema.safeParse({ ...snapshot, kind: 'observation' }).success).toBe(false)
  })
})
