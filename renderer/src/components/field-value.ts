/**
 * Reading the form field an event came from. Typed loosely on purpose: renderer tests typecheck
 * under the Node config (no DOM lib), where React's element types carry no `value` or `checked`,
 * and the panels they render must typecheck there too.
 */
export function fieldValue(event: { currentTarget: unknown }): string {
  const value = (event.currentTarget as { value?: unknown }).value
  return typeof value === 'string' ? value : ''
}

export function fieldChecked(event: { currentTarget: unknown }): boolean {
  return (event.currentTarget as { checked?: unknown }).checked === true
}

/** A scrolled element's position and visible height, in pixels. */
export function scrollMetrics(event: { currentTarget: unknown }): { top: number; height: number } {
  const el = event.currentTarget as { scrollTop?: unknown; clientHeight?: unknown }
  return { top: typeof el.scrollTop === 'number' ? el.scrollTop : 0, height: typeof el.clientHeight === 'number' ? el.clientHeight : 0 }
}

/** An element's visible height in pixels (0 when it has none). */
export function elementHeight(element: unknown): number {
  const height = (element as { clientHeight?: unknown } | null)?.clientHeight
  return typeof height === 'number' ? height : 0
}
