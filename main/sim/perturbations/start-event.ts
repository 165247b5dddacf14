/**
 * Starting an event: draw what its spec leaves open (duration, magnitude, participants) from the
 * `events` stream, resolve its targets, book it against the caps (window, global cooldown) and
 * announce it. A meeting that cannot gather two people does not start (`perturbation_skipped`).
 */
import { spikeKeysOf, type PerturbationSpec } from '../../config/sections/perturbations'
import { nextFloat, nextInt } from '../rng/rng-streams'
import { emit, type World } from '../state/world'
import { drawParticipants, gatherAt, livingSlots, resolveMeetObject } from './arranged-meet'
import type { ActiveEvent, PendingEvent } from './perturbations-state'
import { specTable } from './spec-table'

/** A console meet without a spec lasts this long unless told otherwise. */
export const DEFAULT_MEET_TICKS = 30

/** An integer in [min, max]; no draw when the range is a single value. */
function drawInt(world: World, [min, max]: readonly [number, number]): number {
  return max > min ? min + nextInt(world.state.rng.events, max - min + 1) : min
}

/** A magnitude in [min, max], to three places so events read cleanly; no draw for a single value. */
function drawMagnitude(world: World, [min, max]: readonly [number, number]): number {
  return max > min ? Math.round((min + nextFloat(world.state.rng.events) * (max - min)) * 1000) / 1000 : min
}

/** Start `event` now; false when it could not (a meet with fewer than two people to gather). */
export function startEvent(world: World, event: PendingEvent): boolean {
  const { state } = world
  const p = state.perturbations
  const table = specTable(world.params.config)
  const spec: PerturbationSpec | undefined = event.spec === null ? undefined : table.byName.get(event.spec)?.spec
  const t = state.tick
  const duration = event.duration ?? (spec ? drawInt(world, spec.duration) : DEFAULT_MEET_TICKS)
  let magnitude: number | null = null
  let targets: string[]
  let objectId: string | null = null
  switch (event.kind) {
    case 'price_spike': {
      const s = spec as Extract<PerturbationSpec, { kind: 'price_spike' }>
      magnitude = event.magnitude ?? drawMagnitude(world, s.magnitude)
      targets = spikeKeysOf(event.targets ?? s.targets)
      break
    }
    case 'power_outage':
      targets = ['power']
      break
    case 'water_outage':
      targets = ['water']
      break
    case 'arranged_meet': {
      const s = spec as Extract<PerturbationSpec, { kind: 'arranged_meet' }> | undefined
      const busy = new Set(p.active.filter((e) => e.kind === 'arranged_meet').flatMap((e) => e.targets))
      const ids = state.agents.ids
      const slots = event.targets
        ? livingSlots(world, event.targets)
        : drawParticipants(world, s?.participants ?? 2, (i) => !busy.has(ids[i]!) && (p.agent_cooldowns[ids[i]!] ?? 0) <= t)
      const location = event.location ?? s?.location ?? ''
      const o = slots.length >= 2 ? resolveMeetObject(world, location, slots[0]!) : -1
      const moved = o >= 0 ? gatherAt(world, o, slots) : []
      if (moved.length < 2) {
        const reason = slots.length < 2 ? 'fewer than 2 agents could take part' : o < 0 ? `no object "${location}" in the town` : 'no free tiles near the location'
        emit(state, 'perturbation_skipped', { event_id: event.id, spec: event.spec, kind: event.kind, reason })
        return false
      }
      targets = moved.map((i) => ids[i]!)
      objectId = state.objects.ids[o]!
      break
    }
  }
  const active: ActiveEvent = {
    id: event.id,
    spec: event.spec,
    kind: event.kind,
    origin: event.origin,
    started_at: t,
    ends_at: t + duration,
    magnitude,
    targets,
    object_id: objectId,
    seq: ++p.seq,
    cancelled: false
  }
  p.active.push(active)
  // Every start counts against the window and the global cooldown, whoever started it, so random
  // draws back off after an operator's or the schedule's events too.
  p.window.push({ tick: t, spec: event.spec })
  p.next_random_at = Math.max(p.next_random_at, t + table.config.global_cooldown_ticks)
  emit(state, 'perturbation_started', {
    event_id: active.id,
    spec: active.spec,
    kind: active.kind,
    origin: active.origin,
    targets: active.targets,
    ...(magnitude === null ? {} : { magnitude }),
    ...(objectId === null ? {} : { object_id: objectId }),
    ends_at: active.ends_at
  })
  if (objectId !== null) emit(state, 'arranged_meet', { event_id: active.id, spec: active.spec, object_id: objectId, agents: targets, ends_at: active.ends_at })
  return true
}

/** A fresh id for a new event. */
export function nextEventId(world: World): string {
  return `evt_${world.state.perturbations.next_id++}`
}
