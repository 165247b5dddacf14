import { describe, expect, it } from 'vitest'
import { adminGate, OFFLINE_REASON, VIEWER_REASON } from '../operator/command-gate'
import { killArgs, setNeedArgs, spawnArgs, teleportArgs, utilityArgs } from '../operator/operator-commands'
import { parseNeedValue, parseTileCoord } from './action-inputs'
import { eventText } from './event-text'

describe('inspector inputs', () => {
  it('accepts need values in [0, 1] only', () => {
    expect(parseNeedValue('0.25')).toBe(0.25)
    expect(parseNeedValue('1')).toBe(1)
    expect(parseNeedValue('1.1')).toBeNull()
    expect(parseNeedValue('-0')).toBe(-0)
    expect(parseNeedValue('')).toBeNull()
    expect(parseNeedValue('abc')).toBeNull()
  })

  it('accepts whole tile coordinates inside the map', () => {
    expect(parseTileCoord('3', 5)).toBe(3)
    expect(parseTileCoord('5', 5)).toBeNull()
    expect(parseTileCoord('1.5', 5)).toBeNull()
    expect(parseTileCoord('-1', null)).toBeNull()
    expect(parseTileCoord('99', null)).toBe(99)
  })

  it("writes an event as a sentence, from the inspected agent's side", () => {
    const conflict = { type: 'queue_conflict', tick: 4, object_id: 'fridge_1', actor: 'alice', rival: 'bob', reason: 'handover', intensity: 2 }
    expect(eventText(conflict, 'bob')).toBe('Queued behind alice at fridge_1 (handover, intensity 2)')
    expect(eventText(conflict, 'alice')).toBe('Kept bob waiting at fridge_1 (handover, intensity 2)')
    expect(eventText(conflict)).toBe('bob queued behind alice at fridge_1 (handover, intensity 2)')
  })
})

describe('operator commands', () => {
  it('builds each command arguments under the contract names', () => {
    expect(setNeedArgs('alice', 'hunger', 0.5)).toEqual({ agent: 'alice', need: 'hunger', value: 0.5 })
    expect(teleportArgs('alice', 2, 3)).toEqual({ agent: 'alice', x: 2, y: 3 })
    expect(killArgs('alice')).toEqual({ agent: 'alice' })
    expect(utilityArgs('water', false)).toEqual({ utility: 'water', on: false })
  })

  it('leaves empty spawn options out', () => {
    expect(spawnArgs(' zed ', '', ' shop ')).toEqual({ id: 'zed', job: 'shop' })
  })

  it('lets admins act and tells viewers why not', () => {
    expect(adminGate({ role: 'admin', admin_available: true, issuer: 'w' }, true)).toEqual({ allowed: true, reason: null })
    expect(adminGate({ role: 'viewer', admin_available: true, issuer: 'w' }, true)).toEqual({ allowed: false, reason: VIEWER_REASON })
    expect(adminGate(null, true).reason).toBe(VIEWER_REASON)
    expect(adminGate({ role: 'admin', admin_available: true, issuer: 'w' }, false).reason).toBe(OFFLINE_REASON)
    expect(VIEWER_REASON).toBe('viewer: admin token required — enter it in Console')
  })
})
