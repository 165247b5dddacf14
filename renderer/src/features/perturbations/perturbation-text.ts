/** Perturbations in words, for the banner: when one ends or starts, its targets and magnitude. */
import type { PerturbationRow, PerturbationsView } from '../../../../shared/contract/dto/society'
import { formatTrimmed } from '../../components/format'

/** Ticks from `tick` until `at`, never negative. */
export function ticksUntil(at: number, tick: number): number {
  return Math.max(0, at - tick)
}

/** "1 tick", "12 ticks". */
export function formatTicks(n: number): string {
  return `${n} ${n === 1 ? 'tick' : 'ticks'}`
}

/** An active event's remaining time: "ends in 12 ticks", or "ending" on its last tick. */
export function endsInText(row: Pick<PerturbationRow, 'ends_at'>, tick: number): string {
  const left = ticksUntil(row.ends_at, tick)
  return left === 0 ? 'ending' : `ends in ${formatTicks(left)}`
}

/** A pending event's wait: "starts in 5 ticks", or "starting". */
export function startsInText(row: Pick<PerturbationRow, 'starts_at'>, tick: number): string {
  const left = ticksUntil(row.starts_at, tick)
  return left === 0 ? 'starting' : `starts in ${formatTicks(left)}`
}

/** A spec's cooldown: "ready in 30 ticks", or "ready". */
export function cooldownText(until: number, tick: number): string {
  const left = ticksUntil(until, tick)
  return left === 0 ? 'ready' : `ready in ${formatTicks(left)}`
}

/** Who it touches: the agent or object ids, or "town-wide" when none are named. */
export function targetsText(targets: readonly string[], max = 4): string {
  if (targets.length === 0) return 'town-wide'
  const shown = targets.slice(0, max).join(', ')
  return targets.length > max ? `${shown} +${targets.length - max}` : shown
}

/** "×1.5", or "" when the spec decides. */
export function magnitudeText(magnitude: number | null): string {
  if (magnitude === null) return ''
  return `×${Number.isInteger(magnitude) ? magnitude : formatTrimmed(magnitude, 2)}`
}

/** Active or pending events, or cooldowns: whether the banner has anything to show. */
export function hasPerturbations(view: PerturbationsView): boolean {
  return view.active.length > 0 || view.pending.length > 0 || view.cooldowns.length > 0
}
