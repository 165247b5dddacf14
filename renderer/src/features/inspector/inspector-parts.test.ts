import { describe, expect, it } from 'vitest'
import { sessionFixture } from '../../testing/session-fixture'
import { adminGate, OFFLINE_REASON, VIEWER_REASON } from '../operator/command-gate'
import { adaptArgs, OPERATOR_COMMANDS, resolveCommand, spawnArgs } from '../operator/operator-commands'
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
  const info = sessionFixture.commands

  it('uses the spelling the host lists, else the preferred one', () => {
    expect(resolveCommand(info, OPERATOR_COMMANDS.setNeed).name).toBe('setneed')
    expect(resolveCommand([], OPERATOR_COMMANDS.setNeed)).toEqual({ name: 'set_need' })
    expect(resolveCommand(info, OPERATOR_COMMANDS.kill).info?.destructive).toBe(true)
  })

  it('renames arguments to the host spelling only where it lists an alias', () => {
    const setneed = resolveCommand(info, OPERATOR_COMMANDS.setNeed).info
    expect(adaptArgs(setneed, { agent: 'alice', need: 'hunger', value: 0.5 })).toEqual({ agent_id: 'alice', need: 'hunger', value: 0.5 })
    const kill = resolveCommand(info, OPERATOR_COMMANDS.kill).info
    expect(adaptArgs(kill, { agent: 'alice' })).toEqual({ agent: 'alice' })
    expect(adaptArgs(undefined, { agent: 'alice' })).toEqual({ agent: 'alice' })
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
