import { describe, expect, it } from 'vitest'
import { OPTION_INDEX } from '../../sim/state/agent-store'
import type { SimEvent } from '../../sim/state/world'
import { tick } from '../../sim/tick'
import { testWorld } from '../../sim/testing/test-world'
import { atDecisionPoint } from '../options'
import { decideScripted, scriptedIntent } from './scripted-controller'

/** Comfortable people with nothing to do: needs frozen full, no jobs, chance chats off. */
const YAML = (chat: string) => `config_id: idle_town
seed: 2
rewards:
  decay_rates: { hunger: 0, hygiene: 0, energy: 0 }
society: { chat: ${chat} }
world:
  tile_capacity: 4
  population: 3
  initial: { needs_min: 1, needs_max: 1 }
  layout:
    map: |
      ############
      #..........#
      #.F......B.#
      #..........#
      ############
    homes:
      - { id: flat, area: [1, 1, 10, 3] }
`

function run(world: ReturnType<typeof testWorld>, ticks: number) {
  const events: SimEvent[] = []
  const decided: string[] = []
  for (let t = 0; t < ticks; t++) {
    const decisions = decideScripted(world)
    for (const d of decisions) decided.push(d.option)
    events.push(...tick(world, { decisions, console: [] }))
  }
  return { events, decided }
}

describe('scripted controller: socialising and intents', () => {
  it('comfortable idle agents now and then seek someone out and chat', () => {
    const world = testWorld(YAML('{ chance: 0 }'))
    const { events, decided } = run(world, 200)
    expect(decided).toContain('socialise')
    expect(events.some((e) => e.type === 'chat_success' || e.type === 'chat_failure')).toBe(true)
    // Not a crowd: a handful of seeks in 200 ticks for three people, each ending.
    const seeks = decided.filter((o) => o === 'socialise').length
    expect(seeks).toBeLessThanOrEqual(3 * Math.ceil(200 / 30))
  })

  it('never socialises when chat is disabled', () => {
    const world = testWorld(YAML('{ enabled: false }'))
    expect(run(world, 200).decided).not.toContain('socialise')
  })

  it('a possessed agent gets no scripted decision', () => {
    const world = testWorld(YAML('{ chance: 0 }'))
    tick(world, { decisions: [], console: [{ op: 'possess', agent: 0 }] })
    for (let t = 0; t < 100; t++) {
      const decisions = decideScripted(world)
      expect(decisions.some((d) => d.agent === 0)).toBe(false)
      tick(world, { decisions, console: [] })
    }
    expect(atDecisionPoint(world, 0)).toBe(false)
  })

  it('scriptedIntent agrees with decideScripted and names the option the agent will carry out', () => {
    const world = testWorld(YAML('{ chance: 0 }'))
    for (let t = 0; t < 120; t++) {
      const intents = new Map<number, ReturnType<typeof scriptedIntent>>()
      for (let i = 0; i < world.state.agents.count; i++) if (atDecisionPoint(world, i)) intents.set(i, scriptedIntent(world, i))
      const decisions = decideScripted(world)
      expect(decisions).toEqual([...intents.values()].flatMap((x) => (x.decision ? [x.decision] : [])))
      tick(world, { decisions, console: [] })
      for (const [i, intent] of intents) expect(world.state.agents.cols.option[i], `agent ${i} at ${t}`).toBe(OPTION_INDEX[intent.option])
    }
  })
})
