/**
 * Where a tick sits on the scrubber and which tick a point on it means: a linear scale from the
 * earliest kept tick (left edge) to the live tick (right edge). Pure, for the track and its tests.
 */
import type { TickSpan } from '../../stores/timeline-state'

/** 0 at the earliest tick, 1 at live; a span of one tick puts everything at the right edge. */
export function fractionOf(span: TickSpan, tick: number): number {
  const width = span.live - span.earliest
  if (width <= 0) return 1
  return Math.min(1, Math.max(0, (tick - span.earliest) / width))
}

/** The tick under a point `fraction` of the way along (clamped to the span, whole ticks). */
export function tickAt(span: TickSpan, fraction: number): number {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 1
  return Math.round(span.earliest + f * (span.live - span.earliest))
}

/** A CSS `left` for a tick: "37.5%". */
export function leftOf(span: TickSpan, tick: number): string {
  return `${fractionOf(span, tick) * 100}%`
}

/** The pointer's fraction along an element, from its client x and the element's box. */
export function pointerFraction(clientX: number, box: { left: number; width: number }): number {
  return box.width <= 0 ? 1 : (clientX - box.left) / box.width
}
