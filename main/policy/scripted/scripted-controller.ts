/**
 * The scripted controller: the policy that drives agents from need thresholds and their job.
 * Between ticks it reads the state after the last tick and returns decisions (an option and the
 * object to use) for the agents that should change what they do; the tick then carries them out.
 *
 * Per agent, in priority order: a need below `critical_threshold` → see to it; a shift starting
 * within `job_arrival_buffer` or under way → go to work; needs below their thresholds, the lowest
 * first (hunger: eat a bought meal, or cook when meals are out of reach; hygiene: shower; energy:
 * sleep) → use the best object; otherwise idle at home. A chosen option is held for
 * `option_commit_ticks` before anything but finishing or failing can replace it; an object that
 * refused the agent is skipped for `retry_after_ticks`, so the agent tries another of the same
 * type, cooks instead of buying, or waits and picks again.
 */
import { AGENT_OPTIONS, type AgentOption } from '../../../shared/contract/dto/world-summary'
import type { Decision } from '../../sim/inputs'
import { OPTION_INDEX, Phase, Shift } from '../../sim/state/agent-store'
import type { World } from '../../sim/state/world'
import { chooseObject } from './choose-object'

interface Want {
  option: AgentOption
  object: number
  /** A critical need or a due shift: may cut short a committed option. */
  urgent: boolean
}

type Need = 'hunger' | 'hygiene' | 'energy'
const NEEDS: readonly Need[] = ['hunger', 'hygiene', 'energy']

const NEED_OPTIONS: Record<Need, AgentOption[]> = {
  hunger: ['eat', 'cook'],
  hygiene: ['shower'],
  energy: ['sleep']
}

/**
 * An agent busy with an option reconsiders it every this many ticks (staggered by agent), not
 * every tick: a few ticks' delay in noticing a need is invisible, and it cuts the controller's
 * cost by this factor in a large town. An idle agent looks every tick, so it never sets off late.
 */
const RECONSIDER_EVERY = 4

export function decideScripted(world: World): Decision[] {
  const decisions: Decision[] = []
  const a = world.state.agents.cols
  const tick = world.state.tick
  for (let i = 0; i < world.state.agents.count; i++) {
    const phase = a.phase[i]!
    if (phase === Phase.using || a.alive[i] !== 1) continue
    const inProgress = phase !== Phase.none && phase !== Phase.done && phase !== Phase.failed
    const current = AGENT_OPTIONS[a.option[i]!]!
    if (inProgress && current !== 'idle' && (tick + i) % RECONSIDER_EVERY !== 0) continue
    const want = desire(world, i)
    if (inProgress) {
      if (want.option === current && (want.object === a.target[i] || current === 'work' || current === 'idle')) continue
      const committed = tick - a.optionSince[i]! < world.params.behavior.option_commit_ticks
      const holdsObject = phase === Phase.queued || phase === Phase.holding
      // Idling is not a commitment: anything worth doing replaces it at once.
      if (current !== 'idle') {
        if (committed && !want.urgent) continue
        if (holdsObject && !want.urgent) continue
        if (current !== 'work' && !want.urgent) continue
      }
    }
    if (want.option === 'idle' && current === 'idle' && inProgress) continue
    decisions.push({ agent: i, option: want.option, object: want.object })
  }
  return decisions
}

function desire(world: World, i: number): Want {
  const { behavior } = world.params
  const a = world.state.agents.cols
  const needs = lowestFirst(a.hunger[i]!, a.hygiene[i]!, a.energy[i]!)
  for (const need of needs) {
    const value = a[need][i]!
    if (value >= behavior.critical_threshold) break
    const want = serve(world, i, need, true)
    if (want) return want
  }
  const shift = a.shift[i]
  if (a.job[i]! >= 0 && shift !== Shift.off && a.workTile[i]! >= 0) return { option: 'work', object: -1, urgent: true }
  for (const need of needs) {
    if (a[need][i]! >= behavior[`${need}_threshold`]) continue
    const want = serve(world, i, need, false)
    if (want) return want
  }
  return { option: 'idle', object: -1, urgent: false }
}

function serve(world: World, i: number, need: Need, urgent: boolean): Want | undefined {
  const a = world.state.agents.cols
  const first = topUpFirst(world, i, need)
  if (first) return first
  for (const option of NEED_OPTIONS[need]) {
    // Keep the object already chosen while it is still on the way or queued for.
    if (a.option[i] === OPTION_INDEX[option] && a.target[i]! >= 0 && a.phase[i] !== Phase.failed && a.phase[i] !== Phase.done) {
      return { option, object: a.target[i]!, urgent }
    }
    const object = chooseObject(world, i, option)
    if (object >= 0) return { option, object, urgent }
  }
  return undefined
}

/**
 * Before a long affordance (a night's sleep), see to another need that would fall below the
 * critical threshold while it runs, if that quick detour does not let this need run out:
 * nobody should go to bed hungry and wake up starving. Such a detour is urgent: it may take an
 * agent out of a queue for a bed.
 */
function topUpFirst(world: World, i: number, need: Need): Want | undefined {
  const { behavior, decay } = world.params
  const a = world.state.agents.cols
  const duration = longestFor(world, need)
  for (const other of NEEDS) {
    if (other === need || a[other][i]! - decay[other] * duration >= behavior.critical_threshold) continue
    if (a[need][i]! - decay[need] * longestFor(world, other) <= 0) continue
    for (const option of NEED_OPTIONS[other]) {
      if (a.option[i] === OPTION_INDEX[option] && a.target[i]! >= 0 && a.phase[i] !== Phase.failed && a.phase[i] !== Phase.done) return { option, object: a.target[i]!, urgent: true }
      const object = chooseObject(world, i, option)
      if (object >= 0) return { option, object, urgent: true }
    }
  }
  return undefined
}

/** The longest affordance that serves each need, in ticks; computed once per registry (hot reload swaps it). */
const longestByRegistry = new WeakMap<World['registry'], Record<Need, number>>()

function longestFor(world: World, need: Need): number {
  let table = longestByRegistry.get(world.registry)
  if (!table) {
    table = { hunger: 0, hygiene: 0, energy: 0 }
    for (const n of NEEDS) {
      for (const option of NEED_OPTIONS[n]) {
        for (const c of world.registry.byOption.get(option) ?? []) table[n] = Math.max(table[n], c.spec.duration)
      }
    }
    longestByRegistry.set(world.registry, table)
  }
  return table[need]
}

/** The three needs ordered from the lowest value (ties keep hunger, hygiene, energy order); no allocation. */
const ORDERS: readonly (readonly Need[])[] = [
  ['hunger', 'hygiene', 'energy'],
  ['hunger', 'energy', 'hygiene'],
  ['hygiene', 'hunger', 'energy'],
  ['hygiene', 'energy', 'hunger'],
  ['energy', 'hunger', 'hygiene'],
  ['energy', 'hygiene', 'hunger']
]

function lowestFirst(hunger: number, hygiene: number, energy: number): readonly Need[] {
  if (hunger <= hygiene) {
    if (hygiene <= energy) return ORDERS[0]!
    return hunger <= energy ? ORDERS[1]! : ORDERS[4]!
  }
  if (hunger <= energy) return ORDERS[2]!
  return hygiene <= energy ? ORDERS[3]! : ORDERS[5]!
}
