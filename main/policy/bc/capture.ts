/**
 * Capture a behaviour-cloning dataset: run a config and, before each tick, record for every agent
 * at a decision point what a learned policy would see (its observation and option mask) and what
 * the scripted controller would do (the option it would be carrying out next tick).
 *
 * - `captureDataset`: the run is exactly the scripted run: decisions come from the same
 *   `scriptedIntent` calls that label the samples, in the same agent order as decideScripted.
 * - `captureWithPolicy` (dataset aggregation, "DAgger"): a model drives the town (mixed with the
 *   controller by the anneal ratio) while the controller still labels every sample, so the
 *   dataset covers the states a cloned policy actually reaches, mistakes included, with the
 *   controller's answer to each. Training on both teaches a model to recover from its own errors.
 */
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import type { LoadedConfig } from '../../config/load-config'
import { compileOrThrow } from '../../shard/simulation'
import type { Decision } from '../../sim/inputs'
import { OPTION_INDEX } from '../../sim/state/agent-store'
import type { SimEvent, World } from '../../sim/state/world'
import { tick } from '../../sim/tick'
import { createWorld } from '../../sim/town/create-world'
import { ObservationBuilder } from '../observations/observation-builder'
import { atDecisionPoint, decisionMask } from '../options'
import { scriptedIntent } from '../scripted/scripted-controller'
import { DATASET_SCHEMA_VERSION, type DatasetData } from './dataset'
import { Simulation } from '../../shard/simulation'
import type { OnnxPolicy } from '../runtime/onnx-policy'
import type { ObservationBatch, ObservationSpec } from '../observations/observation-types'

export interface CaptureOptions {
  ticks: number
  /**
   * Keep about one in `every` samples (default 1: all); the run still steps every tick. Which
   * ones is a hash of (tick, agent), not "every k-th tick": busy agents reconsider on a staggered
   * 4-tick cadence, so thinning by tick would keep some agents' busy decisions and drop others'.
   */
  every?: number
  /** ISO timestamp for meta.json, from the caller (this module reads no clock). */
  created: string
  /** Called now and then with the ticks done. */
  onProgress?: (done: number) => void
}

export interface CaptureResult {
  data: DatasetData
  /** Samples per option label, AGENT_OPTIONS order. */
  labelCounts: Record<string, number>
  /**
   * Samples whose label the mask forbids: an agent carrying on with an option it could not take
   * up afresh now (its object is already taken by itself, say). Training lets these through unmasked.
   */
  labelOutsideMask: number
  /** The world after the run (the scripted run, tick for tick). */
  world: World
}

