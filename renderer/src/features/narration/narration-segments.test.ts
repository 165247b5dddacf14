import { describe, expect, it } from 'vitest'
import { narrationSegments } from './narration-segments'

describe('narration segments', () => {
  it('cuts the names the line is about out of its text', () => {
    expect(narrationSegments('The rivalry between alice and bob is rising (0.71, handover).', ['alice', 'bob'])).toEqual([
      { kind: 'text', text: 'The rivalry between ' },
      { kind: 'agent', id: 'alice' },
      { kind: 'text', text: ' and ' },
      { kind: 'agent', id: 'bob' },
      { kind: 'text', text: ' is rising (0.71, handover).' }
    ])
    expect(narrationSegments("bob's employment has ended.", ['bob'])).toEqual([
      { kind: 'agent', id: 'bob' },
      { kind: 'text', text: "'s employment has ended." }
    ])
  })

  it('matches whole ids only, the longest first', () => {
    expect(narrationSegments('ada_2 arrived, taking ada’s place; adam waved.', ['ada', 'ada_2'])).toEqual([
      { kind: 'agent', id: 'ada_2' },
      { kind: 'text', text: ' arrived, taking ' },
      { kind: 'agent', id: 'ada' },
      { kind: 'text', text: '’s place; adam waved.' }
    ])
  })

  it('leaves a line about nobody, or about ids it does not spell, as text', () => {
    expect(narrationSegments('The power went out.', [])).toEqual([{ kind: 'text', text: 'The power went out.' }])
    expect(narrationSegments('A price spike began.', ['market'])).toEqual([{ kind: 'text', text: 'A price spike began.' }])
  })
})
