/**
 * The policy runtime: between ticks it decides what each agent at a decision point does next,
 * from the state the last tick left.
 *
 * - scripted backend: the engine's controller decides for everyone (no observations are built).
 * - onnx backend: the observation batch of every living agent is scored by one
 *   `InferenceSession.run`; per agent, the anneal ratio (drawn from the `policy` stream when it is
 *   strictly between 0 and 1) picks the model's choice or the scripted one. A model choice is the
 *   masked argmax of its logits, carried out by the option's scripted primitive (which object,
 *   which partner) and held by the commitment window.
 * - possessed agents get no decision here: the operator's actions reach them as console ops.
 *
 * Decisions (and the policy stream's state after its draws) go into the tick's inputs and the
 * input log, so a run replays without the model. The runtime keeps, outside the world, what the
 * inspector's decision trace shows and what the policy panel reports.
 */
import { performance } from 'node:perf_hooks'
import type { DecisionTrace, PolicyIdentity, PolicyStatus } from '../../../shared/contract/dto/policy'
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import { ok, type Result } from '../../../shared/result'
import type { Decision } from '../../sim/inputs'
import { nextFloat } from '../../sim/rng/rng-streams'
import { Phase } from '../../sim/state/agent-store'
import type { SimEvent, SimEventDraft, World } from '../../sim/state/world'
import { ObservationBuilder, objectTypesOf } from '../observations/observation-builder'
import { observationSpec } from '../observations/observation-spec'
import type { ObservationBatch } from '../observations/observation-types'
import { atDecisionPoint, decisionFor, decisionMask } from '../options'
import { decideScripted, scriptedIntent } from '../scripted/scripted-controller'
import { Decider, DecisionRecords } from './decision-records'
import { LatencyStats } from './latency-stats'
import { criticalGuardrail } from './critical-guardrail'
import { DecisionHistory } from './decision-history'
import { InferenceFailedError, inferenceReason } from './inference-failed-error'
import type { OnnxPolicy } from './onnx-policy'
import { decisionTrace } from './decision-trace'
import { lastBatchJson, type PolicyRuntimeJson, POLICY_RUNTIME_SCHEMA_VERSION } from './policy-runtime-json'
import { parsePolicyRuntimeJson } from './policy-runtime-restore'

const O = AGENT_OPTIONS.length
const IDLE = AGENT_OPTIONS.indexOf('idle')

export interface PolicyDecisions {
  decisions: Decision[]
  /** The policy stream's state after this round's draws, when it drew. */
  policyRng?: number[]
}

/** The runtime's own events (not from the tick): emitted with the next tick's events. */
export type RuntimeEventType = 'policy.metadata' | 'policy.embedding'
export type RuntimeEvent = Extract<SimEventDraft, { type: RuntimeEventType }>

export class PolicyRuntime {
  private onnx: OnnxPolicy | null = null
  private builder: ObservationBuilder | undefined
  private traceBuilder: ObservationBuilder | undefined
  private lastBatch: ObservationBatch | undefined
  private records = new DecisionRecords()
  private history = new DecisionHistory()
  private readonly latency = new LatencyStats()
  private pendingEvents: RuntimeEvent[] = []
  private readonly maskBuf = new Uint8Array(O)
  private readonly probBuf = new Float64Array(O)
  /** Why the runtime fell back to the scripted controller, until another policy is chosen. */
  private failure: string | null = null
  private reuseWarning = false
  /**
   * What a failed inference does. 'fallback' (the app's shard worker): the scripted controller
   * takes over and the status and a policy.metadata event say so, because a live shard must not
   * stop with its model. 'fail' (`townlet run`): `decide` rejects with an InferenceFailedError and
   * the model stays, so a batch run ends at that tick instead of finishing on another policy.
   */
  onInferenceError: 'fallback' | 'fail' = 'fallback'
  /** Sees every observation batch the model is about to score (behaviour-cloning capture records it). */
  onObservations: ((batch: ObservationBatch) => void) | undefined

