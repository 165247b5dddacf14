/**
 * The decision trace of one agent, as the inspector shows it: the observation it was last
 * decided on (its features and map), the action mask, the model's ranked probabilities, who
 * decided (scripted, learned, operator), its commitment window, the anneal draw and its recent
 * decision history. Read-only: it never changes what the model will see next.
 */
import type { DecisionTrace } from '../../../shared/contract/dto/policy'
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import { err, ok, type Result } from '../../../shared/result'
import { findAgent } from '../../sim/state/agent-store'
import type { World } from '../../sim/state/world'
import type { ObservationBatch } from '../observations/observation-types'
import { decisionMask } from '../options'
import { type DecisionHistory, rankedProbabilities, round } from './decision-history'
import { DECIDERS, type DecisionRecords } from './decision-records'

const O = AGENT_OPTIONS.length

/** What the trace reads from the runtime. */
export interface TraceSources {
  world: World
  records: DecisionRecords
  history: DecisionHistory
  /** The batch the model scored last, if any. */
  lastBatch: ObservationBatch | undefined
  /** A batch of the town as it stands now, from a builder of its own (scripted backend, or an agent newer than the last batch). */
  observeNow: () => ObservationBatch
}

export function decisionTrace(src: TraceSources, id: string): Result<DecisionTrace> {
  const { world, records } = src
  const i = findAgent(world.state.agents, id)
  if (i < 0) return err('console.not_found', `no living agent "${id}": pick one on the map or in the agents table`)
  const a = world.state.agents.cols
  records.ensure(world.state.agents.count)
  let batch: ObservationBatch | undefined = src.lastBatch
  let row = batch ? rowOf(batch, i) : -1
  if (!batch || row < 0) {
    batch = src.observeNow()
    row = rowOf(batch, i)
  }
  if (row < 0) return err('console.not_found', `agent "${id}" is not in the observation batch`)
  const spec = batch.spec
  const features = batch.features.subarray(row * spec.featureSize, (row + 1) * spec.featureSize)
  const map = batch.map.subarray(row * spec.mapSize, (row + 1) * spec.mapSize)
  const mask = new Uint8Array(O)
  if (records.hasMask[i] === 1 && records.tick[i] === batch.tick) mask.set(records.mask.subarray(i * O, i * O + O))
  else decisionMask(world, i, mask)
  const decidedBy = a.possessed[i] === 1 ? 'operator' : records.by[i]! >= 0 ? DECIDERS[records.by[i]!]! : null
  const probabilities = records.hasProbs[i] === 1 ? rankedProbabilities(records.probs, i * O) : null
  const commitTicks = world.params.behavior.option_commit_ticks
  const since = a.optionSince[i]!
  const option = AGENT_OPTIONS[a.option[i]!] ?? 'idle'
  return ok({
    agent: id,
    tick: batch.tick,
    decided_by: decidedBy,
    chosen: option,
    commitment: { option, since, remaining: Math.max(0, since + commitTicks - world.state.tick), held: records.held[i] === 1 },
    features: spec.featureNames.map((name, f) => ({ name, value: round(features[f]!) })),
    map: { shape: [...spec.mapShape] as [number, number, number], channels: [...spec.mapChannels], data: Array.from(map, round) },
    mask: AGENT_OPTIONS.map((o, k) => ({ option: o, allowed: mask[k] === 1 })),
    probabilities,
    anneal_draw: Number.isNaN(records.draw[i]!) ? null : round(records.draw[i]!),
    guardrail: records.guardrail[i] ?? null,
    embedding_slot: batch.embeddingSlots[row]!,
    history: src.history.of(i)
  })
}

/** The batch row of an agent slot (rows are in slot order), or −1. */
function rowOf(batch: ObservationBatch, agent: number): number {
  let lo = 0
  let hi = batch.count - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const v = batch.agents[mid]!
    if (v === agent) return mid
    if (v < agent) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}
