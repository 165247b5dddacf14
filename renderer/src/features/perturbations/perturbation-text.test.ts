import { describe, expect, it } from 'vitest'
import { perturbationCancelArgs, perturbationTriggerArgs, employmentExitArgs } from '../operator/operator-commands'
import { cooldownText, endsInText, formatTicks, hasPerturbations, magnitudeText, startsInText, targetsText, ticksUntil } from './perturbation-text'

describe('perturbation banner text', () => {
  it('says how long an active event has left, never a negative count', () => {
    expect(endsInText({ ends_at: 130 }, 100)).toBe('ends in 30 ticks')
    expect(endsInText({ ends_at: 101 }, 100)).toBe('ends in 1 tick')
    expect(endsInText({ ends_at: 100 }, 100)).toBe('ending')
    expect(endsInText({ ends_at: 90 }, 100)).toBe('ending')
    expect(ticksUntil(90, 100)).toBe(0)
    expect(formatTicks(2)).toBe('2 ticks')
  })

  it('says when a pending event starts and when a spec is ready again', () => {
    expect(startsInText({ starts_at: 105 }, 100)).toBe('starts in 5 ticks')
    expect(startsInText({ starts_at: 100 }, 100)).toBe('starting')
    expect(cooldownText(160, 100)).toBe('ready in 60 ticks')
    expect(cooldownText(50, 100)).toBe('ready')
  })

  it('names targets (a few, then a count) and the magnitude', () => {
    expect(targetsText([])).toBe('town-wide')
    expect(targetsText(['alice', 'bob'])).toBe('alice, bob')
    expect(targetsText(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('a, b, c, d +2')
    expect(magnitudeText(null)).toBe('')
    expect(magnitudeText(2)).toBe('×2')
    expect(magnitudeText(1.5)).toBe('×1.5')
    expect(magnitudeText(0.333)).toBe('×0.33')
  })

  it('has something to show with active, pending or cooling specs only', () => {
    const none = { active: [], pending: [], cooldowns: [], specs: [{ name: 'outage', kind: 'power_outage' }] }
    expect(hasPerturbations(none)).toBe(false)
    expect(hasPerturbations({ ...none, cooldowns: [{ spec: 'outage', until: 9 }] })).toBe(true)
  })
})

describe('perturbation and employment arguments', () => {
  it('sends magnitude and duration only when typed, and refuses bad values', () => {
    expect(perturbationTriggerArgs('outage', '', '')).toEqual({ spec: 'outage' })
    expect(perturbationTriggerArgs(' outage ', '1.5', '30')).toEqual({ spec: 'outage', magnitude: 1.5, duration: 30 })
    expect(perturbationTriggerArgs('outage', 'abc', '')).toBeNull()
    expect(perturbationTriggerArgs('outage', '', '2.5')).toBeNull()
    expect(perturbationTriggerArgs('outage', '', '0')).toBeNull()
    expect(perturbationTriggerArgs('', '', '')).toBeNull()
  })

  it('names the event to cancel and the exit action', () => {
    expect(perturbationCancelArgs('p-3')).toEqual({ event_id: 'p-3' })
    expect(employmentExitArgs('approve', 'bob')).toEqual({ action: 'approve', agent: 'bob' })
    expect(employmentExitArgs('defer', 'bob')).toEqual({ action: 'defer', agent: 'bob' })
  })
})
