/**
 * The scheduler's state as the observer frame's `society.perturbations` block (the banner and
 * trigger form in the renderer). The console's `perturbation_queue` shows more (agent cooldowns,
 * the window, baselines); this is what the panel needs every frame.
 */
import type { PerturbationsView } from '../../../shared/contract/dto/society'
import type { World } from '../state/world'
import { specTable } from './spec-table'
import { DEFAULT_MEET_TICKS } from './start-event'

/** How an ad-hoc console meet (no spec) is named in rows. */
const CONSOLE_MEET = 'arrange_meet'

/** `society.perturbations` for the observer frame: active and pending rows, spec cooldowns, triggerable specs. */
export function perturbationsView(world: World): PerturbationsView {
  const p = world.state.perturbations
  const t = world.state.tick
  const table = specTable(world.params.config)
  return {
    active: p.active.map((e) => ({ event_id: e.id, spec: e.spec ?? CONSOLE_MEET, kind: e.kind, targets: e.targets, magnitude: e.magnitude, starts_at: e.started_at, ends_at: e.ends_at })),
    pending: p.pending.map((e) => {
      // Until it starts, an event without a fixed duration may last up to its spec's longest.
      const longest = e.spec === null ? DEFAULT_MEET_TICKS : (table.byName.get(e.spec)?.spec.duration[1] ?? DEFAULT_MEET_TICKS)
      return { event_id: e.id, spec: e.spec ?? CONSOLE_MEET, kind: e.kind, targets: e.targets ?? [], magnitude: e.magnitude, starts_at: e.starts_at, ends_at: e.starts_at + (e.duration ?? longest) }
    }),
    cooldowns: Object.entries(p.spec_cooldowns)
      .filter(([, until]) => until > t)
      .map(([spec, until]) => ({ spec, until })),
    specs: [...table.byName.values()].map((s) => ({ name: s.name, kind: s.spec.kind }))
  }
}
