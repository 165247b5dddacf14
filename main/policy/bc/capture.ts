/**
 * Capture a behaviour-cloning dataset: run a config with the scripted controller and, before each
 * tick, record for every agent at a decision point what a learned policy would see (its
 * observation and option mask) and what the scripted controller does (the option it will be
 * carrying out next tick). The run itself is exactly the scripted run: decisions come from the
 * same `scriptedIntent` calls that label the samples, in the same agent order as decideScripted.
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

export function captureDataset(loaded: LoadedConfig, options: CaptureOptions): CaptureResult {
  const every = options.every ?? 1
  const created = createWorld(loaded.config, compileOrThrow(loaded.affordances.manifest))
  if (!created.ok) throw new Error(`config ${loaded.summary.config_id} passed loading but its town does not build: ${created.problems.map((p) => p.message).join('; ')}`)
  const world = created.world
  const builder = new ObservationBuilder(world)
  const spec = builder.spec
  const O = AGENT_OPTIONS.length
  const rowSize = spec.mapSize + spec.featureSize
  const observations = new Grow(new Float32Array(rowSize * 1024), (n) => new Float32Array(n))
  const labels = new Grow(new Uint8Array(1024), (n) => new Uint8Array(n))
  const masks = new Grow(new Uint8Array(O * 1024), (n) => new Uint8Array(n))
  const mask = new Uint8Array(O)
  const labelCounts: Record<string, number> = Object.fromEntries(AGENT_OPTIONS.map((o) => [o, 0]))
  let labelOutsideMask = 0
  let events: readonly SimEvent[] = []
  for (let t = 0; t < options.ticks; t++) {
    const batch = builder.build(world, events)
    const decisions: Decision[] = []
    for (let r = 0; r < batch.count; r++) {
      const i = batch.agents[r]!
      if (!atDecisionPoint(world, i)) continue
      const intent = scriptedIntent(world, i)
      if (intent.decision) decisions.push(intent.decision)
      if (every > 1 && keepHash(t, i) % every !== 0) continue
      const label = OPTION_INDEX[intent.option]
      decisionMask(world, i, mask)
      if (mask[label] !== 1) labelOutsideMask++
      const obs = observations.reserve(rowSize)
      obs.set(batch.map.subarray(r * spec.mapSize, (r + 1) * spec.mapSize), observations.length)
      obs.set(batch.features.subarray(r * spec.featureSize, (r + 1) * spec.featureSize), observations.length + spec.mapSize)
      observations.length += rowSize
      labels.reserve(1)[labels.length++] = label
      masks.reserve(O).set(mask, masks.length)
      masks.length += O
      labelCounts[intent.option]! += 1
    }
    events = tick(world, { decisions, console: [] })
    if (options.onProgress && (t + 1) % 100 === 0) options.onProgress(t + 1)
  }
  return {
    data: {
      meta: {
        schema_version: DATASET_SCHEMA_VERSION,
        variant: spec.variant,
        map_shape: [spec.mapShape[0], spec.mapShape[1], spec.mapShape[2]],
        map_channels: [...spec.mapChannels],
        feature_names: [...spec.featureNames],
        options: [...AGENT_OPTIONS],
        samples: labels.length,
        config_id: loaded.summary.config_id,
        seed: loaded.config.seed,
        ticks: options.ticks,
        every,
        created: options.created
      },
      observations: observations.trimmed(),
      labels: labels.trimmed(),
      masks: masks.trimmed()
    },
    labelCounts,
    labelOutsideMask,
    world
  }
}
