import { describe, expect, it } from 'vitest'
import { Phase } from '../../sim/state/agent-store'
import { testWorld } from '../../sim/testing/test-world'
import { tick } from '../../sim/tick'
import { decideScripted } from './scripted-controller'

const TWO_FRIDGES = (wallet: number, hunger = 0.2) => `config_id: c
seed: 1
rewards:
  decay_rates: { hunger: 0, hygiene: 0, energy: 0 }
behavior:
  option_commit_ticks: 15
  retry_after_ticks: 30
world:
  agents:
    - { id: ann, at: [1, 1], needs: { hunger: ${hunger}, hygiene: 0.9, energy: 0.9 }, wallet: ${wallet} }
  layout:
    map: |
      #########
      #.......#
      #.F...F.#
      #.....S.#
      #########
    homes:
      - { id: home, area: [1, 1, 7, 3] }
`

function step(world: ReturnType<typeof testWorld>) {
  const decisions = decideScripted(world)
  return { decisions, events: tick(world, { decisions, console: [] }) }
}

describe('scripted controller', () => {
  it('goes for the nearest usable object for its lowest need', () => {
    const world = testWorld(TWO_FRIDGES(5))
    expect(decideScripted(world)).toEqual([{ agent: 0, option: 'eat', object: 0 }])
  })

  it('tries another object of the same type when one refuses it', () => {
    const world = testWorld(TWO_FRIDGES(5))
    world.state.objects.stock[0]!.meals = 0
    // Fridge 1 looks empty, so the controller goes to the far fridge at once.
    expect(decideScripted(world)).toEqual([{ agent: 0, option: 'eat', object: 1 }])
    // After a refusal (e.g. a cooldown) the refusing object is skipped for retry_after_ticks.
    world.state.objects.stock[0]!.meals = 4
    world.state.agents.cols.avoidObject[0] = 0
    world.state.agents.cols.avoidUntil[0] = 30
    expect(decideScripted(world)).toEqual([{ agent: 0, option: 'eat', object: 1 }])
  })

  it('cooks when it cannot afford a bought meal', () => {
    const world = testWorld(TWO_FRIDGES(0.2))
    expect(decideScripted(world)).toEqual([{ agent: 0, option: 'cook', object: 2 }])
  })

  it('waits at home and picks again later when nothing can serve the need', () => {
    const world = testWorld(TWO_FRIDGES(0))
    expect(decideScripted(world)).toEqual([{ agent: 0, option: 'idle', object: -1 }])
    step(world)
    // Idle at home with nothing better: no new decision every tick.
    for (let t = 0; t < 5; t++) expect(step(world).decisions).toEqual([])
    world.state.agents.cols.wallet[0] = 5
    expect(decideScripted(world)).toEqual([{ agent: 0, option: 'eat', object: 0 }])
  })

  it('sees an option through: eats, then returns to idle, without switching mid-way', () => {
    const world = testWorld(TWO_FRIDGES(5, 0.3))
    const options: string[] = []
    for (let t = 0; t < 40; t++) {
      for (const d of step(world).decisions) options.push(d.option)
      if (world.state.agents.cols.phase[0] === Phase.done && world.state.agents.cols.mealsEaten[0] === 1) break
    }
    expect(options).toEqual(['eat'])
    expect(world.state.agents.cols.mealsEaten[0]).toBe(1)
    expect(step(world).decisions.map((d) => d.option)).toEqual(['idle'])
  })
})
