/** Keeping the selection in view, the names drawn on the map, and the minimap's density and viewport. */
import { describe, expect, it } from 'vitest'
import { sampleAgentRow } from '../../../../shared/testing/contract-samples'
import { layoutAgents } from './agent-layout'
import { agentLabelIndices, AGENT_LABEL_SCALE, areaLabels, AREA_LABEL_MIN_PX } from './map-label-layout'
import { fitView, keepInView, mapFits, sameView, toScreen } from './map-view'
import { densityGrid, minimapSize, MINIMAP_PX, viewportRect } from './minimap-geometry'

describe('keeping the selected agent in view', () => {
  it('pans just enough to bring a point inside the margin, and leaves a visible one alone', () => {
    const view = { scale: 10, ox: 0, oy: 0 }
    expect(keepInView(view, 20, 20, 400, 300)).toBe(view)
    const right = keepInView(view, 60, 5, 400, 300, 40)
    expect(right.scale).toBe(10)
    expect(toScreen(right, 60, 5)).toEqual([360, 50])
    const left = keepInView({ scale: 10, ox: -100, oy: 0 }, 1, 20, 400, 300, 40)
    expect(toScreen(left, 1, 20)[0]).toBe(40)
    // A viewport smaller than twice the margin centres the point.
    expect(toScreen(keepInView(view, 50, 50, 40, 30, 40), 50, 50)).toEqual([20, 15])
  })

  it('tells whether the whole map is on screen, and a remembered fit from a moved view', () => {
    const fit = fitView(40, 20, 800, 400)
    expect(mapFits(fit, 40, 20, 800, 400)).toBe(true)
    expect(mapFits(fit, 40, 20, 500, 400)).toBe(false)
    expect(mapFits({ ...fit, ox: fit.ox - 30 }, 40, 20, 800, 400)).toBe(false)
    expect(sameView(fit, { ...fit })).toBe(true)
    expect(sameView(fit, { ...fit, ox: fit.ox + 1 })).toBe(false)
  })
})

describe('names on the map', () => {
  const map = { width: 40, height: 20, rows: [], homes: [{ id: 'house', x: 0, y: 0, w: 6, h: 4 }], workplaces: [{ id: 'shop', x: 30, y: 10, w: 8, h: 6 }] }

  it('names homes and workplaces wide enough on screen, and only those on screen', () => {
    expect(areaLabels(map, { scale: 4, ox: 0, oy: 0 }, 800, 600)).toEqual([])
    expect(areaLabels(map, { scale: 10, ox: 0, oy: 0 }, 800, 600).map((l) => [l.id, l.kind])).toEqual([
      ['house', 'home'],
      ['shop', 'workplace']
    ])
    expect(areaLabels(map, { scale: 10, ox: 0, oy: 0 }, 200, 600).map((l) => l.id)).toEqual(['house'])
    expect(6 * 10).toBeGreaterThanOrEqual(AREA_LABEL_MIN_PX)
  })

  it('names agents only when zoomed in, only those on screen, and at most a cap', () => {
    const layout = layoutAgents([sampleAgentRow({ id: 'a', x: 1, y: 1 }), sampleAgentRow({ id: 'b', x: 30, y: 1 }), sampleAgentRow({ id: 'c', x: 2, y: 2 })], 40)
    expect(agentLabelIndices(layout, { scale: AGENT_LABEL_SCALE - 1, ox: 0, oy: 0 }, 400, 300)).toEqual([])
    expect(agentLabelIndices(layout, { scale: AGENT_LABEL_SCALE, ox: 0, oy: 0 }, 400, 300)).toEqual([0, 2])
    expect(agentLabelIndices(layout, { scale: AGENT_LABEL_SCALE, ox: 0, oy: 0 }, 400, 300, 1)).toEqual([0])
  })
})

describe('minimap', () => {
  it('counts agents into a density grid over the map', () => {
    const layout = layoutAgents([sampleAgentRow({ id: 'a', x: 0, y: 0 }), sampleAgentRow({ id: 'b', x: 1, y: 1 }), sampleAgentRow({ id: 'c', x: 99, y: 49 })], 100)
    const grid = densityGrid(layout, 100, 50, 10, 5)
    expect(grid.counts[0]).toBe(2)
    expect(grid.counts[4 * 10 + 9]).toBe(1)
    expect(grid.max).toBe(2)
    expect([...grid.counts].reduce((s, n) => s + n, 0)).toBe(3)
  })

  it('keeps the town’s aspect and draws the viewport where the canvas looks', () => {
    expect(minimapSize(200, 100)).toEqual({ width: MINIMAP_PX, height: MINIMAP_PX / 2 })
    const size = minimapSize(200, 100)
    const k = size.width / 200
    // 10 px per tile on an 800 × 400 canvas shows 80 × 40 tiles from tile (20, 10).
    const r = viewportRect({ scale: 10, ox: -200, oy: -100 }, 800, 400, k, size)
    expect(r).toEqual({ x: 20 * k, y: 10 * k, w: 80 * k, h: 40 * k })
  })
})
