import { describe, expect, it } from 'vitest'
import { appState } from './app-state'

describe('appState', () => {
  it('is loading until connected with a status, then ready', () => {
    expect(appState('connecting', false, false)).toBe('loading')
    expect(appState('connected', true, false)).toBe('loading')
    expect(appState('connected', true, true)).toBe('ready')
  })

  it('is disconnected when the link drops or was refused', () => {
    expect(appState('connecting', true, true)).toBe('disconnected')
    expect(appState('disconnected', true, true)).toBe('disconnected')
    expect(appState('disconnected', false, false)).toBe('disconnected')
  })
})
