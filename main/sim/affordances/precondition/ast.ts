/**
 * The syntax tree of a precondition such as `stock.meals > 0 and agent.wallet >= economy.meal_cost`.
 * Preconditions come from YAML written by people, so they are parsed into this plain data and
 * interpreted by `evaluate.ts`; nothing here is ever turned into code. Nodes carry no source
 * positions, so two parses of the same expression (however it was spaced or parenthesised) are
 * structurally equal, which is what the round-trip tests and config diffing rely on.
 */

/** The values a literal can spell: numbers, strings, `true`/`false` and `null`. */
export type LiteralValue = number | string | boolean | null

/** A literal value. Numbers are never negative here: `-5` is a {@link NegateExpr} of `5`. */
export interface LiteralExpr {
  readonly kind: 'literal'
  readonly value: LiteralValue
}

/** A dotted name the engine answers, e.g. `stock.meals` is `{ path: ['stock', 'meals'] }`. */
export interface NameExpr {
  readonly kind: 'name'
  readonly path: readonly string[]
}

/**
 * A bracketed key on a name, e.g. `inventory["hot meal"]` or `slots[0]`, for keys that are not
 * identifiers. `path` is the full path handed to the engine's resolver (number keys as decimal
 * strings); it is computed once by {@link subscriptOf} so evaluation never rebuilds it.
 */
export interface SubscriptExpr {
  readonly kind: 'subscript'
  readonly target: ReferenceExpr
  readonly key: string | number
  readonly path: readonly string[]
}

/** Anything that names a value the engine supplies. */
export type ReferenceExpr = NameExpr | SubscriptExpr

/** A list literal, e.g. `['cook', 'chef']`, used on the right of `in`. */
export interface ListExpr {
  readonly kind: 'list'
  readonly items: readonly Expr[]
}

/** `not operand`: the negated truthiness of its operand. */
export interface NotExpr {
  readonly kind: 'not'
  readonly operand: Expr
}

/** `-operand`: arithmetic negation; only numbers can be negated. */
export interface NegateExpr {
  readonly kind: 'negate'
  readonly operand: Expr
}

/** `left and right` / `left or right`, short-circuiting. */
export interface LogicalExpr {
  readonly kind: 'logical'
  readonly op: 'and' | 'or'
  readonly left: Expr
  readonly right: Expr
}

/** The comparison operators, including membership. */
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in'

/** `left op right` for one comparison; comparisons do not chain. */
export interface CompareExpr {
  readonly kind: 'compare'
  readonly op: CompareOp
  readonly left: Expr
  readonly right: Expr
}

/** Any precondition expression. */
export type Expr = LiteralExpr | ReferenceExpr | ListExpr | NotExpr | NegateExpr | LogicalExpr | CompareExpr

/**
 * Builds a subscript node with its resolved path, so every producer (the parser, tests, tools)
 * agrees on how `a.b[0]` becomes `['a', 'b', '0']`.
 */
export function subscriptOf(target: ReferenceExpr, key: string | number): SubscriptExpr {
  return { kind: 'subscript', target, key, path: [...target.path, typeof key === 'number' ? String(key) : key] }
}
