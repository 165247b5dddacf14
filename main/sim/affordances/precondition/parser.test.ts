import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Expr, subscriptOf } from './ast'
import { describeExpr } from './describe-expr'
import { exprArbitrary, tokenSoup } from './expr-arbitraries'
import { MAX_PRECONDITION_DEPTH, MAX_PRECONDITION_LENGTH, parsePrecondition } from './parser'

function parsed(source: string) {
  const result = parsePrecondition(source)
  if (!result.ok) throw new Error(`expected "${source}" to parse, got: ${result.error.message}`)
  return result
}

function errorOf(source: string) {
  const result = parsePrecondition(source)
  if (result.ok) throw new Error(`expected "${source}" to be refused, got: ${describeExpr(result.expr)}`)
  return result.error
}

const name = (...path: string[]): Expr => ({ kind: 'name', path })
const lit = (value: string | number | boolean | null): Expr => ({ kind: 'literal', value })

/** Every reference in a tree, in source order, each once: what `names` must report. */
function referencedPaths(expr: Expr, out: string[][] = []): string[][] {
  switch (expr.kind) {
    case 'name':
    case 'subscript':
      if (!out.some((p) => JSON.stringify(p) === JSON.stringify(expr.path))) out.push([...expr.path])
      break
    case 'list':
      expr.items.forEach((item) => referencedPaths(item, out))
      break
    case 'not':
    case 'negate':
      referencedPaths(expr.operand, out)
      break
    case 'logical':
    case 'compare':
      referencedPaths(expr.left, out)
      referencedPaths(expr.right, out)
      break
  }
  return out
}

describe('parsePrecondition: valid sources', () => {
  it('parses the manifest examples and lists the names they read', () => {
    const result = parsed('stock.meals > 0 and agent.wallet >= economy.meal_cost')
    expect(result.expr).toEqual({
      kind: 'logical',
      op: 'and',
      left: { kind: 'compare', op: '>', left: name('stock', 'meals'), right: lit(0) },
      right: { kind: 'compare', op: '>=', left: name('agent', 'wallet'), right: name('economy', 'meal_cost') }
    })
    expect(result.names).toEqual([['stock', 'meals'], ['agent', 'wallet'], ['economy', 'meal_cost']])

    const power = parsed('utilities.power and not occupied')
    expect(power.expr).toEqual({ kind: 'logical', op: 'and', left: name('utilities', 'power'), right: { kind: 'not', operand: name('occupied') } })
    expect(power.names).toEqual([['utilities', 'power'], ['occupied']])
  })

  it('reads numbers, strings with escapes and case-insensitive keywords', () => {
    expect(parsed('0.4').expr).toEqual(lit(0.4))
    expect(parsed('.5').expr).toEqual(lit(0.5))
    expect(parsed('12').expr).toEqual(lit(12))
    expect(parsed('1e3').expr).toEqual(lit(1000))
    expect(parsed(`'it\\'s'`).expr).toEqual(lit("it's"))
    expect(parsed(`"a\\"b\\\\c"`).expr).toEqual(lit('a"b\\c'))
    expect(parsed(`"it's"`).expr).toEqual(lit("it's"))
    expect(parsed('TRUE').expr).toEqual(lit(true))
    expect(parsed('False').expr).toEqual(lit(false))
    expect(parsed('NULL').expr).toEqual(lit(null))
    expect(parsed('a AND NOT b Or c').expr).toEqual({
      kind: 'logical',
      op: 'or',
      left: { kind: 'logical', op: 'and', left: name('a'), right: { kind: 'not', operand: name('b') } },
      right: name('c')
    })
  })

  it('binds or < and < not < comparison < unary minus', () => {
    expect(parsed('not a == -b').expr).toEqual({
      kind: 'not',
      operand: { kind: 'compare', op: '==', left: name('a'), right: { kind: 'negate', operand: name('b') } }
    })
    expect(parsed('a or b and c').expr).toEqual({
      kind: 'logical',
      op: 'or',
      left: name('a'),
      right: { kind: 'logical', op: 'and', left: name('b'), right: name('c') }
    })
    expect(parsed('(a or b) and c').expr).toEqual({
      kind: 'logical',
      op: 'and',
      left: { kind: 'logical', op: 'or', left: name('a'), right: name('b') },
      right: name('c')
    })
    expect(parsed('a and b and c').expr).toEqual({
      kind: 'logical',
      op: 'and',
      left: { kind: 'logical', op: 'and', left: name('a'), right: name('b') },
      right: name('c')
    })
  })

  it('parses subscripts, lists and membership', () => {
    const result = parsed(`inventory["hot meal"] >= 1 and slots[0].kind in ['bed', "sofa"] and role not in []`)
    expect(result.names).toEqual([['inventory', 'hot meal'], ['slots', '0', 'kind'], ['role']])
    const slot = subscriptOf(subscriptOf({ kind: 'name', path: ['slots'] }, 0), 'kind')
    expect(result.expr).toMatchObject({
      left: { right: { op: 'in', left: slot, right: { kind: 'list', items: [lit('bed'), lit('sofa')] } } },
      right: { op: 'not in', left: name('role'), right: { kind: 'list', items: [] } }
    })
  })

  it('lists each name once, in order of first use', () => {
    expect(parsed('a.b > 0 and c or a.b < 9 and a["b"] != 1').names).toEqual([['a', 'b'], ['c']])
  })

  it('accepts line breaks and tabs from folded YAML', () => {
    expect(parsed('stock.meals > 0\n\tand occupied == false').names).toEqual([['stock', 'meals'], ['occupied']])
  })

  it('accepts sources up to the length limit and nesting up to the depth limit', () => {
    expect(parsePrecondition('a'.repeat(MAX_PRECONDITION_LENGTH)).ok).toBe(true)
    const depth = MAX_PRECONDITION_DEPTH
    expect(parsePrecondition(`${'('.repeat(depth)}a${')'.repeat(depth)}`).ok).toBe(true)
    expect(parsePrecondition(`${'not '.repeat(depth)}a`).ok).toBe(true)
  })
})

