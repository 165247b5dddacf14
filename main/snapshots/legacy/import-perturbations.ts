/**
 * Pending and active perturbations. An event carries over only where the target config has a
 * spec of the same name and kind (the original's `blackout` is our `power_outage`, its `outage`
 * our `water_outage` unless it named power); otherwise it is dropped with the reason. Active
 * events keep their remaining ticks, and prices and utilities are recomputed from them the way
 * the scheduler does, so the next tick does not mistake the spike for an operator's price.
 * A meet's participants are not gathered again: their imported positions stand.
 */
import { spikeKeysOf, type PerturbationKind, type PerturbationSpec } from '../../config/sections/perturbations'
import { applyEconomyEffects } from '../../sim/perturbations/economy-effects'
import { resolveMeetObject } from '../../sim/perturbations/arranged-meet'
import { addPending, type ActiveEvent, type PendingEvent, type PerturbationsState } from '../../sim/perturbations/perturbations-state'
import { rebase, type ImportContext } from './import-context'
import type { LegacyEvent } from './legacy-schema'

const KINDS: Record<string, PerturbationKind> = {
  price_spike: 'price_spike',
  blackout: 'power_outage',
  outage: 'water_outage',
  power_outage: 'power_outage',
  water_outage: 'water_outage',
  arranged_meet: 'arranged_meet'
}

interface Resolved {
  id: string
  name: string
  kind: PerturbationKind
  spec: PerturbationSpec
  start: number
  end: number | null
}

export function importPerturbations(ctx: ImportContext): void {
  const { world, report, state } = ctx
  const p = world.state.perturbations
  const legacy = state.perturbations ?? {}
  const taken = new Set([...p.pending, ...p.active].map((e) => e.id))
  const activeList = Array.isArray(legacy.active) ? legacy.active.map((e) => [e.event_id, e] as const) : Object.entries(legacy.active ?? {})
  for (const [key, event] of activeList) {
    const r = resolve(ctx, event, key, 'perturbations.active')
    if (!r) continue
    const end = r.end ?? r.start
    if (end <= ctx.tick) {
      report.drop('perturbations.active', 'already over at the imported tick', r.id)
      continue
    }
    const fields = activeFields(ctx, event, r)
    if (typeof fields === 'string') {
      report.drop('perturbations.active', fields, r.id)
      continue
    }
    const active: ActiveEvent = { id: takeId(p, taken, r.id), spec: r.name, kind: r.kind, origin: 'console', started_at: Math.min(r.start, ctx.tick), ends_at: end, ...fields, seq: ++p.seq, cancelled: false }
    p.active.push(active)
    p.window.push({ tick: active.started_at, spec: r.name })
    report.map('perturbations.active', 1, 'remaining ticks kept; prices and utilities follow it')
  }
  for (const event of legacy.pending ?? []) {
    const r = resolve(ctx, event, undefined, 'perturbations.pending')
    if (!r) continue
    const targets = event.targets ?? event.payload?.targets
    const pending: PendingEvent = {
      id: takeId(p, taken, r.id),
      spec: r.name,
      kind: r.kind,
      origin: 'console',
      starts_at: Math.max(r.start, ctx.tick + 1),
      duration: event.duration ?? (r.end !== null && r.end > r.start ? r.end - r.start : null),
      magnitude: r.kind === 'price_spike' ? (positive(event.payload?.magnitude) ?? null) : null,
      targets: r.kind === 'price_spike' ? (targets && spikeKeysOf(targets).length > 0 ? spikeKeysOf(targets) : null) : r.kind === 'arranged_meet' ? (targets?.filter((t) => ctx.slots.has(t)) ?? null) : null,
      location: r.kind === 'arranged_meet' ? (event.payload?.location ?? null) : null
    }
    if (pending.kind === 'arranged_meet' && pending.targets !== null && pending.targets.length < 2) pending.targets = null
    addPending(p, pending)
    report.map('perturbations.pending', 1, 'starts when due; what it leaves open is drawn then')
  }
  applyEconomyEffects(world)
  const early = p.pending.filter((e) => e.origin === 'scheduled' && e.starts_at <= ctx.tick).length
  if (early > 0) report.warn(`${early} of the target config's scheduled perturbations were due before the imported tick: they start at the next tick`)
}

/** A spike multiplies prices: a magnitude of 0 (or none) leaves it to the spec. */
const positive = (m: number | undefined) => (m !== undefined && m > 0 ? Math.min(m, 100) : undefined)

/** The event's spec in the target config, or undefined (dropped, reported). */
function resolve(ctx: ImportContext, event: LegacyEvent, key: string | undefined, field: string): Resolved | undefined {
  const id = event.event_id ?? key ?? '(no id)'
  const name = event.spec ?? event.spec_name
  const rawKind = event.kind ?? name
  let kind = rawKind === undefined ? undefined : KINDS[rawKind]
  if (kind === 'water_outage' && event.payload?.utility === 'power') kind = 'power_outage'
  const events = ctx.world.params.config.perturbations.events
  const spec = name !== undefined && Object.hasOwn(events, name) ? events[name] : undefined
  if (!kind || name === undefined || !spec || spec.kind !== kind) {
    ctx.report.drop(field, !kind ? 'not a perturbation kind we know' : 'no spec of that name and kind in the target config (perturbations.events)', id)
    return undefined
  }
  const start = rebase(ctx, event.started_at ?? event.start_tick ?? ctx.state.tick)
  const endTick = event.ends_at ?? event.end_tick
  const end = endTick !== undefined ? rebase(ctx, endTick) : event.duration !== undefined ? start + event.duration : null
  return { id, name, kind, spec, start, end }
}

/** What an active event applies to; a string says why it cannot apply here. */
function activeFields(ctx: ImportContext, event: LegacyEvent, r: Resolved): Pick<ActiveEvent, 'magnitude' | 'targets' | 'object_id'> | string {
  const targets = event.targets ?? event.payload?.targets ?? []
  switch (r.spec.kind) {
    case 'price_spike': {
      const named = spikeKeysOf(targets)
      // The original's shipped spikes named "grocer" and "cafe", which priced nothing: the spec's keys stand in.
      return { magnitude: positive(event.payload?.magnitude) ?? r.spec.magnitude[0], targets: named.length > 0 ? named : spikeKeysOf(r.spec.targets), object_id: null }
    }
    case 'power_outage':
      return { magnitude: null, targets: ['power'], object_id: null }
    case 'water_outage':
      return { magnitude: null, targets: ['water'], object_id: null }
    case 'arranged_meet': {
      const agents = targets.filter((t) => ctx.slots.has(t))
      if (agents.length < 2) return 'fewer than two of its participants are in the imported town'
      const o = resolveMeetObject(ctx.world, event.payload?.location ?? r.spec.location, ctx.slots.get(agents[0]!)!)
      if (o < 0) return 'its location is no object in the target town'
      return { magnitude: null, targets: agents, object_id: ctx.world.state.objects.ids[o]! }
    }
  }
}

/** The legacy id when it is one of ours (`evt_<n>`) and still free, else a fresh one; the counter moves past it. */
function takeId(p: PerturbationsState, taken: Set<string>, id: string): string {
  const m = /^evt_(\d{1,9})$/.exec(id)
  let out: string
  if (m && !taken.has(id)) {
    p.next_id = Math.max(p.next_id, Number(m[1]) + 1)
    out = id
  } else {
    do out = `evt_${p.next_id++}`
    while (taken.has(out))
  }
  taken.add(out)
  return out
}
