import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Expr } from './ast'
import { describeExpr, evaluatePrecondition, type PreconditionScope } from './evaluate'
import { exprArbitrary, scopeValue, tokenSoup } from './expr-arbitraries'
import { parsePrecondition } from './parser'

function expr(source: string): Expr {
  const result = parsePrecondition(source)
  if (!result.ok) throw new Error(`expected "${source}" to parse, got: ${result.error.message}`)
  return result.expr
}

/** A scope over a plain object keyed by dotted path, as a test stand-in for the engine's arrays. */
function scopeOf(values: Record<string, unknown>): PreconditionScope {
  return (path) => values[path.join('.')]
}

function holds(source: string, values: Record<string, unknown> = {}): boolean {
  return evaluatePrecondition(expr(source), scopeOf(values))
}

describe('evaluatePrecondition', () => {
  it('checks the manifest examples against the engine scope', () => {
    const kitchen = { 'stock.meals': 2, 'agent.wallet': 12, 'economy.meal_cost': 8 }
    expect(holds('stock.meals > 0 and agent.wallet >= economy.meal_cost', kitchen)).toBe(true)
    expect(holds('stock.meals > 0 and agent.wallet >= economy.meal_cost', { ...kitchen, 'agent.wallet': 7.5 })).toBe(false)
    expect(holds('stock.meals > 0 and agent.wallet >= economy.meal_cost', { ...kitchen, 'stock.meals': 0 })).toBe(false)
    expect(holds('utilities.power and not occupied', { 'utilities.power': true, occupied: false })).toBe(true)
    expect(holds('utilities.power and not occupied', { 'utilities.power': true, occupied: true })).toBe(false)
    expect(holds('utilities.power and not occupied', { occupied: false })).toBe(false)
  })

  it('treats missing names as null', () => {
    expect(holds('missing == null')).toBe(true)
    expect(holds('missing')).toBe(false)
    expect(holds('not missing')).toBe(true)
    expect(holds('missing > 0 or missing <= 0')).toBe(false)
    expect(evaluatePrecondition(expr('x == null'), () => null)).toBe(true)
  })

  it('counts null, false, 0, empty strings and NaN as false, and anything else as true', () => {
    for (const value of [null, undefined, false, 0, -0, '', Number.NaN]) expect(holds('x', { x: value })).toBe(false)
    for (const value of [true, 1, -1, 0.1, 'x', '0', 'false', [], {}]) expect(holds('x', { x: value })).toBe(true)
    expect(holds('[]')).toBe(true)
  })

  it('compares with strict equality: different types are never equal', () => {
    expect(holds('true == 1')).toBe(false)
    expect(holds("'1' == 1")).toBe(false)
    expect(holds('null == false')).toBe(false)
    expect(holds("0 == ''")).toBe(false)
    expect(holds('true != 1')).toBe(true)
    expect(holds('null == null')).toBe(true)
    expect(holds('1 == 1.0 and 0.5 == .5')).toBe(true)
    expect(holds("name == 'Ada'", { name: 'Ada' })).toBe(true)
    expect(holds('x == x', { x: Number.NaN })).toBe(false)
    // Lists and objects are not scalars: they equal nothing, not even themselves.
    expect(holds('[1] == [1]')).toBe(false)
    const list = [1]
    expect(holds('x == x', { x: list })).toBe(false)
    expect(holds('x != x', { x: list })).toBe(true)
  })

  it('orders only two numbers or two strings', () => {
    expect(holds('1 < 2 and 2 <= 2 and 3 > 2 and 3 >= 3')).toBe(true)
    expect(holds("'apple' < 'banana' and 'b' >= 'a'")).toBe(true)
    expect(holds("'10' < '9'")).toBe(true)
    expect(holds("'2' < 10 or '2' >= 10")).toBe(false)
    expect(holds('null < 1 or null >= 1 or missing >= 0')).toBe(false)
    expect(holds('true > false or true >= 0')).toBe(false)
    expect(holds('x < 1 or x >= 1', { x: Number.NaN })).toBe(false)
    expect(holds('x < 3', { x: [1] })).toBe(false)
  })

  it('negates numbers only', () => {
    expect(holds('-x < 0', { x: 2 })).toBe(true)
    expect(holds('--x == 2', { x: 2 })).toBe(true)
    expect(holds('-x == null', { x: 'a' })).toBe(true)
    expect(holds('-x', { x: true })).toBe(false)
  })

  it('tests membership in lists and substrings in strings', () => {
    expect(holds("role in ['cook', 'chef']", { role: 'chef' })).toBe(true)
    expect(holds("role in ['cook', 'chef']", { role: 'waiter' })).toBe(false)
    expect(holds("role not in ['cook', 'chef']", { role: 'waiter' })).toBe(true)
    expect(holds('1 in [true, 1.0]')).toBe(true)
    expect(holds('true in [1]')).toBe(false)
    expect(holds('null in [x]')).toBe(true)
    expect(holds('x in [[1]]', { x: [1] })).toBe(false)
    expect(holds("'cook' in agent.skills", { 'agent.skills': ['clean', 'cook'] })).toBe(true)
    expect(holds("'ook' in 'cook' and '' in 'x'")).toBe(true)
    expect(holds("1 in '123'")).toBe(false)
    expect(holds("'a' in x", { x: { a: 1 } })).toBe(false)
    // Anything that is not a container holds nothing, so `not in` is true there.
    for (const container of [null, 3, true, { a: 1 }]) {
      expect(holds("'a' in x", { x: container })).toBe(false)
      expect(holds("'a' not in x", { x: container })).toBe(true)
    }
  })

  it('hands the resolver full paths, subscripts included', () => {
    const asked: string[][] = []
    const scope: PreconditionScope = (path) => {
      asked.push([...path])
      return 1
    }
    evaluatePrecondition(expr(`inventory["hot meal"] and slots[0].kind and a.b`), scope)
    expect(asked).toEqual([['inventory', 'hot meal'], ['slots', '0', 'kind'], ['a', 'b']])
  })

  it('short-circuits and/or and yields booleans from them', () => {
    const asked: string[] = []
    const scope: PreconditionScope = (path) => {
      asked.push(path.join('.'))
      return path[0] === 'yes' ? 'y' : 0
    }
    expect(evaluatePrecondition(expr('no and boom'), scope)).toBe(false)
    expect(evaluatePrecondition(expr('yes or boom'), scope)).toBe(true)
    expect(evaluatePrecondition(expr("no in ['x'] and boom"), scope)).toBe(false)
    expect(asked).toEqual(['no', 'yes', 'no'])
    expect(holds('(a or b) == true', { a: 'x' })).toBe(true)
    expect(holds('(a and b) == b', { a: 1, b: 5 })).toBe(false)
  })
})