/** A well-mixed 32-bit hash of (tick, agent) (murmur3's finaliser). */
function keepHash(t: number, i: number): number {
  let h = Math.imul(t, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** A growable typed array: doubling capacity, trimmed at the end. */
class Grow<T extends Float32Array | Uint8Array> {
  length = 0
  constructor(
    private data: T,
    private readonly make: (n: number) => T
  ) {}

  reserve(extra: number): T {
    if (this.length + extra > this.data.length) {
      const next = this.make(Math.max(this.data.length * 2, this.length + extra))
      next.set(this.data.subarray(0, this.length))
      this.data = next
    }
    return this.data
  }

  trimmed(): T {
    return this.data.slice(0, this.length) as T
  }
}

/** The samples of a capture: observations, labels and masks, as they are recorded. */
class SampleRecorder {
  readonly observations: Grow<Float32Array>
  readonly labels = new Grow(new Uint8Array(1024), (n) => new Uint8Array(n))
  readonly masks = new Grow(new Uint8Array(AGENT_OPTIONS.length * 1024), (n) => new Uint8Array(n))
  readonly labelCounts: Record<string, number> = Object.fromEntries(AGENT_OPTIONS.map((o) => [o, 0]))
  labelOutsideMask = 0
  private readonly mask = new Uint8Array(AGENT_OPTIONS.length)
  private readonly rowSize: number

  constructor(
    readonly spec: ObservationSpec,
    private readonly every: number
  ) {
    this.rowSize = spec.mapSize + spec.featureSize
    this.observations = new Grow(new Float32Array(this.rowSize * 1024), (n) => new Float32Array(n))
  }

  /**
   * Label every agent of the batch at a decision point with the controller's choice and keep
   * the sampled ones; answers the controller's decisions (the scripted run acts on them).
   */
  record(world: World, batch: ObservationBatch, t: number): Decision[] {
    const { spec, mask, rowSize } = this
    const decisions: Decision[] = []
    for (let r = 0; r < batch.count; r++) {
      const i = batch.agents[r]!
      if (!atDecisionPoint(world, i)) continue
      const intent = scriptedIntent(world, i)
      if (intent.decision) decisions.push(intent.decision)
      if (this.every > 1 && keepHash(t, i) % this.every !== 0) continue
      const label = OPTION_INDEX[intent.option]
      decisionMask(world, i, mask)
      if (mask[label] !== 1) this.labelOutsideMask++
      const obs = this.observations.reserve(rowSize)
      obs.set(batch.map.subarray(r * spec.mapSize, (r + 1) * spec.mapSize), this.observations.length)
      obs.set(batch.features.subarray(r * spec.featureSize, (r + 1) * spec.featureSize), this.observations.length + spec.mapSize)
      this.observations.length += rowSize
      this.labels.reserve(1)[this.labels.length++] = label
      this.masks.reserve(AGENT_OPTIONS.length).set(mask, this.masks.length)
      this.masks.length += AGENT_OPTIONS.length
      this.labelCounts[intent.option]! += 1
    }
    return decisions
  }

  result(loaded: LoadedConfig, options: CaptureOptions, world: World, drivenBy: DatasetData['meta']['driven_by']): CaptureResult {
    const spec = this.spec
    return {
      data: {
        meta: {
          schema_version: DATASET_SCHEMA_VERSION,
          variant: spec.variant,
          map_shape: [spec.mapShape[0], spec.mapShape[1], spec.mapShape[2]],
          map_channels: [...spec.mapChannels],
          feature_names: [...spec.featureNames],
          options: [...AGENT_OPTIONS],
          samples: this.labels.length,
          config_id: loaded.summary.config_id,
          seed: loaded.config.seed,
          ticks: options.ticks,
          every: this.every,
          created: options.created,
          driven_by: drivenBy
        },
        observations: this.observations.trimmed(),
        labels: this.labels.trimmed(),
        masks: this.masks.trimmed()
      },
      labelCounts: this.labelCounts,
      labelOutsideMask: this.labelOutsideMask,
      world
    }
  }
}

export function captureDataset(loaded: LoadedConfig, options: CaptureOptions): CaptureResult {
  const created = createWorld(loaded.config, compileOrThrow(loaded.affordances.manifest))
  if (!created.ok) throw new Error(`config ${loaded.summary.config_id} passed loading but its town does not build: ${created.problems.map((p) => p.message).join('; ')}`)
  const world = created.world
  const builder = new ObservationBuilder(world)
  const recorder = new SampleRecorder(builder.spec, options.every ?? 1)
  let events: readonly SimEvent[] = []
  for (let t = 0; t < options.ticks; t++) {
    const decisions = recorder.record(world, builder.build(world, events), t)
    events = tick(world, { decisions, console: [] })
    if (options.onProgress && (t + 1) % 100 === 0) options.onProgress(t + 1)
  }
  return recorder.result(loaded, options, world, null)
}

export interface PolicyCaptureOptions extends CaptureOptions {
  /** Loads the model for the capture's town (its observation spec decides the fit). */
  load: (spec: ObservationSpec) => Promise<{ ok: true; value: OnnxPolicy } | { ok: false; error: { message: string } }>
  /** Chance a decision comes from the model (0 < ratio ≤ 1). */
  anneal: number
}

/** Dataset aggregation: the model (mixed by `anneal`) drives; the controller labels. */
export async function captureWithPolicy(loaded: LoadedConfig, options: PolicyCaptureOptions): Promise<CaptureResult> {
  const config = structuredClone(loaded.config)
  config.policy.anneal = { ratio: options.anneal, schedule: [] }
  const sim = new Simulation({ ...loaded, config })
  const model = await options.load(sim.policy.spec)
  if (!model.ok) throw new Error(model.error.message)
  sim.policy.use(model.value)
  // A dataset labelled "the model drove" must not quietly continue under the controller.
  sim.policy.onInferenceError = 'fail'
  const recorder = new SampleRecorder(sim.policy.spec, options.every ?? 1)
  let t = 0
  // The runtime's own batch, built once per tick before inference: the samples see exactly
  // what the model saw.
  sim.policy.onObservations = (batch) => void recorder.record(sim.world, batch, t)
  try {
    for (; t < options.ticks; t++) {
      await sim.stepAsync()
      if (options.onProgress && (t + 1) % 100 === 0) options.onProgress(t + 1)
    }
  } finally {
    await model.value.release()
  }
  return recorder.result(loaded, options, sim.world, { policy_hash: model.value.sha256, model: model.value.name, anneal_ratio: options.anneal })
}
