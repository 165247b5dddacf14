import { describe, expect, it } from 'vitest'
import { Phase } from '../state/agent-store'
import { testWorld } from '../testing/test-world'
import { applyDecision } from './decisions'
import { tick } from '../tick'

const KITCHEN = `config_id: k
seed: 1
rewards:
  decay_rates: { hunger: 0, hygiene: 0, energy: 0 }
world:
  agents:
    - { id: ann, at: [2, 1], needs: { hunger: 0.2, hygiene: 0.9, energy: 0.9 }, wallet: 1 }
  layout:
    map: |
      #######
      #.....#
      #.F.S.#
      #.....#
      #######
    homes:
      - { id: home, area: [1, 1, 5, 3] }
`
const idle = { decisions: [], console: [] }

describe('affordance runtime', () => {
  it('charges the cost and takes stock at the start, applies effects at completion', () => {
    const world = testWorld(KITCHEN)
    const { state } = world
    applyDecision(world, { agent: 0, option: 'eat', object: 0 })
    const events: string[] = []
    for (let t = 0; t < 30 && state.agents.cols.phase[0] !== Phase.done; t++) events.push(...tick(world, idle).map((e) => e.type))
    expect(events).toContain('affordance_start')
    expect(events).toContain('affordance_finish')
    expect(state.agents.cols.hunger[0]).toBeCloseTo(0.75)
    expect(state.agents.cols.wallet[0]).toBeCloseTo(0.6)
    expect(state.objects.stock[0]!.meals).toBe(3)
    expect(state.agents.cols.mealsEaten[0]).toBe(1)
    expect(state.totals.meals).toBe(1)
    // A cooldown follows a successful use.
    expect(state.objects.cooldowns[0]!.get(0)).toBeGreaterThan(state.tick)
  })

  it('refuses a start whose precondition fails, naming it, and charges nothing', () => {
    const world = testWorld(KITCHEN)
    const { state } = world
    state.utilities.power = false
    applyDecision(world, { agent: 0, option: 'cook', object: 1 })
    const events = []
    for (let t = 0; t < 10; t++) events.push(...tick(world, idle))
    const failed = events.find((e) => e.type === 'affordance_fail')
    expect(failed).toMatchObject({ agent_id: 'ann', object_id: 'stove_1', reason: 'precondition failed: utilities.power' })
    expect(events.some((e) => e.type === 'utility_outage_noticed')).toBe(true)
    expect(state.agents.cols.phase[0]).toBe(Phase.failed)
    expect(state.agents.cols.wallet[0]).toBe(1)
    expect(state.objects.stock[1]!.ingredients).toBe(4)
    expect(state.objects.holder[1]).toBe(-1)
    // The refused object is skipped for a while.
    expect(state.agents.cols.avoidObject[0]).toBe(1)
  })

  it('refunds cost and stock when the agent is interrupted mid-affordance', () => {
    const world = testWorld(KITCHEN)
    const { state } = world
    applyDecision(world, { agent: 0, option: 'cook', object: 1 })
    for (let t = 0; t < 10 && state.agents.cols.phase[0] !== Phase.using; t++) tick(world, idle)
    expect(state.agents.cols.phase[0]).toBe(Phase.using)
    expect(state.agents.cols.wallet[0]).toBeCloseTo(0.85)
    const events = tick(world, { decisions: [{ agent: 0, option: 'idle', object: -1 }], console: [] })
    expect(events.find((e) => e.type === 'affordance_fail')).toMatchObject({ reason: 'interrupted' })
    expect(state.agents.cols.wallet[0]).toBe(1)
    expect(state.objects.stock[1]!.ingredients).toBe(4)
    expect(state.objects.running[1]).toBe(-1)
  })
})