  constructor(private readonly world: World) {}

  /** Whether `decide` returns a promise (a model runs). */
  get async(): boolean {
    return this.onnx !== null
  }

  get model(): OnnxPolicy | null {
    return this.onnx
  }

  /** Use a loaded model (null: back to the scripted controller); the previous session is released. */
  use(policy: OnnxPolicy | null): void {
    const previous = this.onnx
    this.onnx = policy
    if (policy) this.failure = null
    if (previous && previous !== policy) void previous.release().catch(() => undefined)
    this.lastBatch = undefined
    if (policy && !this.builder) this.builder = new ObservationBuilder(this.world)
    this.emit({ type: 'policy.metadata', ...this.identity(), notice: policy?.notice ?? this.failure })
  }

  /** The observation spec the model must fit. */
  get spec() {
    this.builder ??= new ObservationBuilder(this.world)
    return this.builder.spec
  }

  identity(): PolicyIdentity {
    const world = this.world
    return {
      backend: this.onnx ? 'onnx' : 'scripted',
      policy_hash: this.onnx?.sha256 ?? null,
      model: this.onnx?.name ?? 'scripted',
      execution_provider: this.onnx?.executionProvider ?? null,
      observation_variant: world.params.config.features.systems.observations,
      anneal_ratio: world.state.policy.anneal_ratio,
      option_set: [...AGENT_OPTIONS]
    }
  }

  /** Events the runtime raised since the last tick (the simulation adds them to the next tick's). */
  drainEvents(): RuntimeEvent[] {
    const events = this.pendingEvents
    this.pendingEvents = []
    return events
  }

  private emit(event: RuntimeEvent): void {
    this.pendingEvents.push(event)
  }

  /**
   * Decisions for the next tick, from the state after the last one; `events` are that tick's
   * events (spawns, teleports and exits reset an agent's observation context).
   */
  decide(events: readonly SimEvent[]): PolicyDecisions | Promise<PolicyDecisions> {
    const world = this.world
    this.records.ensure(world.state.agents.count)
    this.records.beginTick()
    const ratio = world.state.policy.anneal_ratio
    if (!this.onnx || ratio <= 0) {
      // Keep the allocator's view of who lives current even when no observation is needed.
      if (this.builder) {
        this.builder.track(world, events)
        this.watchEmbedding()
      }
      const decisions = decideScripted(world)
      for (const d of decisions) this.noteScripted(d, Number.NaN)
      return { decisions }
    }
    const batch = this.builder!.build(world, events)
    this.lastBatch = batch
    this.watchEmbedding()
    this.onObservations?.(batch)
    const policy = this.onnx
    const started = performance.now()
    return policy.infer(batch).then(
      (logits) => {
        this.latency.record({ tick: world.state.tick, ms: performance.now() - started, batch: batch.count })
        return this.mix(batch, logits, ratio)
      },
      (cause: unknown) => {
        if (this.onInferenceError === 'fail') throw new InferenceFailedError(world.state.tick, policy.name, inferenceReason(cause), { cause })
        // The shard must not stop because a model did: the scripted controller takes over, and
        // the status and a policy.metadata event say so.
        this.failure = `the model ${policy.name} failed at tick ${world.state.tick} (${cause instanceof Error ? cause.message : String(cause)}); the scripted controller took over`
        if (this.onnx === policy) this.use(null)
        const decisions = decideScripted(world)
        for (const d of decisions) this.noteScripted(d, Number.NaN)
        return { decisions }
      }
    )
  }

  /**
   * Telemetry for the embedding allocator: a `policy.embedding` event when forced reuse crosses
   * the warning threshold (or falls back under it), with the metrics, so watchers see it happen.
   */
  private watchEmbedding(): void {
    const metrics = this.builder!.allocator.metrics()
    if (metrics.reuse_warning === this.reuseWarning) return
    this.reuseWarning = metrics.reuse_warning
    this.emit({ type: 'policy.embedding', ...metrics })
  }