describe('parsePrecondition: errors say what was expected and where', () => {
  it.each([
    ['stock.meals and', "expected a value after 'and' at 15", 15],
    ['x > 0 and ) ', "expected a value after 'and' at 10, found ')'", 10],
    ['', 'expected a value at 0', 0],
    ['a + 1', "unexpected character '+' at 2", 2],
    ['stock@meals', "unexpected character '@' at 5", 5],
    ['a\u0000', 'unexpected character U+0000 at 1', 1],
    ['agent.x = 1', "'=' is not an operator: use '==' at 8", 8],
    ['!a', "'!' is not an operator: use 'not' at 0", 0],
    ['a && b', "'&&' is not an operator: use 'and' at 2", 2],
    ['a || b', "'||' is not an operator: use 'or' at 2", 2],
    ['(a and (b or c)', "unclosed '(' opened at 0", 0],
    ['(a b)', "expected ')' to close '(' opened at 0, found name 'b' at 3", 3],
    ['a)', "unmatched ')' at 1", 1],
    ['a b', "unexpected name 'b' at 2: expected an operator, 'and' or 'or'", 2],
    ['a < b < c', "comparisons cannot be chained: join them with 'and' (as in 'a < b and b < c') at 6", 6],
    ['a == b != c', "comparisons cannot be chained: join them with 'and' (as in 'a < b and b < c') at 7", 7],
    ['a not b', "expected 'in' after 'not' at 6, found name 'b'", 6],
    ['a.', "expected a name after '.' at 2, found end of input", 2],
    ['a.in', `expected a name after '.' at 2, found 'in' ('in' is a keyword: write ["in"])`, 2],
    ['slots.0', "expected a name after '.' at 6, found number 0", 6],
    ['a[1.5]', "expected a string or a whole number inside '[' at 2, found number 1.5", 2],
    ['a[x]', "expected a string or a whole number inside '[' at 2, found name 'x'", 2],
    ['a[', "unclosed '[' opened at 1", 1],
    ['a["k"', "unclosed '[' opened at 1", 1],
    ['x in [1, 2', "unclosed '[' opened at 5", 5],
    ['x in [1 2]', "expected ',' or ']' in the list opened at 5, found number 2 at 8", 8],
    ['x in [1,]', "expected a value after ',' at 8, found ']'", 8],
    ["'abc", 'unclosed string opened at 0', 0],
    ["a == 'x\\", 'unclosed string opened at 5', 5],
    ["'\\n'", "unknown escape '\\n' at 1: only \\\\, \\' and \\\" are allowed", 1],
    ['12abc', "invalid number '12abc' at 0", 0],
    ['1.2.3', "invalid number '1.2.3' at 0", 0],
    ['1. ', "expected a digit after '.' in the number at 0", 0],
    ['2e', 'expected digits in the exponent of the number at 0', 0],
    [`${'9'.repeat(400)}`, `number '${'9'.repeat(400)}' is too large at 0`, 0],
    ['a == not b', "expected a value after '==' at 5, found 'not'", 5]
  ])('%j → %s', (source, message, position) => {
    expect(errorOf(source)).toEqual({ message, position })
  })

  it('refuses sources over the length limit', () => {
    const error = errorOf('a'.repeat(MAX_PRECONDITION_LENGTH + 1))
    expect(error).toEqual({ message: 'precondition is too long: 501 characters, the limit is 500 at 500', position: 500 })
  })

  it('refuses nesting past the depth limit, whatever does the nesting', () => {
    const deep = MAX_PRECONDITION_DEPTH + 1
    for (const source of [
      `${'('.repeat(deep)}a${')'.repeat(deep)}`,
      `${'not '.repeat(deep)}a`,
      `${'-'.repeat(deep)}1`,
      `x in ${'['.repeat(deep)}${']'.repeat(deep)}`,
      '('.repeat(MAX_PRECONDITION_LENGTH)
    ]) {
      expect(errorOf(source).message).toMatch(/^expression nests too deeply \(more than 32 levels\) at \d+$/)
    }
  })
})