describe('describeExpr', () => {
  it.each([
    ['stock.meals>0', 'stock.meals > 0'],
    ['(stock.meals > (0))', 'stock.meals > 0'],
    ['a AND NOT b', 'a and not b'],
    ['(a or b) and not (c == 1)', '(a or b) and not c == 1'],
    ['not (a and b)', 'not (a and b)'],
    ['a and (b and c)', 'a and (b and c)'],
    ['(a and b) and c', 'a and b and c'],
    ['(not a) == b', '(not a) == b'],
    ['(a < b) < c', '(a < b) < c'],
    ['- (a < b)', '-(a < b)'],
    ['- - 5', '--5'],
    ['x NOT IN [ 1,2 ]', 'x not in [1, 2]'],
    [`inventory["hot meal"]['it\\'s'][0].count`, `inventory['hot meal']['it\\'s'][0]['count']`],
    [`"a\\"b\\\\c"`, `'a"b\\\\c'`],
    ['1e21 == .5', '1e+21 == 0.5'],
    ['TRUE or Null', 'true or null']
  ])('%s → %s', (source, canonical) => {
    expect(describeExpr(expr(source))).toBe(canonical)
  })

  it('brackets hand-built path segments that a dot cannot spell', () => {
    expect(describeExpr({ kind: 'name', path: ['inventory', 'hot meal', 'in', 'ok'] })).toBe(`inventory['hot meal']['in'].ok`)
  })
})

describe('evaluatePrecondition: properties', () => {
  /** A deterministic scope answering each path with one of `values`, chosen by a hash of the path. */
  function hashedScope(values: readonly unknown[]): PreconditionScope {
    return (path) => {
      let hash = 2166136261
      for (const segment of path) {
        for (let i = 0; i < segment.length; i++) hash = Math.imul(hash ^ segment.charCodeAt(i), 16777619)
        hash = Math.imul(hash ^ 0x2e, 16777619)
      }
      return values[(hash >>> 0) % values.length]
    }
  }

  const values = fc.array(scopeValue, { minLength: 1, maxLength: 8 })
  const parsedSoup = tokenSoup.map((source) => parsePrecondition(source)).filter((r) => r.ok).map((r) => (r.ok ? r.expr : null) as Expr)

  it('never throws and always answers a boolean, for any parsed expression and any scope values', () => {
    for (const exprs of [exprArbitrary, parsedSoup]) {
      fc.assert(
        fc.property(exprs, values, (e, vs) => {
          const result = evaluatePrecondition(e, hashedScope(vs))
          expect(typeof result).toBe('boolean')
          // Pure: the same scope gives the same answer.
          expect(evaluatePrecondition(e, hashedScope(vs))).toBe(result)
        }),
        { numRuns: 2000 }
      )
    }
  })

  it('keeps not, != and not in the exact negations of truth, == and in', () => {
    fc.assert(
      fc.property(exprArbitrary, exprArbitrary, values, (a, b, vs) => {
        const scope = hashedScope(vs)
        const both = (op: '==' | '!=' | 'in' | 'not in'): boolean => evaluatePrecondition({ kind: 'compare', op, left: a, right: b }, scope)
        expect(evaluatePrecondition({ kind: 'not', operand: a }, scope)).toBe(!evaluatePrecondition(a, scope))
        expect(both('!=')).toBe(!both('=='))
        expect(both('not in')).toBe(!both('in'))
      }),
      { numRuns: 1000 }
    )
  })
})
