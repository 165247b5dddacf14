/**
 * Ending events and expiring the bookkeeping. An event ends at the start of the tick it was due
 * (or the tick it was cancelled): its spec's cooldown and, for a meet, each participant's cooldown
 * run from then; it stays in `recent` for `exit_grace_ticks` so exits tied to it stay suppressed
 * while people recover.
 */
import { emit, type World } from '../state/world'
import { specTable } from './spec-table'

/** End every active event due by now; true when any ended. */
export function endDueEvents(world: World): boolean {
  const { state } = world
  const p = state.perturbations
  const t = state.tick
  if (!p.active.some((e) => e.ends_at <= t)) return false
  const config = specTable(world.params.config).config
  const still = []
  for (const e of p.active) {
    if (e.ends_at > t) {
      still.push(e)
      continue
    }
    const spec = e.spec === null ? undefined : config.events[e.spec]
    if (spec && e.spec !== null) p.spec_cooldowns[e.spec] = Math.max(p.spec_cooldowns[e.spec] ?? 0, t + spec.cooldown_ticks)
    if (e.kind === 'arranged_meet' && config.per_agent_cooldown_ticks > 0) {
      for (const id of e.targets) p.agent_cooldowns[id] = Math.max(p.agent_cooldowns[id] ?? 0, t + config.per_agent_cooldown_ticks)
    }
    if (config.exit_grace_ticks > 0) p.recent.push({ id: e.id, kind: e.kind, targets: e.targets, ended_at: t })
    emit(state, 'perturbation_ended', { event_id: e.id, spec: e.spec, kind: e.kind, cancelled: e.cancelled })
  }
  p.active = still
  return true
}

/** Drop cooldowns that have run out, window entries older than the window, and recent events past their grace. */
export function expireBookkeeping(world: World): void {
  const p = world.state.perturbations
  const t = world.state.tick
  const config = specTable(world.params.config).config
  for (const [spec, until] of Object.entries(p.spec_cooldowns)) if (until <= t) delete p.spec_cooldowns[spec]
  for (const [id, until] of Object.entries(p.agent_cooldowns)) if (until <= t) delete p.agent_cooldowns[id]
  let old = 0
  while (old < p.window.length && p.window[old]!.tick <= t - config.window_ticks) old++
  if (old > 0) p.window.splice(0, old)
  if (p.recent.length > 0) p.recent = p.recent.filter((r) => r.ended_at + config.exit_grace_ticks > t)
}