  /** Per agent at a decision point: the model's choice or the controller's, by the anneal ratio. */
  private mix(batch: ObservationBatch, logits: Float32Array, ratio: number): PolicyDecisions {
    const world = this.world
    const rng = world.state.rng.policy
    const decisions: Decision[] = []
    let drew = false
    for (let r = 0; r < batch.count; r++) {
      const i = batch.agents[r]!
      if (!atDecisionPoint(world, i)) continue
      let draw = Number.NaN
      let learned = ratio >= 1
      if (!learned) {
        draw = nextFloat(rng)
        drew = true
        learned = draw < ratio
      }
      if (learned) {
        const d = this.learnedDecision(i, logits, r, draw)
        if (d) decisions.push(d)
      } else {
        const d = scriptedIntent(world, i).decision
        if (d) {
          decisions.push(d)
          this.noteScripted(d, draw)
        }
      }
    }
    return drew ? { decisions, policyRng: [...rng.getState()] } : { decisions }
  }

  private learnedDecision(i: number, logits: Float32Array, row: number, draw: number): Decision | null {
    const world = this.world
    const a = world.state.agents.cols
    const mask = this.maskBuf
    decisionMask(world, i, mask)
    const probs = maskedSoftmax(logits, row * O, mask, this.probBuf)
    let chosen = IDLE
    for (let o = 0; o < O; o++) if (mask[o] === 1 && probs[o]! > probs[chosen]!) chosen = o
    const guarded = criticalGuardrail(world, i, chosen, mask, probs)
    if (guarded) chosen = guarded.option
    const current = a.option[i]!
    const phase = a.phase[i]!
    const inProgress = phase !== Phase.none && phase !== Phase.done && phase !== Phase.failed
    const committed = world.state.tick - a.optionSince[i]! < world.params.behavior.option_commit_ticks
    let decision: Decision | null = null
    let held = false
    if (inProgress && chosen === current) {
      // Carry on: the option it is already carrying out.
    } else if (inProgress && current !== IDLE && committed && mask[current] === 1 && !guarded) {
      held = true
    } else {
      decision = decisionFor(world, i, AGENT_OPTIONS[chosen]!)
    }
    const records = this.records
    records.note(i, Decider.learned, world.state.tick, held ? current : chosen, held, draw)
    if (guarded) records.setGuardrail(i, guarded.reason)
    records.setProbs(i, probs)
    records.setMask(i, mask)
    if (decision) records.count(Decider.learned)
    if (decision || held || guarded) {
      this.history.push(i, { tick: world.state.tick, by: Decider.learned, chosen: held ? current : chosen, held, draw, ...(guarded ? { guardrail: guarded.reason } : {}), probs, mask })
    }
    return decision
  }

  private noteScripted(d: Decision, draw: number): void {
    const option = AGENT_OPTIONS.indexOf(d.option)
    this.records.ensure(d.agent + 1)
    this.records.note(d.agent, Decider.scripted, this.world.state.tick, option, false, draw)
    this.records.count(Decider.scripted)
    this.history.push(d.agent, { tick: this.world.state.tick, by: Decider.scripted, chosen: option, held: false, draw })
  }

  /** An operator decision for a possessed agent went in (the console op applied at `tick`). */
  noteOperator(agent: number, option: number, tick: number): void {
    this.records.ensure(agent + 1)
    this.records.note(agent, Decider.operator, tick, option, false, Number.NaN)
    this.records.count(Decider.operator)
    this.history.push(agent, { tick, by: Decider.operator, chosen: option, held: false, draw: Number.NaN })
  }

