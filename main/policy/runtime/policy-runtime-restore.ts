/**
 * From a saved policy runtime state (`PolicyRuntime.toJSON()`) to the parts a runtime adopts,
 * checked against the world it will run beside: every agent slot named must be one of the
 * world's, the last batch must follow this config's observation spec and not lie in the
 * future. Nothing is adopted here, so a refused state leaves the runtime as it was.
 */
import { err, ok, type Result } from '../../../shared/result'
import type { World } from '../../sim/state/world'
import { parseObservationBuilderJson, type ParsedObservationBuilder } from '../observations/observation-builder-json'
import type { ObservationBatch, ObservationSpec } from '../observations/observation-types'
import { DecisionHistory } from './decision-history'
import { DecisionRecords } from './decision-records'
import { batchFromJson, invalidAt, PolicyRuntimeJsonSchema, type RuntimeEventJson } from './policy-runtime-json'

export interface ParsedPolicyRuntime {
  records: DecisionRecords
  history: DecisionHistory
  builder: ParsedObservationBuilder | null
  traceBuilder: ParsedObservationBuilder | null
  lastBatch: ObservationBatch | null
  pendingEvents: RuntimeEventJson[]
  failure: string | null
  reuseWarning: boolean
}

/**
 * Check `json` for a runtime beside `world`; `spec` is the observation spec of this config (the
 * last batch must follow it); `at` names where the state sits in a document, for the errors.
 */
export function parsePolicyRuntimeJson(json: unknown, world: World, spec: () => ObservationSpec, at = 'policy'): Result<ParsedPolicyRuntime> {
  const parsed = PolicyRuntimeJsonSchema.safeParse(json)
  if (!parsed.success) return invalidAt('the policy runtime state', at, parsed.error.issues)
  const data = parsed.data
  const records = DecisionRecords.fromJSON(data.records, `${at}.records`)
  if (!records.ok) return records
  const history = DecisionHistory.fromJSON(data.history, `${at}.history`)
  if (!history.ok) return history
  const builder = data.builder === null ? ok(null) : parseObservationBuilderJson(data.builder, `${at}.builder`)
  if (!builder.ok) return builder
  const traceBuilder = data.trace_builder === null ? ok(null) : parseObservationBuilderJson(data.trace_builder, `${at}.trace_builder`)
  if (!traceBuilder.ok) return traceBuilder

  const agents = world.state.agents.count
  const beyond = (where: string, slots: Iterable<number>): Result<never> | null => {
    for (const s of slots) if (s >= agents) return err('snapshot.invalid', `${at}.${where}: agent slot ${s} is not in the town (it has ${agents} slots): the state belongs to another world`)
    return null
  }
  const recordsJson = records.value.toJSON()
  const slotProblem =
    beyond('records.agents', recordsJson.agents.map((r) => r.slot)) ??
    beyond('history', history.value.toJSON().map(([s]) => s)) ??
    (builder.value ? beyond('builder', builderSlots(builder.value)) : null) ??
    (traceBuilder.value ? beyond('trace_builder', builderSlots(traceBuilder.value)) : null) ??
    (data.last_batch ? beyond('last_batch.agents', data.last_batch.agents) : null)
  if (slotProblem) return slotProblem
  const embedding = world.params.config.observations.embedding
  for (const [where, b] of [['builder', builder.value], ['trace_builder', traceBuilder.value]] as const) {
    const a = b?.allocator
    if (a && (a.maxSlots !== embedding.max_slots || a.cooldownTicks !== embedding.cooldown_ticks || a.warningThreshold !== embedding.reuse_warning_threshold)) {
      return err('snapshot.invalid', `${at}.${where}.allocator: saved with max_slots ${a.maxSlots}, cooldown_ticks ${a.cooldownTicks}, reuse_warning_threshold ${a.warningThreshold}; this config has ${embedding.max_slots}, ${embedding.cooldown_ticks}, ${embedding.reuse_warning_threshold} (observations.embedding): restore under the config the snapshot was saved with`)
    }
  }

  let lastBatch: ObservationBatch | null = null
  if (data.last_batch) {
    if (!builder.value) return err('snapshot.invalid', `${at}.last_batch: there is a last batch but no builder state to go with it`)
    if (data.last_batch.tick > world.state.tick) return err('snapshot.invalid', `${at}.last_batch.tick: ${data.last_batch.tick} is after the world's tick ${world.state.tick}`)
    const batch = batchFromJson(data.last_batch, spec(), `${at}.last_batch`)
    if (!batch.ok) return batch
    lastBatch = batch.value
  }
  return ok({
    records: records.value,
    history: history.value,
    builder: builder.value,
    traceBuilder: traceBuilder.value,
    lastBatch,
    pendingEvents: data.pending_events as RuntimeEventJson[],
    failure: data.failure,
    reuseWarning: data.reuse_warning
  })
}

function* builderSlots(b: ParsedObservationBuilder): Iterable<number> {
  yield* b.allocator.holders()
  yield* b.allocator.waitingAgents()
  yield* b.pendingResets
}
