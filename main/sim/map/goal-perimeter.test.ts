import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { GoalPerimeter } from './goal-perimeter'

/** Exact steps from every tile to the nearest open goal (-1 where none can be reached). */
function distanceField(width: number, height: number, blocked: Uint8Array, goals: number[]): Int32Array {
  const dist = new Int32Array(width * height).fill(-1)
  const queue = goals.filter((g) => blocked[g] === 0 && dist[g] === -1 && ((dist[g] = 0), true))
  for (let head = 0; head < queue.length; head++) {
    const cur = queue[head]!
    const x = cur % width
    const around = [cur >= width ? cur - width : -1, x > 0 ? cur - 1 : -1, x < width - 1 ? cur + 1 : -1, cur + width < width * height ? cur + width : -1]
    for (const n of around) {
      if (n < 0 || blocked[n] !== 0 || dist[n] !== -1) continue
      dist[n] = dist[cur]! + 1
      queue.push(n)
    }
  }
  return dist
}

const cases = fc
  .record({ width: fc.integer({ min: 2, max: 16 }), height: fc.integer({ min: 2, max: 16 }) })
  .chain(({ width, height }) =>
    fc.record({
      width: fc.constant(width),
      height: fc.constant(height),
      walls: fc.array(fc.boolean(), { minLength: width * height, maxLength: width * height }),
      goals: fc.array(fc.nat(width * height - 1), { minLength: 1, maxLength: 12 }),
      budget: fc.integer({ min: 0, max: 60 })
    })
  )

describe('GoalPerimeter', () => {
  it('estimates exactly inside, never over the true distance, and changes by at most 1 per step', () => {
    fc.assert(
      fc.property(cases, ({ width, height, walls, goals, budget }) => {
        // Sparse walls: every third `true` only, so most grids stay connected.
        const blocked = Uint8Array.from(walls, (w, i) => (w && i % 3 === 0 ? 1 : 0))
        const exact = distanceField(width, height, blocked, goals)
        const perimeter = new GoalPerimeter(width, height, blocked)
        // from = -1: never found, so the search always stops at the budget or the component's end.
        const outcome = perimeter.build(goals, -1, budget)
        if (outcome === 'unreachable') return
        expect(outcome).toBe('bounded')
        for (let t = 0; t < width * height; t++) {
          if (blocked[t] !== 0 || exact[t] === -1) continue
          const h = perimeter.estimate(t)
          if (perimeter.inside(t)) expect(h).toBe(exact[t])
          expect(h).toBeLessThanOrEqual(exact[t]!)
          const x = t % width
          for (const n of [t - width, x > 0 ? t - 1 : -1, x < width - 1 ? t + 1 : -1, t + width]) {
            if (n >= 0 && n < width * height && blocked[n] === 0 && exact[n] !== -1) {
              expect(Math.abs(h - perimeter.estimate(n))).toBeLessThanOrEqual(1)
            }
          }
        }
      }),
      { numRuns: 300 }
    )
  })

  it('reports the start when the backward search reaches it, with a step chain to a goal', () => {
    const blocked = new Uint8Array(5 * 1)
    const perimeter = new GoalPerimeter(5, 1, blocked)
    expect(perimeter.build([4], 0, 256)).toBe('reached')
    const chain = [0]
    while (perimeter.step(chain[chain.length - 1]!) !== -1) chain.push(perimeter.step(chain[chain.length - 1]!))
    expect(chain).toEqual([0, 1, 2, 3, 4])
  })

  it('knows a goal is unreachable once its whole component is explored', () => {
    const blocked = Uint8Array.from([0, 1, 0])
    const perimeter = new GoalPerimeter(3, 1, blocked)
    expect(perimeter.build([2], 0, 256)).toBe('unreachable')
    expect(perimeter.build([1], 0, 256)).toBe('unreachable') // a blocked goal is never entered
  })
})
