/**
 * fast-check generators for precondition trees and sources, shared by parser.test.ts and
 * evaluate.test.ts. Test support only: nothing in the engine imports this file.
 */
import fc from 'fast-check'
import { type CompareOp, type Expr, type LiteralValue, type ReferenceExpr, subscriptOf } from './ast'
import { describeExpr } from './describe-expr'
import { MAX_PRECONDITION_LENGTH } from './parser'
import { isKeyword } from './lexer'

/** Identifiers the grammar accepts as names: ASCII, not starting with a digit, not a keyword in any case. */
export const nameSegment: fc.Arbitrary<string> = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/)
  .filter((s) => !isKeyword(s))

/** Non-negative finite numbers, as literals hold them (a minus sign is a separate node). */
const literalNumber: fc.Arbitrary<number> = fc.oneof(
  fc.nat(1000),
  fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0))
)

/** Any string, quotes, backslashes and astral characters included. */
const anyString: fc.Arbitrary<string> = fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }))

const literalValue: fc.Arbitrary<LiteralValue> = fc.oneof(literalNumber, anyString, fc.boolean(), fc.constant(null))

const compareOp: fc.Arbitrary<CompareOp> = fc.constantFrom('==', '!=', '<', '<=', '>', '>=', 'in', 'not in')

const reference: fc.Arbitrary<ReferenceExpr> = fc
  .tuple(
    fc.array(nameSegment, { minLength: 1, maxLength: 3 }),
    fc.array(fc.oneof(anyString, nameSegment, fc.nat(20)), { maxLength: 2 })
  )
  .map(([path, keys]) => keys.reduce<ReferenceExpr>((ref, key) => subscriptOf(ref, key), { kind: 'name', path }))

/** Trees of every node kind, of the shapes the parser produces and within its limits once printed. */
export const exprArbitrary: fc.Arbitrary<Expr> = fc
  .letrec<{ expr: Expr }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', maxDepth: 6 },
      literalValue.map((value): Expr => ({ kind: 'literal', value })),
      reference,
      fc.array(tie('expr'), { maxLength: 3 }).map((items): Expr => ({ kind: 'list', items })),
      tie('expr').map((operand): Expr => ({ kind: 'not', operand })),
      tie('expr').map((operand): Expr => ({ kind: 'negate', operand })),
      fc
        .tuple(fc.constantFrom('and' as const, 'or' as const), tie('expr'), tie('expr'))
        .map(([op, left, right]): Expr => ({ kind: 'logical', op, left, right })),
      fc.tuple(compareOp, tie('expr'), tie('expr')).map(([op, left, right]): Expr => ({ kind: 'compare', op, left, right }))
    )
  }))
  .expr.filter((expr) => describeExpr(expr).length <= MAX_PRECONDITION_LENGTH)

/** Fragments that lex: glued at random they mostly reach the parser and exercise its error paths. */
const validFragment = fc.constantFrom(
  'stock', 'meals', 'agent', 'wallet', '_x9', 'Not', 'AND', 'In', 'TRUE', 'null', 'and', 'or', 'not', 'in',
  '.', '(', ')', '[', ']', ',', '-', '==', '!=', '<', '<=', '>', '>=', '<>',
  '0', '12', '0.4', '.5', '1e3', '2E-7', "'a'", '"b"', "'it\\'s'", '"\\\\"', ' ', '\t', '\n'
)

/** Fragments that do not lex on their own: near-misses and hostile characters. */
const invalidFragment = fc.constantFrom(
  '=', '!', '&&', '||', '&', '1.', '1e', '12abc', '1.2.3', '9'.repeat(400),
  "'\\n'", "'", '"', '\\', '@', '#', 'é', '😀', '\u0000', '\uD800'
)

const fragment = fc.oneof({ arbitrary: validFragment, weight: 6 }, { arbitrary: invalidFragment, weight: 1 })

/**
 * Token soup: random fragments, sometimes separated by spaces, plus printed trees with one
 * fragment spliced in or one character cut out, which are the likeliest near-misses of all.
 */
export const tokenSoup: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.array(fragment, { maxLength: 30 }), fc.boolean()).map(([parts, spaced]) => parts.join(spaced ? ' ' : '')),
  fc.tuple(exprArbitrary, fc.nat(), fragment, fc.boolean()).map(([expr, at, part, cut]) => {
    const text = describeExpr(expr)
    const i = at % (text.length + 1)
    return cut ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + part + text.slice(i)
  })
)

/** Values a resolver might hand back: any JSON, plus the numbers and absences JSON cannot spell. */
export const scopeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(undefined, Number.NaN, Infinity, -Infinity, -0, [], [null], ['a', 1, true])
)
