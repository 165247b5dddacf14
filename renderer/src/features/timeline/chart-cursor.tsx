/**
 * The shared time cursor on the time charts (KPIs, needs, tick rate): hovering a chart puts its
 * tick in the hover store, so every other chart and the scrubber draw a line there; a click seeks
 * the page there (past, read-only). The viewed tick of a past view is drawn too, solid.
 *
 * Cheap by construction: the handlers are stable (memoised charts do not re-render for them),
 * the hover store changes only when the tick under the pointer does, and the lines are plain
 * ReferenceLine elements handed to the chart as children.
 */
import { useMemo } from 'react'
import type { ReactElement } from 'react'
import { ReferenceLine } from 'recharts'
import type { MouseHandlerDataParam } from 'recharts'
import { useCommands, useHover, useStores, useTimeline } from '../../app/session-context'
import { viewedTick } from '../../stores/timeline-state'

export interface ChartCursor {
  hover: number | null
  viewed: number | null
}

/** The hovered and the viewed tick, for a chart to draw. */
export function useChartCursor(): ChartCursor {
  const hover = useHover((s) => s.hoverTick)
  const viewed = useTimeline(viewedTick)
  return useMemo(() => ({ hover, viewed }), [hover, viewed])
}

/** The tick a chart event points at: the x value by default (charts drawn over ticks). */
export type TickOfEvent = (state: MouseHandlerDataParam) => number | null

export function labelTick(state: MouseHandlerDataParam): number | null {
  const tick = Number(state.activeLabel)
  return state.activeLabel === undefined || !Number.isFinite(tick) ? null : tick
}

export interface ChartHandlers {
  onMouseMove(state: MouseHandlerDataParam): void
  onMouseLeave(): void
  onClick(state: MouseHandlerDataParam): void
}

/** Stable hover and click handlers for a chart's root (`<LineChart {...handlers}>`). */
export function useChartHandlers(tickOf: TickOfEvent = labelTick): ChartHandlers {
  const stores = useStores()
  const commands = useCommands()
  return useMemo(
    () => ({
      onMouseMove: (state) => stores.hover.getState().setHoverTick(tickOf(state)),
      onMouseLeave: () => stores.hover.getState().setHoverTick(null),
      onClick: (state) => {
        const tick = tickOf(state)
        if (tick !== null) void commands.seekTick(tick)
      }
    }),
    [stores, commands, tickOf]
  )
}

/**
 * The cursor's lines as chart children. `toX` maps a tick onto the chart's x axis (null: not on
 * this chart); the identity for charts drawn over ticks.
 */
export function cursorLines(cursor: ChartCursor, toX: (tick: number) => number | null = (t) => t): ReactElement[] {
  const lines: ReactElement[] = []
  const viewed = cursor.viewed === null ? null : toX(cursor.viewed)
  const hover = cursor.hover === null || cursor.hover === cursor.viewed ? null : toX(cursor.hover)
  if (viewed !== null) lines.push(<ReferenceLine key="viewed" x={viewed} stroke="var(--past)" strokeWidth={1.5} ifOverflow="hidden" />)
  if (hover !== null) lines.push(<ReferenceLine key="hover" x={hover} stroke="var(--text-dim)" strokeDasharray="3 3" ifOverflow="hidden" />)
  return lines
}
