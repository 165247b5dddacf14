/** The map's sizes in pixels, kept apart from the drawing code so they can be tested without a canvas. */

/** How near (CSS px) a click or hover must be to a dot to hit it. */
export const HIT_RADIUS_PX = 8

/** Largest side of the tile layer's canvas; big towns get fewer pixels per tile. */
export const MAX_LAYER_PX = 4096
export const MAX_TILE_PX = 16

/** Pixels per tile in the tile layer for a map of this size: up to 16, and at least 1. */
export function layerTilePx(width: number, height: number): number {
  const side = Math.max(1, width, height)
  return Math.max(1, Math.min(MAX_TILE_PX, Math.floor(MAX_LAYER_PX / side)))
}

/** Dot radius in pixels for a zoom: a third of a tile, readable when zoomed out, modest when in. */
export function dotRadius(scale: number): number {
  return Math.min(7, Math.max(1.2, scale * 0.28))
}
