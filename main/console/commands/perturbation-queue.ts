/**
 * `perturbation_queue`: what the scheduler holds now — active events (with ticks left), pending
 * ones (with ticks until they start), running cooldowns (global, per spec, per agent), the
 * window's use against its caps (fairness buckets included), the baselines the events apply to,
 * and the specs an operator may trigger.
 */
import type { JsonValue } from '../../sim/state/world'
import { specTable } from '../../sim/perturbations/spec-table'
import { now, type CommandRun } from '../command'

const left = (until: number, tick: number) => Math.max(0, until - tick)

/** `perturbation_queue {}` (viewer). */
export const perturbationQueueRun: CommandRun<'perturbation_queue'> = ({ world }) => {
  const p = world.state.perturbations
  const t = world.state.tick
  const table = specTable(world.params.config)
  const cooldown = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).filter(([, until]) => until > t).map(([k, until]) => [k, left(until, t)]))
  const buckets: Record<string, JsonValue> = {}
  for (const [bucket, cap] of table.bucketCaps) {
    buckets[bucket] = { cap, used: p.window.filter((w) => w.spec !== null && table.byName.get(w.spec)?.bucket === bucket).length }
  }
  return now({
    tick: t,
    active: p.active.map((e) => ({
      event_id: e.id,
      spec: e.spec,
      kind: e.kind,
      origin: e.origin,
      started_at: e.started_at,
      ends_at: e.ends_at,
      ticks_left: left(e.ends_at, t),
      magnitude: e.magnitude,
      targets: e.targets,
      object_id: e.object_id,
      cancelled: e.cancelled
    })),
    pending: p.pending.map((e) => ({
      event_id: e.id,
      spec: e.spec,
      kind: e.kind,
      origin: e.origin,
      starts_at: e.starts_at,
      starts_in: left(e.starts_at, t),
      duration: e.duration,
      magnitude: e.magnitude,
      targets: e.targets,
      location: e.location
    })),
    cooldowns: { global: left(p.next_random_at, t), specs: cooldown(p.spec_cooldowns), agents: cooldown(p.agent_cooldowns) },
    window: { ticks: table.config.window_ticks, max_events: table.config.max_events_per_window, started: p.window.length, buckets },
    max_concurrent: table.config.max_concurrent,
    baseline: { prices: { ...p.baseline.prices }, utilities: { ...p.baseline.utilities } },
    specs: [...table.byName.values()].map((s) => ({ name: s.name, kind: s.spec.kind, probability_per_day: s.spec.probability_per_day, bucket: s.bucket }))
  })
}
