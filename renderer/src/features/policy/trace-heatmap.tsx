/**
 * One map channel as a small heatmap on a canvas: a cell per tile around the agent, coloured by
 * the channel's value, the centre cell (the agent) outlined, with its colour scale and north marked. The canvas is typed loosely because
 * renderer tests typecheck without the DOM library.
 */
import { memo, useEffect, useRef } from 'react'
import { formatFeature, centreCell, heatColor } from './trace-data'
import type { ChannelGrid } from './trace-data'

/** Pixels per cell. */
export const HEAT_CELL_PX = 8

interface Ctx2d {
  fillStyle: string
  strokeStyle: string
  lineWidth: number
  clearRect(x: number, y: number, w: number, h: number): void
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
}

function draw(canvas: unknown, grid: ChannelGrid, cell: number): void {
  const ctx = (canvas as { getContext?: (kind: '2d') => Ctx2d | null } | null)?.getContext?.('2d')
  if (!ctx) return
  ctx.clearRect(0, 0, grid.cols * cell, grid.rows * cell)
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      ctx.fillStyle = heatColor(grid.values[r * grid.cols + c] ?? 0, grid.min, grid.max)
      ctx.fillRect(c * cell, r * cell, cell, cell)
    }
  }
  const centre = centreCell(grid)
  ctx.strokeStyle = '#ffd24e'
  ctx.lineWidth = 1
  ctx.strokeRect(centre.col * cell + 0.5, centre.row * cell + 0.5, cell - 1, cell - 1)
}

/**
 * The colours' meaning: a bar from the channel's low end (0 or its minimum) to its maximum, as
 * drawn, with both figures. Each channel has its own range, so each heatmap has its own scale.
 */
export function HeatScale({ grid }: { grid: ChannelGrid }) {
  const low = Math.min(0, grid.min)
  const gradient = `linear-gradient(to right, ${heatColor(low, grid.min, grid.max)}, ${heatColor(grid.max, grid.min, grid.max)})`
  return (
    <span className="heat-scale mono" data-testid={`trace-heat-scale-${grid.name}`} aria-label={`colour scale ${formatFeature(low)} to ${formatFeature(grid.max)}`}>
      <span className="num">{formatFeature(low)}</span>
      <span className="heat-scale-bar" style={{ background: gradient }} />
      <span className="num">{formatFeature(grid.max)}</span>
    </span>
  )
}

/**
 * The window is cut from the map as drawn (row 0 is the row above the agent, map-window.ts), so
 * north, the top of the Map, is up here too.
 */
export const TraceHeatmap = memo(function TraceHeatmap({ grid, cell = HEAT_CELL_PX }: { grid: ChannelGrid; cell?: number }) {
  const ref = useRef<HTMLCanvasElement>(null)
  useEffect(() => draw(ref.current, grid, cell), [grid, cell])
  return (
    <figure className="trace-heatmap" data-testid={`trace-heatmap-${grid.name}`} title={`${grid.name}: min ${formatFeature(grid.min)}, max ${formatFeature(grid.max)}`}>
      <span className="heat-north dim" aria-hidden="true" data-testid="trace-heat-north">
        N ↑
      </span>
      <canvas ref={ref} width={grid.cols * cell} height={grid.rows * cell} aria-label={`${grid.name} channel, ${grid.rows}×${grid.cols}, agent at the centre, north up`} role="img" />
      <figcaption className="mono">{grid.name}</figcaption>
      <HeatScale grid={grid} />
    </figure>
  )
})
