import { describe, expect, it } from 'vitest'
import { sampleAgentRow } from '../../../../shared/testing/contract-samples'
import { sampleObject } from '../../testing/observer-samples'
import { indexOfAgent, isFloor, layoutAgents, nearestAgent, objectAt } from './agent-layout'

const view = { scale: 20, ox: 0, oy: 0 }

describe('agent layout and hit-testing', () => {
  it('puts a lone agent at its tile centre and spreads agents that share a tile', () => {
    const layout = layoutAgents([sampleAgentRow({ id: 'a', x: 1, y: 1 }), sampleAgentRow({ id: 'b', x: 3, y: 1 }), sampleAgentRow({ id: 'c', x: 3, y: 1 })], 5)
    expect([layout.xs[0], layout.ys[0]]).toEqual([1.5, 1.5])
    expect(layout.xs[1]).not.toBeCloseTo(layout.xs[2]!)
    for (const i of [1, 2]) {
      expect(Math.abs(layout.xs[i]! - 3.5)).toBeLessThan(0.5)
      expect(Math.abs(layout.ys[i]! - 1.5)).toBeLessThan(0.5)
    }
    expect(indexOfAgent(layout, 'c')).toBe(2)
    expect(indexOfAgent(layout, 'nobody')).toBe(-1)
    expect(indexOfAgent(layout, null)).toBe(-1)
  })

  it('hits the nearest dot within the radius, nothing further', () => {
    const layout = layoutAgents([sampleAgentRow({ id: 'a', x: 1, y: 1 }), sampleAgentRow({ id: 'b', x: 2, y: 1 })], 5)
    // a at (30, 30) px, b at (50, 30) px
    expect(nearestAgent(layout, view, 33, 31, 8)).toBe(0)
    expect(nearestAgent(layout, view, 46, 30, 8)).toBe(1)
    expect(nearestAgent(layout, view, 40, 45, 8)).toBe(-1)
    // the same point hits when zoomed out so far that the dots are within reach
    expect(nearestAgent(layout, { scale: 2, ox: 0, oy: 0 }, 3, 3, 8)).toBeGreaterThanOrEqual(0)
  })

  it('finds the object on a tile and tells floor from wall', () => {
    const fridge = sampleObject()
    expect(objectAt([fridge], 3, 1)).toBe(fridge)
    expect(objectAt([fridge], 2, 1)).toBeNull()
    const rows = ['#####', '#...#', '#####']
    expect(isFloor(rows, 1, 1)).toBe(true)
    expect(isFloor(rows, 0, 1)).toBe(false)
    expect(isFloor(rows, 9, 1)).toBe(false)
    expect(isFloor(rows, 1, -1)).toBe(false)
  })
})
