/** The map's small pure parts: colours, batches, tooltips, the frame counter, the tile layer's size. */
import { describe, expect, it } from 'vitest'
import { sampleAgentRow } from '../../../../shared/testing/contract-samples'
import { sampleObject } from '../../testing/observer-samples'
import { layoutAgents } from './agent-layout'
import { colorBatches } from './color-batches'
import { FpsCounter } from './fps-counter'
import { needColor, objectStyle, OPTION_COLORS } from './map-colors'
import { agentTooltip, objectTooltip } from './map-tooltip'
import { dotRadius, layerTilePx, MAX_TILE_PX } from './map-metrics'

describe('map colours', () => {
  it('grades needs from red through amber to green, in a few steps', () => {
    expect(needColor(0)).toBe('rgb(239, 91, 91)')
    expect(needColor(0.4)).toBe('rgb(224, 169, 59)')
    expect(needColor(1)).toBe('rgb(63, 191, 127)')
    expect(needColor(0.41)).toBe(needColor(0.4))
    expect(needColor(Number.NaN)).toBe(needColor(0))
    expect(needColor(2)).toBe(needColor(1))
  })

  it('gives known object types a glyph and others their initial', () => {
    expect(objectStyle('fridge').glyph).toBe('F')
    expect(objectStyle('jukebox')).toEqual({ glyph: 'J', color: '#d5dbe3' })
  })

  it('batches agents by colour for the chosen colouring', () => {
    const layout = layoutAgents(
      [sampleAgentRow({ id: 'a', option: 'eat', hunger: 0 }), sampleAgentRow({ id: 'b', option: 'sleep', hunger: 0 }), sampleAgentRow({ id: 'c', option: 'eat', hunger: 1 })],
      5
    )
    expect(colorBatches(layout, 'option')).toEqual([
      { color: OPTION_COLORS.eat, indices: [0, 2] },
      { color: OPTION_COLORS.sleep, indices: [1] }
    ])
    expect(colorBatches(layout, 'hunger')).toEqual([
      { color: needColor(0), indices: [0, 1] },
      { color: needColor(1), indices: [2] }
    ])
  })

  it('keeps dots visible zoomed out and modest zoomed in', () => {
    expect(dotRadius(0.5)).toBe(1.2)
    expect(dotRadius(10)).toBeCloseTo(2.8)
    expect(dotRadius(90)).toBe(7)
  })
})

describe('map tooltips', () => {
  it('names an agent, what it does and its needs', () => {
    const lines = agentTooltip(sampleAgentRow({ option: 'eat', action: 'eat_meal', phase: 'using', target: 'fridge_1', hunger: 0.25 }))
    expect(lines).toEqual(['alice', 'eat · eat_meal (using) → fridge_1', 'hunger 25% · hygiene 70% · energy 60%'])
  })

  it('names an object, its holder and its queue', () => {
    const lines = objectTooltip(sampleObject({ holder: 'alice', queue: ['bob', 'carol'], running: 'eat_meal', remaining: 3 }))
    expect(lines).toEqual(['fridge_1 (fridge)', 'holder: alice · eat_meal, 3 left', 'queue: 2 — bob, carol', 'stock: meals 4'])
    expect(objectTooltip(sampleObject({ stock: {} }))[2]).toBe('queue: empty')
  })
})

describe('FpsCounter', () => {
  it('counts frames drawn in the last second only', () => {
    const fps = new FpsCounter()
    for (let t = 0; t < 1_000; t += 100) fps.record(t)
    expect(fps.rate(950)).toBe(10)
    expect(fps.rate(1_450)).toBe(5)
    expect(fps.rate(5_000)).toBe(0)
  })
})

describe('static layer size', () => {
  it('uses up to 16 px per tile, fewer for big towns, never below 1', () => {
    expect(layerTilePx(5, 3)).toBe(MAX_TILE_PX)
    expect(layerTilePx(400, 300)).toBe(10)
    expect(layerTilePx(10_000, 10)).toBe(1)
  })
})
