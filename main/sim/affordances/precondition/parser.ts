import { type CompareOp, type Expr, type ReferenceExpr, subscriptOf } from './ast'
import { type PreconditionError, type Token, tokenize } from './lexer'

/** Longest precondition accepted; affordance preconditions are one-liners, so this is generous. */
export const MAX_PRECONDITION_LENGTH = 500

/**
 * Deepest nesting accepted (parentheses, list brackets, `not` and unary minus each add a level),
 * so that no input can exhaust the stack of the recursive-descent parser or of the evaluator.
 */
export const MAX_PRECONDITION_DEPTH = 32

/**
 * A parsed precondition and every name path it reads (each once, in order of first use), which
 * the loader checks against the names the engine can answer; or the first error, whose message
 * says what was expected and ends with "at <position>".
 */
export type ParseResult =
  | { ok: true; expr: Expr; names: string[][] }
  | { ok: false; error: { message: string; position: number } }

const COMPARE_OPS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>='])

class ParseFailure {
  constructor(readonly error: PreconditionError) {}
}

function fail(message: string, position: number): never {
  throw new ParseFailure({ message, position })
}

/** A token as a message names it: `'and'`, `name 'stock'`, `number 12`, `end of input`. */
function show(token: Token): string {
  const text = token.text.length > 24 ? `${token.text.slice(0, 24)}…` : token.text
  switch (token.kind) {
    case 'end':
      return 'end of input'
    case 'name':
      return `name '${text}'`
    case 'number':
      return `number ${text}`
    case 'string':
      return `string ${text}`
    default:
      return `'${text}'`
  }
}

