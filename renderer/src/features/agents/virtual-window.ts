/**
 * Which rows of a long list to render: those in the viewport plus a few either side. Rows have a
 * fixed height, so 1,000 agents cost ~30 rendered rows and two spacers.
 */
export interface RowWindow {
  start: number
  /** Exclusive. */
  end: number
  /** Space above and below the rendered rows, in pixels. */
  padTop: number
  padBottom: number
}

/** The rows to render for a scroll position and viewport height. */
export function rowWindow(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 6): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight)
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1
  const start = Math.max(0, Math.min(total, first - overscan))
  const end = Math.max(start, Math.min(total, first + visible + overscan))
  return { start, end, padTop: start * rowHeight, padBottom: (total - end) * rowHeight }
}