describe('parsePrecondition: properties', () => {
  /** The contract every result keeps, whatever the input. */
  function checkResult(source: string): void {
    const result = parsePrecondition(source)
    if (result.ok) return
    expect(result.error.position).toBeGreaterThanOrEqual(0)
    expect(result.error.position).toBeLessThanOrEqual(source.length)
    expect(Number.isInteger(result.error.position)).toBe(true)
    expect(result.error.message).toMatch(/ at \d+/)
    expect(result.error.message).not.toMatch(/^internal error/)
  }

  it('never throws and keeps error positions inside the source, for any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), checkResult), { numRuns: 2000 })
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), checkResult), { numRuns: 1000 })
    const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))
    fc.assert(fc.property(fc.string({ unit: anyCodeUnit, maxLength: 40 }), checkResult), { numRuns: 1000 })
  })

  it('never throws on token soup, including overlong and deeply nested soup', () => {
    fc.assert(fc.property(tokenSoup, checkResult), { numRuns: 3000 })
  })

  it('round-trips every tree through describeExpr, listing exactly the names it reads', () => {
    fc.assert(
      fc.property(exprArbitrary, (expr) => {
        const text = describeExpr(expr)
        const result = parsePrecondition(text)
        if (!result.ok) throw new Error(`${text}: ${result.error.message}`)
        expect(result.expr).toEqual(expr)
        expect(result.names).toEqual(referencedPaths(expr))
        // Canonical: printing the parse gives the same text again.
        expect(describeExpr(result.expr)).toBe(text)
      }),
      { numRuns: 2000 }
    )
  })
})
