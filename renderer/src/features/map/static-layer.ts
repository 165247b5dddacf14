/**
 * The map's tiles, drawn once per map into an offscreen canvas: walls, floor, homes and
 * workplaces tinted and outlined. Each frame then copies it with one drawImage, whatever the
 * size of the town.
 */
import type { TownMapDto } from '../../../../shared/contract/dto/observer'
import { TILE_COLORS } from './map-colors'
import { layerTilePx } from './map-metrics'

export interface StaticLayer {
  map: TownMapDto
  canvas: HTMLCanvasElement
  /** Pixels per tile in the layer; the view scales it, without smoothing. */
  tilePx: number
}

/** Draws the tile layer for a map; `createCanvas` is injectable. */
export function buildStaticLayer(map: TownMapDto, createCanvas: () => HTMLCanvasElement = () => document.createElement('canvas')): StaticLayer {
  const tilePx = layerTilePx(map.width, map.height)
  const canvas = createCanvas()
  canvas.width = Math.max(1, map.width * tilePx)
  canvas.height = Math.max(1, map.height * tilePx)
  const ctx = canvas.getContext('2d')
  if (!ctx) return { map, canvas, tilePx }
  ctx.fillStyle = TILE_COLORS.floor
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.fillStyle = TILE_COLORS.wall
  map.rows.forEach((row, y) => {
    // Runs of wall in one rect each: a generated town has long walls.
    let x = 0
    while (x < row.length) {
      if (row[x] !== '#') {
        x++
        continue
      }
      const start = x
      while (x < row.length && row[x] === '#') x++
      ctx.fillRect(start * tilePx, y * tilePx, (x - start) * tilePx, tilePx)
    }
  })
  const areas = (list: TownMapDto['homes'], fill: string, edge: string) => {
    for (const area of list) {
      ctx.fillStyle = fill
      ctx.fillRect(area.x * tilePx, area.y * tilePx, area.w * tilePx, area.h * tilePx)
      if (tilePx >= 4) {
        ctx.strokeStyle = edge
        ctx.lineWidth = 1
        ctx.strokeRect(area.x * tilePx + 0.5, area.y * tilePx + 0.5, area.w * tilePx - 1, area.h * tilePx - 1)
      }
    }
  }
  areas(map.homes, TILE_COLORS.home, TILE_COLORS.homeEdge)
  areas(map.workplaces, TILE_COLORS.workplace, TILE_COLORS.workplaceEdge)
  return { map, canvas, tilePx }
}
