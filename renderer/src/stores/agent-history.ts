/**
 * Per-agent need history for the Agents table's sparklines and the inspector's chart: the last
 * ~120 samples per agent, taken from frames but at most ~4 a second of wall time, so a fast shard
 * does not turn the history into a few seconds of noise. Samples are tagged with the tick; a
 * frame for the tick an agent's newest sample already holds (a paused shard, an operator's
 * set-need) replaces that sample instead of adding a flat run.
 */
import type { AgentRow } from '../../../shared/contract/dto/observer'

export interface NeedSample {
  tick: number
  hunger: number
  hygiene: number
  energy: number
}

export interface AgentHistoryOptions {
  maxSamples: number
  minIntervalMs: number
}

export const AGENT_HISTORY: AgentHistoryOptions = { maxSamples: 120, minIntervalMs: 250 }

export type AgentHistory = ReadonlyMap<string, readonly NeedSample[]>

export interface HistoryState {
  history: AgentHistory
  /** Wall-clock ms of the last sample; -Infinity before the first. */
  lastSampleAt: number
}

/** Appends one sample per agent, or returns the state unchanged when the last sample is too recent. */
export function sampleAgents(
  state: HistoryState,
  agents: Iterable<AgentRow>,
  tick: number,
  now: number,
  options = AGENT_HISTORY
): HistoryState {
  if (now - state.lastSampleAt < options.minIntervalMs && now >= state.lastSampleAt) return state
  const next = new Map<string, readonly NeedSample[]>()
  for (const agent of agents) {
    const sample: NeedSample = { tick, hunger: agent.hunger, hygiene: agent.hygiene, energy: agent.energy }
    next.set(agent.id, pushSample(state.history.get(agent.id) ?? [], sample, options.maxSamples))
  }
  return { history: next, lastSampleAt: now }
}

function pushSample(samples: readonly NeedSample[], sample: NeedSample, max: number): NeedSample[] {
  const last = samples[samples.length - 1]
  // Another world, or the clock went back (a restart): start over.
  if (last !== undefined && sample.tick < last.tick) return [sample]
  const keep = last !== undefined && last.tick === sample.tick ? samples.length - 1 : samples.length
  const start = Math.max(0, keep + 1 - max)
  const next = samples.slice(start, keep)
  next.push(sample)
  return next
}
