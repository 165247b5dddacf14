import { describe, expect, it } from 'vitest'
import { EVENT_CHANNEL_NAMES, INVOKE_CHANNEL_NAMES } from './channel-names'
import { eventChannels, invokeChannels, isEventName, isInvokeName } from './channels'

describe('contract table', () => {
  it('keeps the preload allow-list equal to the invoke table', () => {
    expect([...INVOKE_CHANNEL_NAMES].sort()).toEqual(Object.keys(invokeChannels).sort())
  })

  it('keeps the preload allow-list equal to the event table', () => {
    expect([...EVENT_CHANNEL_NAMES].sort()).toEqual(Object.keys(eventChannels).sort())
  })

  it('never uses one name for both an invoke and an event channel', () => {
    for (const name of Object.keys(invokeChannels)) expect(isEventName(name)).toBe(false)
    for (const name of Object.keys(eventChannels)) expect(isInvokeName(name)).toBe(false)
  })

  it('does not treat prototype keys as channels', () => {
    expect(isInvokeName('toString')).toBe(false)
    expect(isEventName('__proto__')).toBe(false)
  })
})
