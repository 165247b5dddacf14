/**
 * The scripted controller: the policy that drives agents from need thresholds and their job.
 * Between ticks it reads the state after the last tick and returns decisions (an option and the
 * object to use) for the agents that should change what they do; the tick then carries them out.
 *
 * Per agent, in priority order: a need below `critical_threshold` → see to it; a shift starting
 * within `job_arrival_buffer` or under way → go to work; needs below their thresholds, the lowest
 * first (hunger: eat a bought meal, or cook when meals are out of reach; hygiene: shower; energy:
 * sleep) → use the best object; otherwise, now and then and when comfortable, seek someone out to
 * chat with (socialise), or else idle at home. Possessed agents are the operator's. A chosen option is held for
 * `option_commit_ticks` before anything but finishing or failing can replace it; an object that
 * refused the agent is skipped for `retry_after_ticks`, so the agent tries another of the same
 * type, cooks instead of buying, or waits and picks again.
 */
import { AGENT_OPTIONS, type AgentOption } from '../../../shared/contract/dto/world-summary'
import type { Decision } from '../../sim/inputs'
import { OPTION_INDEX, Phase, Shift } from '../../sim/state/agent-store'
import type { World } from '../../sim/state/world'
import { ticksUntil, tickOfDay } from '../../sim/time/clock'
import { socialPartner } from '../options/decision-for'
import { atDecisionPoint, inProgress } from '../options/decision-point'
import { longestForNeed, NEED_OPTIONS, NEEDS, type Need } from '../options/need-options'
import { chooseObject } from './choose-object'

interface Want {
  option: AgentOption
  object: number
  /** A critical need or a due shift: may cut short a committed option. */
  urgent: boolean
  /** Whom a `socialise` seeks out. */
  partner?: number
}


/**
 * Socialising is a pastime, not a need: an agent with nothing better to do seeks someone out only
 * now and then (on one tick in this many, staggered by slot), so a town never turns into a crowd
 * chasing each other, and only when comfortably fed, clean and rested (each need at least this far
 * above its threshold) and not due at work for twice the arrival buffer.
 */
const SOCIALISE_EVERY = 30
/** Each need's threshold key, spelled out once: building `${need}_threshold` per agent per tick showed in profiles. */
const THRESHOLD = { hunger: 'hunger_threshold', hygiene: 'hygiene_threshold', energy: 'energy_threshold' } as const satisfies Record<Need, string>
const SOCIALISE_NEED_MARGIN = 0.25

export function decideScripted(world: World): Decision[] {
  const decisions: Decision[] = []
  for (let i = 0; i < world.state.agents.count; i++) {
    if (!atDecisionPoint(world, i)) continue
    const d = scriptedDecision(world, i)
    if (d) decisions.push(d)
  }
  return decisions
}

/**
 * What the controller does with an agent at a decision point (atDecisionPoint): `decision` when it
 * changes what the agent does, and `option`, what the agent will be doing next tick (the decision's,
 * or its current option when it keeps it). Behaviour cloning labels observations with `option`.
 */
export function scriptedIntent(world: World, i: number): { option: AgentOption; decision: Decision | null } {
  const decision = scriptedDecision(world, i)
  return { option: decision ? decision.option : AGENT_OPTIONS[world.state.agents.cols.option[i]!]!, decision }
}

/** The decision for one agent at a decision point, or null when it carries on as it is. */
function scriptedDecision(world: World, i: number): Decision | null {
  const a = world.state.agents.cols
  const tick = world.state.tick
  const phase = a.phase[i]!
  const busy = inProgress(phase)
  const current = AGENT_OPTIONS[a.option[i]!]!
  const want = desire(world, i)
  if (busy) {
    if (want.option === current && (want.object === a.target[i] || current === 'work' || current === 'idle')) return null
    const committed = tick - a.optionSince[i]! < world.params.behavior.option_commit_ticks
    const holdsObject = phase === Phase.queued || phase === Phase.holding
    // Idling is not a commitment: anything worth doing replaces it at once.
    if (current !== 'idle') {
      if (committed && !want.urgent) return null
      if (holdsObject && !want.urgent) return null
      if (current !== 'work' && !want.urgent) return null
    }
  }
  if (want.option === 'idle' && current === 'idle' && busy) return null
  return want.option === 'socialise' ? { agent: i, option: 'socialise', object: -1, partner: want.partner! } : { agent: i, option: want.option, object: want.object }
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
    if (a[need][i]! >= behavior[THRESHOLD[need]]) continue
    const want = serve(world, i, need, false)
    if (want) return want
  }
  const partner = wantsCompany(world, i)
  if (partner >= 0) return { option: 'socialise', object: -1, urgent: false, partner }
  return { option: 'idle', object: -1, urgent: false }
}

/** The partner an otherwise idle agent seeks out now and then (see SOCIALISE_EVERY), or −1. */
function wantsCompany(world: World, i: number): number {
  const { behavior, clock, jobs } = world.params
  const { tick } = world.state
  const a = world.state.agents.cols
  if ((tick + i) % SOCIALISE_EVERY !== 0) return -1
  // Already on its way to someone: leave that be (the caller keeps a matching option).
  if (a.option[i] === OPTION_INDEX.socialise && inProgress(a.phase[i]!)) return -1
  for (const need of NEEDS) if (a[need][i]! < behavior[THRESHOLD[need]] + SOCIALISE_NEED_MARGIN) return -1
  const job = jobs[a.job[i]!]
  if (job && ticksUntil(tickOfDay(clock, tick), job.start, clock.ticksPerDay) <= behavior.job_arrival_buffer * 2) return -1
  return socialPartner(world, i)
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
  const duration = longestForNeed(world, need)
  for (const other of NEEDS) {
    if (other === need || a[other][i]! - decay[other] * duration >= behavior.critical_threshold) continue
    if (a[need][i]! - decay[need] * longestForNeed(world, other) <= 0) continue
    for (const option of NEED_OPTIONS[other]) {
      if (a.option[i] === OPTION_INDEX[option] && a.target[i]! >= 0 && a.phase[i] !== Phase.failed && a.phase[i] !== Phase.done) return { option, object: a.target[i]!, urgent: true }
      const object = chooseObject(world, i, option)
      if (object >= 0) return { option, object, urgent: true }
    }
  }
  return undefined
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
