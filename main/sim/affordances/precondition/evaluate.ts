import { type CompareOp, type Expr } from './ast'

/**
 * Answers a name path, e.g. `['stock', 'meals']`, for the agent and object being checked. The
 * engine supplies it so it can read straight from its typed arrays instead of building objects
 * for every check. `undefined` (or `null`) means the name has no value here.
 */
export type PreconditionScope = (path: readonly string[]) => unknown

/** The values `==` compares; anything else (lists, objects) equals nothing. */
function isScalar(value: unknown): value is number | string | boolean | null {
  const type = typeof value
  return value === null || type === 'number' || type === 'string' || type === 'boolean'
}

/** Strict equality on scalars: different types are never equal (`true == 1` is false). */
function equals(a: unknown, b: unknown): boolean {
  return a === b && isScalar(a)
}

/** Ordering holds only between two numbers or two strings (code-unit order, never the locale). */
function ordered(op: '<' | '<=' | '>' | '>=', a: unknown, b: unknown): boolean {
  const type = typeof a
  if ((type !== 'number' && type !== 'string') || typeof b !== type) return false
  const x = a as number | string
  const y = b as number | string
  switch (op) {
    case '<':
      return x < y
    case '<=':
      return x <= y
    case '>':
      return x > y
    case '>=':
      return x >= y
  }
}

/** null, undefined, false, 0, '' and NaN are false; everything else, lists included, is true. */
function truthy(value: unknown): boolean {
  return Boolean(value)
}

function valueOf(expr: Expr, scope: PreconditionScope): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value
    case 'name':
    case 'subscript':
      return scope(expr.path) ?? null
    case 'list':
      return expr.items.map((item) => valueOf(item, scope))
    case 'not':
      return !truthy(valueOf(expr.operand, scope))
    case 'negate': {
      const value = valueOf(expr.operand, scope)
      return typeof value === 'number' ? -value : null
    }
    case 'logical':
      if (expr.op === 'and') return truthy(valueOf(expr.left, scope)) && truthy(valueOf(expr.right, scope))
      return truthy(valueOf(expr.left, scope)) || truthy(valueOf(expr.right, scope))
    case 'compare':
      return compare(expr.op, expr.left, expr.right, scope)
  }
}

/** `needle in haystack`: membership in a list, or a substring of a string. */
function contains(needle: unknown, haystack: Expr, scope: PreconditionScope): boolean {
  // A literal list is checked item by item, so `x in ['a', 'b']` allocates nothing on the tick path.
  if (haystack.kind === 'list') {
    for (const item of haystack.items) if (equals(needle, valueOf(item, scope))) return true
    return false
  }
  const value = valueOf(haystack, scope)
  if (Array.isArray(value)) {
    for (const item of value) if (equals(needle, item)) return true
    return false
  }
  return typeof value === 'string' && typeof needle === 'string' && value.includes(needle)
}

function compare(op: CompareOp, left: Expr, right: Expr, scope: PreconditionScope): boolean {
  const a = valueOf(left, scope)
  switch (op) {
    case 'in':
      return contains(a, right, scope)
    case 'not in':
      return !contains(a, right, scope)
    case '==':
      return equals(a, valueOf(right, scope))
    case '!=':
      return !equals(a, valueOf(right, scope))
    default:
      return ordered(op, a, valueOf(right, scope))
  }
}

/**
 * Whether a parsed precondition holds, reading names through `scope`. Missing names are `null`;
 * `and`/`or` short-circuit; comparisons between mismatched types are false rather than errors, so
 * a well-formed precondition never throws whatever values the engine supplies.
 */
export function evaluatePrecondition(expr: Expr, scope: PreconditionScope): boolean {
  return truthy(valueOf(expr, scope))
}

// Failure reasons print the expression that failed; re-exported so callers of evaluation find it here.
export { describeExpr } from './describe-expr'
