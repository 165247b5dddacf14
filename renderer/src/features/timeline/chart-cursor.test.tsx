import { describe, expect, it } from 'vitest'
import { agoOfTick } from '../overview/tps-chart'
import { cursorLines, labelTick } from './chart-cursor'

const state = (activeLabel: string | number | undefined) => ({ activeLabel, activeIndex: undefined, activeTooltipIndex: undefined, isTooltipActive: true, activeDataKey: undefined, activeCoordinate: undefined })

describe('the shared chart cursor', () => {
  it('draws the viewed tick solid and the hovered one dashed, once each', () => {
    const lines = cursorLines({ hover: 40, viewed: 30 })
    expect(lines.map((l) => [l.key, (l.props as { x: number }).x])).toEqual([
      ['viewed', 30],
      ['hover', 40]
    ])
    expect(cursorLines({ hover: 30, viewed: 30 }).map((l) => l.key)).toEqual(['viewed'])
    expect(cursorLines({ hover: null, viewed: null })).toEqual([])
    // A tick off this chart's axis draws nothing.
    expect(cursorLines({ hover: 5, viewed: null }, () => null)).toEqual([])
  })

  it('reads the tick from the x value of a chart drawn over ticks', () => {
    expect(labelTick(state(120))).toBe(120)
    expect(labelTick(state('120'))).toBe(120)
    expect(labelTick(state(undefined))).toBeNull()
    expect(labelTick(state('d2 07:30'))).toBeNull()
  })

  it('puts a tick on the tick-rate chart at the last sample taken at or before it', () => {
    const data = [
      { ago: -2, tps: 10, tick: 100 },
      { ago: -1, tps: 10, tick: 110 },
      { ago: 0, tps: 10, tick: 120 }
    ]
    expect(agoOfTick(data, 115)).toBe(-1)
    expect(agoOfTick(data, 120)).toBe(0)
    expect(agoOfTick(data, 50)).toBeNull()
    expect(agoOfTick(data, 130)).toBeNull()
    expect(agoOfTick([], 1)).toBeNull()
  })
})
