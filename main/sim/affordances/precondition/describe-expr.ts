import { type Expr, type LiteralValue } from './ast'
import { isKeyword } from './lexer'

/**
 * Binding strength of each node, loosest first, mirroring the parser: or < and < not <
 * comparison < unary minus < primary. A child is parenthesised only when it binds more loosely
 * than its place allows, so the output is canonical: one spelling per tree.
 */
function strength(expr: Expr): number {
  switch (expr.kind) {
    case 'logical':
      return expr.op === 'or' ? 1 : 2
    case 'not':
      return 3
    case 'compare':
      return 4
    case 'negate':
      return 5
    default:
      return 6
  }
}

function quote(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&')}'`
}

function literal(value: LiteralValue): string {
  if (typeof value === 'string') return quote(value)
  // String(n) is the shortest text that reads back as the same double (exponents included).
  return String(value)
}

function isPlainName(segment: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment) && !isKeyword(segment)
}

/** A dotted path; a hand-built one may hold segments a dot cannot spell, which are bracketed. */
function describePath(path: readonly string[]): string {
  let text = ''
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] ?? ''
    if (i === 0) text = segment
    else text += isPlainName(segment) ? `.${segment}` : `[${quote(segment)}]`
  }
  return text
}

/** `child` as it must appear where at least `min` binding strength is needed. */
function at(child: Expr, min: number): string {
  const text = describeExpr(child)
  return strength(child) < min ? `(${text})` : text
}

/**
 * Prints an expression back in canonical form, e.g. for failure reasons ("failed: stock.meals > 0").
 * For any tree the parser produces, the result parses back to an equal tree:
 * `parsePrecondition(describeExpr(e))` gives `e` again.
 */
export function describeExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'literal':
      return literal(expr.value)
    case 'name':
      return describePath(expr.path)
    case 'subscript':
      return `${describeExpr(expr.target)}[${typeof expr.key === 'number' ? String(expr.key) : quote(expr.key)}]`
    case 'list':
      return `[${expr.items.map(describeExpr).join(', ')}]`
    case 'not':
      return `not ${at(expr.operand, 3)}`
    case 'negate':
      return `-${at(expr.operand, 5)}`
    case 'logical': {
      // and/or associate to the left, so a right child of the same strength needs parentheses.
      const s = strength(expr)
      return `${at(expr.left, s)} ${expr.op} ${at(expr.right, s + 1)}`
    }
    case 'compare':
      // Comparisons do not chain: both sides must bind tighter than a comparison.
      return `${at(expr.left, 5)} ${expr.op} ${at(expr.right, 5)}`
  }
}
