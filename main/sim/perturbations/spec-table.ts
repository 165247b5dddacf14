/**
 * The config's perturbation specs compiled once per config for the per-tick draw: per-tick
 * probabilities, time-of-day windows as ticks and each spec's fairness bucket with its cap.
 * Derived from the config alone, so it is a cache, never part of the state.
 */
import { windowTicksOf, type PerturbationSpec, type PerturbationsConfig } from '../../config/sections/perturbations'
import type { ShardConfig } from '../../config/shard-config-schema'
import { tickOfClock } from '../time/clock'

export interface CompiledSpec {
  name: string
  spec: PerturbationSpec
  /** Chance of a random start on a tick the spec is eligible. */
  p: number
  /** Ticks of day [start, end) in which it may start at random; null: any time. */
  window: [number, number] | null
  bucket: string | null
}

export interface SpecTable {
  config: PerturbationsConfig
  ticksPerDay: number
  /** Config order; only specs with a chance of a random start. */
  drawable: CompiledSpec[]
  byName: Map<string, CompiledSpec>
  /** Bucket → the most random starts it may have in one window. */
  bucketCaps: Map<string, number>
}

const cache = new WeakMap<ShardConfig, SpecTable>()

/** The compiled specs of this config (built on first use, then cached for the config's lifetime). */
export function specTable(config: ShardConfig): SpecTable {
  let table = cache.get(config)
  if (!table) {
    table = compile(config)
    cache.set(config, table)
  }
  return table
}

function compile(config: ShardConfig): SpecTable {
  const p = config.perturbations
  const tpd = config.world.ticks_per_day
  const bucketOf = new Map<string, string>()
  const bucketCaps = new Map<string, number>()
  for (const [bucket, b] of Object.entries(p.fairness.buckets)) {
    bucketCaps.set(bucket, Math.floor(b.share * p.max_events_per_window))
    for (const spec of b.specs) bucketOf.set(spec, bucket)
  }
  const byName = new Map<string, CompiledSpec>()
  for (const [name, spec] of Object.entries(p.events)) {
    const tickOf = (clock: string) => tickOfClock(clock, tpd)
    // probability_per_day is the expected starts per day, so it spreads over the ticks the spec may start in.
    const open = Math.max(1, windowTicksOf(spec.window, tpd, tickOf))
    byName.set(name, {
      name,
      spec,
      p: Math.min(1, spec.probability_per_day / open),
      window: spec.window ? [tickOf(spec.window[0]), tickOf(spec.window[1])] : null,
      bucket: bucketOf.get(name) ?? null
    })
  }
  const drawable = [...byName.values()].filter((s) => s.p > 0)
  return { config: p, ticksPerDay: tpd, drawable, byName, bucketCaps }
}