/** Recursive descent over the token list; one instance per parse. */
class Parser {
  private index = 0
  private depth = 0
  private readonly names: string[][] = []
  private readonly seen = new Set<string>()

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): { expr: Expr; names: string[][] } {
    const expr = this.parseOr()
    const token = this.peek()
    if (token.kind !== 'end') {
      if (token.text === ')') fail(`unmatched ')' at ${token.position}`, token.position)
      fail(`unexpected ${show(token)} at ${token.position}: expected an operator, 'and' or 'or'`, token.position)
    }
    return { expr, names: this.names }
  }

  private peek(offset = 0): Token {
    // The list always ends with an `end` token, which is never consumed past.
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token
  }

  private take(): Token {
    const token = this.peek()
    if (token.kind !== 'end') this.index++
    return token
  }

  private isKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset)
    return token.kind === 'keyword' && token.value === word
  }

  private isPunct(text: string): boolean {
    const token = this.peek()
    return token.kind === 'punct' && token.value === text
  }

  /** Runs one nesting level, refusing to go deeper than {@link MAX_PRECONDITION_DEPTH}. */
  private nested<T>(at: Token, parse: () => T): T {
    if (this.depth >= MAX_PRECONDITION_DEPTH) {
      fail(`expression nests too deeply (more than ${MAX_PRECONDITION_DEPTH} levels) at ${at.position}`, at.position)
    }
    this.depth++
    const result = parse()
    this.depth--
    return result
  }

  private parseOr(): Expr {
    let left = this.parseAnd()
    while (this.isKeyword('or')) {
      this.take()
      left = { kind: 'logical', op: 'or', left, right: this.parseAnd() }
    }
    return left
  }

  private parseAnd(): Expr {
    let left = this.parseNot()
    while (this.isKeyword('and')) {
      this.take()
      left = { kind: 'logical', op: 'and', left, right: this.parseNot() }
    }
    return left
  }

  private parseNot(): Expr {
    if (!this.isKeyword('not')) return this.parseCompare()
    const token = this.take()
    return this.nested(token, () => ({ kind: 'not', operand: this.parseNot() }))
  }

  /** The comparison operator at the cursor, if any, without consuming it. */
  private compareOp(): CompareOp | undefined {
    const token = this.peek()
    if (token.kind === 'punct' && COMPARE_OPS.has(token.value)) return token.value as CompareOp
    if (token.kind === 'keyword') {
      if (token.value === 'in') return 'in'
      if (token.value === 'not' && this.isKeyword('in', 1)) return 'not in'
    }
    return undefined
  }

  private parseCompare(): Expr {
    const left = this.parseNegate()
    const op = this.compareOp()
    if (op === undefined) {
      const token = this.peek()
      if (token.kind === 'keyword' && token.value === 'not') {
        const after = this.peek(1)
        fail(`expected 'in' after 'not' at ${after.position}, found ${show(after)}`, after.position)
      }
      return left
    }
    this.take()
    if (op === 'not in') this.take()
    const right = this.parseNegate()
    if (this.compareOp() !== undefined) {
      const token = this.peek()
      // `a < b < c` reads as a range in maths but would compare a boolean here; refuse it.
      fail(`comparisons cannot be chained: join them with 'and' (as in 'a < b and b < c') at ${token.position}`, token.position)
    }
    return { kind: 'compare', op, left, right }
  }

  private parseNegate(): Expr {
    if (!this.isPunct('-')) return this.parsePrimary()
    const token = this.take()
    return this.nested(token, () => ({ kind: 'negate', operand: this.parseNegate() }))
  }

  private parsePrimary(): Expr {
    const previous = this.index > 0 ? this.tokens[this.index - 1] : undefined
    const token = this.take()
    switch (token.kind) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: token.value }
      case 'name':
        return this.parseReference(token.value)
      case 'keyword':
        if (token.value === 'true') return { kind: 'literal', value: true }
        if (token.value === 'false') return { kind: 'literal', value: false }
        if (token.value === 'null') return { kind: 'literal', value: null }
        break
      case 'punct':
        if (token.value === '(') return this.nested(token, () => this.parseParenthesised(token))
        if (token.value === '[') return this.nested(token, () => this.parseList(token))
        break
    }
    const where = previous === undefined ? `at ${token.position}` : `after ${show(previous)} at ${token.position}`
    fail(token.kind === 'end' ? `expected a value ${where}` : `expected a value ${where}, found ${show(token)}`, token.position)
  }

  private parseParenthesised(open: Token): Expr {
    const expr = this.parseOr()
    this.close(')', open, `expected ')' to close '(' opened at ${open.position}`)
    return expr
  }

  private parseList(open: Token): Expr {
    const items: Expr[] = []
    if (this.isPunct(']')) {
      this.take()
      return { kind: 'list', items }
    }
    for (;;) {
      items.push(this.parseOr())
      if (this.isPunct(',')) {
        this.take()
        continue
      }
      this.close(']', open, `expected ',' or ']' in the list opened at ${open.position}`)
      return { kind: 'list', items }
    }
  }

  /** Consumes the closing bracket for `open`, or explains why it is missing. */
  private close(closer: ')' | ']', open: Token, expected: string): void {
    const token = this.take()
    if (token.kind === 'punct' && token.value === closer) return
    if (token.kind === 'end') fail(`unclosed '${open.text}' opened at ${open.position}`, open.position)
    fail(`${expected}, found ${show(token)} at ${token.position}`, token.position)
  }

  /** A name with its `.segment` and `[key]` suffixes: `stock.meals`, `inventory["hot meal"].count`. */
  private parseReference(first: string): Expr {
    let ref: ReferenceExpr = { kind: 'name', path: [first] }
    for (;;) {
      if (this.isPunct('.')) {
        this.take()
        const segment = this.take()
        if (segment.kind !== 'name') {
          const hint = segment.kind === 'keyword' ? ` ('${segment.text}' is a keyword: write ["${segment.text}"])` : ''
          fail(`expected a name after '.' at ${segment.position}, found ${show(segment)}${hint}`, segment.position)
        }
        ref = ref.kind === 'name' ? { kind: 'name', path: [...ref.path, segment.value] } : subscriptOf(ref, segment.value)
      } else if (this.isPunct('[')) {
        const open = this.take()
        const key = this.take()
        if (key.kind === 'string') {
          ref = subscriptOf(ref, key.value)
        } else if (key.kind === 'number' && Number.isSafeInteger(key.value)) {
          ref = subscriptOf(ref, key.value)
        } else {
          if (key.kind === 'end') fail(`unclosed '[' opened at ${open.position}`, open.position)
          fail(`expected a string or a whole number inside '[' at ${key.position}, found ${show(key)}`, key.position)
        }
        this.close(']', open, `expected ']' to close '[' opened at ${open.position}`)
      } else {
        break
      }
    }
    this.record(ref.path)
    return ref
  }

  private record(path: readonly string[]): void {
    const key = JSON.stringify(path)
    if (this.seen.has(key)) return
    this.seen.add(key)
    this.names.push([...path])
  }
}

/**
 * Parses a precondition from an affordance definition into a tree, without evaluating anything.
 * Never throws: any input, however malformed or hostile, gives either a tree or an error with the
 * offending character position (within `[0, source.length]`).
 */
export function parsePrecondition(source: string): ParseResult {
  if (typeof source !== 'string') return { ok: false, error: { message: 'a precondition must be a string at 0', position: 0 } }
  if (source.length > MAX_PRECONDITION_LENGTH) {
    const message = `precondition is too long: ${source.length} characters, the limit is ${MAX_PRECONDITION_LENGTH} at ${MAX_PRECONDITION_LENGTH}`
    return { ok: false, error: { message, position: MAX_PRECONDITION_LENGTH } }
  }
  try {
    const lexed = tokenize(source)
    if (!lexed.ok) return lexed
    return { ok: true, ...new Parser(lexed.tokens).parse() }
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.error }
    // A bug here must still reach the config loader as an error, never crash the host.
    return { ok: false, error: { message: `internal error while parsing the precondition: ${String(error)} at 0`, position: 0 } }
  }
}