  status(): Omit<PolicyStatus, 'models'> {
    const world = this.world
    const a = world.state.agents.cols
    const possessed: string[] = []
    for (let i = 0; i < world.state.agents.count; i++) if (a.possessed[i] === 1 && a.alive[i] === 1) possessed.push(world.state.agents.ids[i]!)
    const tick = world.state.tick
    const builder = this.builder ?? this.traceBuilder
    return {
      identity: this.identity(),
      notice: this.onnx?.notice ?? this.failure,
      anneal_schedule: world.params.config.policy.anneal.schedule.filter((s) => s.tick > tick),
      commit_ticks: world.params.behavior.option_commit_ticks,
      possessed,
      decisions: { last_tick: byDecider(this.records.lastTick), total: byDecider(this.records.total) },
      latency: this.latency.summary(),
      embedding: (builder ?? this.ensureTraceBuilder()).allocator.metrics()
    }
  }

  private ensureTraceBuilder(): ObservationBuilder {
    this.traceBuilder ??= new ObservationBuilder(this.world)
    return this.traceBuilder
  }

  /** The decision trace of one agent (see decision-trace.ts). */
  trace(id: string): Result<DecisionTrace> {
    const world = this.world
    // A separate builder for agents the last batch lacks, so asking never changes what the model will see.
    return decisionTrace({ world, records: this.records, history: this.history, lastBatch: this.lastBatch, observeNow: () => this.ensureTraceBuilder().build(world, []) }, id)
  }

  /**
   * The runtime's state outside the world, for snapshots (see policy-runtime-json.ts for what is
   * in it and what is not, and why).
   */
  toJSON(): PolicyRuntimeJson {
    return {
      schema_version: POLICY_RUNTIME_SCHEMA_VERSION,
      records: this.records.toJSON(),
      history: this.history.toJSON(),
      builder: this.builder?.toJSON() ?? null,
      trace_builder: this.traceBuilder?.toJSON() ?? null,
      last_batch: this.lastBatch ? lastBatchJson(this.lastBatch) : null,
      pending_events: structuredClone(this.pendingEvents),
      failure: this.failure,
      reuse_warning: this.reuseWarning
    }
  }

  /**
   * Take over a saved state (`toJSON()` of a runtime beside the same world, now restored), checked
   * first: on an error nothing changes. Call it after `use(model)`, which resets the last batch and
   * raises a policy.metadata event of its own that the saved pending events replace.
   */
  restore(json: unknown, at = 'policy'): Result<void> {
    // The spec without making a builder: a refused state must leave the runtime exactly as it was.
    const parsed = parsePolicyRuntimeJson(json, this.world, () => this.builder?.spec ?? observationSpec(this.world.params.config, objectTypesOf(this.world)), at)
    if (!parsed.ok) return parsed
    const state = parsed.value
    this.records = state.records
    this.history = state.history
    this.builder = state.builder ? this.builderFor(this.builder, state.builder) : undefined
    this.traceBuilder = state.traceBuilder ? this.builderFor(this.traceBuilder, state.traceBuilder) : undefined
    this.lastBatch = state.lastBatch ?? undefined
    this.pendingEvents = state.pendingEvents as RuntimeEvent[]
    this.failure = state.failure
    this.reuseWarning = state.reuseWarning
    return ok(undefined)
  }

  private builderFor(existing: ObservationBuilder | undefined, state: Parameters<ObservationBuilder['restore']>[0]): ObservationBuilder {
    const builder = existing ?? new ObservationBuilder(this.world)
    builder.restore(state)
    return builder
  }
}

/** Softmax over the allowed options only (the rest get 0). */
export function maskedSoftmax(logits: Float32Array, offset: number, mask: Uint8Array, out: Float64Array): Float64Array {
  let max = -Infinity
  for (let o = 0; o < O; o++) if (mask[o] === 1 && logits[offset + o]! > max) max = logits[offset + o]!
  let sum = 0
  for (let o = 0; o < O; o++) {
    const e = mask[o] === 1 ? Math.exp(logits[offset + o]! - max) : 0
    out[o] = e
    sum += e
  }
  for (let o = 0; o < O; o++) out[o] = sum > 0 ? out[o]! / sum : 0
  return out
}

function byDecider(counts: number[]): Record<'scripted' | 'learned' | 'operator', number> {
  return { scripted: counts[0]!, learned: counts[1]!, operator: counts[2]! }
}
