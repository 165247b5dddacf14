/**
 * One tick of the town, in one explicit order (ARCHITECTURE "One tick"): inputs → actions →
 * movement → queues → affordances → need decay → jobs → economy → events. Pure: the same world
 * and inputs always give the same world and events. The policy decides between ticks (see
 * main/policy), so its decisions arrive here as inputs and land in the input log.
 */
import type { TickInputs } from './inputs'
import { resetTickEvents, type SimEvent, type World } from './state/world'
import { applyPolicyInputs } from './policy/policy-inputs'
import { runAffordances } from './systems/affordance-system'
import { applyConsoleOps } from './console-ops'
import { applyDecisions } from './systems/decisions'
import { runEconomy } from './systems/economy-system'
import { runJobs } from './systems/job-system'
import { moveAgents } from './systems/movement'
import { decayNeeds } from './systems/need-decay'
import { runQueues } from './systems/queue-system'
import { runLifecycle } from './lifecycle/lifecycle-system'
import { runPerturbations } from './perturbations/perturbation-system'
import { computeRewards } from './rewards/reward-system'
import { runSociety } from './society/society-system'

/** Advance the world by exactly one tick; returns that tick's events, each listed once. */
export function tick(world: World, inputs: TickInputs): SimEvent[] {
  const state = world.state
  state.tick += 1
  resetTickEvents(state)
  applyPolicyInputs(world, inputs) // inputs: the policy stream, the anneal schedule
  applyConsoleOps(world, inputs.console) // inputs: the console
  runPerturbations(world) // perturbations: events end, start, or are drawn (prices, utilities)
  applyDecisions(world, inputs.decisions) // actions
  moveAgents(world) // movement
  runQueues(world) // queues: cooldowns, requests, deadlock breaker
  runAffordances(world) // affordances: progress, completion and handover, starts
  decayNeeds(world) // need decay
  runJobs(world) // jobs: shifts, wages, lateness
  runEconomy(world) // economy: restocking
  runSociety(world) // relationships: decay, chat, rivalry from queue conflicts
  runLifecycle(world) // lifecycle: employment exits, fainting, respawns
  computeRewards(world) // rewards: per agent, with components and clips
  return state.events // events
}
