import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { telemetrySchemaWarning } from './telemetry-console'

describe('telemetrySchemaWarning', () => {
  it('warns on a newer minor or major, and an older major; not on its own or an older minor', () => {
    const w = (v: unknown, name = 'telemetry_snapshot') => telemetrySchemaWarning(name, { schema_version: v }, '1.0')
    expect(w('1.3')).toBe('shard reports telemetry schema 1.3, this console knows 1.0: update the workstation; fields may be missing')
    expect(w('2.0', 'conflict_status')).toMatch(/^shard reports telemetry schema 2\.0, this console knows 1\.0: update the workstation; fields may be missing or mean something else$/)
    expect(w('0.9', 'health_status')).toMatch(/older than this console's 1\.0: update the shard/)
    expect(telemetrySchemaWarning('health_status', { schema_version: '1.0' }, '1.2')).toBeNull()
    expect(w('1.0')).toBeNull()
    expect(w(undefined)).toBeNull()
    expect(w(1)).toMatch(/old telemetry_snapshot version 1/)
  })

  it('looks only at the telemetry commands, and only at objects', () => {
    expect(telemetrySchemaWarning('snapshot_inspect', { schema_version: '9.0' })).toBeNull()
    expect(telemetrySchemaWarning('telemetry_snapshot', null)).toBeNull()
    expect(telemetrySchemaWarning('telemetry_snapshot', ['9.0'])).toBeNull()
  })

  it('never echoes a version that is not two numbers (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (v) => {
        const warning = telemetrySchemaWarning('telemetry_snapshot', { schema_version: v }, '1.0')
        if (/^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/.test(v)) return
        expect(warning).toMatch(/cannot read/)
        if (v.length > 3) expect(warning).not.toContain(v)
      })
    )
  })
})
