import { describe, expect, it } from 'vitest'
import { centerOn, clampScale, fitView, MAX_SCALE, MIN_SCALE, panBy, tileAt, toScreen, toWorld, wheelFactor, zoomAt } from './map-view'

const view = { scale: 10, ox: 5, oy: -20 }

describe('map view transforms', () => {
  it('maps world to screen and back', () => {
    expect(toScreen(view, 2, 3)).toEqual([25, 10])
    expect(toWorld(view, 25, 10)).toEqual([2, 3])
    expect(tileAt(view, 29.9, 19.9)).toEqual({ x: 2, y: 3 })
    expect(tileAt(view, 4, 0)).toEqual({ x: -1, y: 2 })
  })

  it('zooms around the cursor: the world point under it stays put', () => {
    const zoomed = zoomAt(view, 2, 125, 80)
    expect(zoomed.scale).toBe(20)
    expect(toWorld(zoomed, 125, 80)).toEqual(toWorld(view, 125, 80))
  })

  it('clamps the zoom and keeps the cursor point even at the limit', () => {
    const max = zoomAt({ ...view, scale: MAX_SCALE }, 4, 50, 50)
    expect(max.scale).toBe(MAX_SCALE)
    expect(clampScale(0)).toBe(MIN_SCALE)
    const [wx, wy] = toWorld({ ...view, scale: MAX_SCALE }, 50, 50)
    const [wx2, wy2] = toWorld(max, 50, 50)
    expect(wx2).toBeCloseTo(wx)
    expect(wy2).toBeCloseTo(wy)
  })

  it('pans by screen pixels', () => {
    expect(panBy(view, -5, 20)).toEqual({ scale: 10, ox: 0, oy: 0 })
  })

  it('fits the whole map centred, limited by the tighter side', () => {
    const fit = fitView(100, 50, 1_024, 300, 12)
    expect(fit.scale).toBeCloseTo((300 - 24) / 50)
    expect(fit.ox + (100 * fit.scale) / 2).toBeCloseTo(512)
    expect(fit.oy + (50 * fit.scale) / 2).toBeCloseTo(150)
  })

  it('centres a world point at the same zoom', () => {
    const centred = centerOn(view, 7.5, 2.5, 400, 300)
    expect(centred.scale).toBe(10)
    expect(toScreen(centred, 7.5, 2.5)).toEqual([200, 150])
  })

  it('turns wheel deltas into gentle zoom factors: down zooms out, up zooms in', () => {
    expect(wheelFactor(100)).toBeLessThan(1)
    expect(wheelFactor(-100)).toBeGreaterThan(1)
    expect(wheelFactor(-100)).toBeCloseTo(1 / wheelFactor(100))
    expect(wheelFactor(10_000)).toBe(wheelFactor(300))
  })
})
