/**
 * Splits a precondition into tokens. It is written by hand over character codes, with no regular
 * expressions, so its cost is linear in the input whatever a config author types, and every token
 * keeps its 0-based offset in the source so errors can point at it.
 */

/** Words with a meaning of their own; matched case-insensitively (`True`, `AND` …). */
export type Keyword = 'and' | 'or' | 'not' | 'in' | 'true' | 'false' | 'null'

/** Operators and punctuation. `-` is unary minus (there is no subtraction). */
export type Punctuator = '==' | '!=' | '<' | '<=' | '>' | '>=' | '.' | '(' | ')' | '[' | ']' | ',' | '-'

/** One token; `position` is its offset in the source and `text` the characters it spans. */
export type Token =
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly position: number }
  | { readonly kind: 'string'; readonly value: string; readonly text: string; readonly position: number }
  | { readonly kind: 'name'; readonly value: string; readonly text: string; readonly position: number }
  | { readonly kind: 'keyword'; readonly value: Keyword; readonly text: string; readonly position: number }
  | { readonly kind: 'punct'; readonly value: Punctuator; readonly text: string; readonly position: number }
  | { readonly kind: 'end'; readonly text: ''; readonly position: number }

/** What went wrong and where: `message` already ends with "at <position>". */
export interface PreconditionError {
  readonly message: string
  readonly position: number
}

/** The tokens, always ending with one `end` token, or the first lexical error. */
export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: PreconditionError }

const KEYWORDS: ReadonlySet<string> = new Set<Keyword>(['and', 'or', 'not', 'in', 'true', 'false', 'null'])

/** Whether a word is reserved, whatever its case; such words cannot be names. */
export function isKeyword(word: string): boolean {
  return KEYWORDS.has(word.toLowerCase())
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
}

function isNamePart(code: number): boolean {
  return isNameStart(code) || isDigit(code)
}

/** Blank characters a YAML scalar can carry: space, tab and line breaks. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

/**
 * Shows one character in a message. Invisible ones (control characters, odd spaces) are written as
 * U+XXXX, since quoting them would print nothing useful.
 */
export function showCharacter(source: string, at: number): string {
  const code = source.codePointAt(at) ?? 0
  if (code < 0x21 || (code >= 0x7f && code <= 0xa0) || (code >= 0xd800 && code <= 0xdfff) || code === 0xfeff) {
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  }
  return `'${String.fromCodePoint(code)}'`
}

class LexFailure {
  constructor(readonly error: PreconditionError) {}
}

function fail(message: string, position: number): never {
  throw new LexFailure({ message, position })
}

/** Reads the number starting at `start` (a digit, or `.` before a digit): `12`, `0.4`, `.5`, `1e-7`. */
function readNumber(source: string, start: number): Token {
  let i = start
  while (isDigit(source.charCodeAt(i))) i++
  if (source.charCodeAt(i) === 46 /* . */) {
    if (!isDigit(source.charCodeAt(i + 1))) fail(`expected a digit after '.' in the number at ${start}`, start)
    i++
    while (isDigit(source.charCodeAt(i))) i++
  }
  const e = source.charCodeAt(i)
  // Exponents are accepted so that every finite number prints (String(n) may use them) and reads back.
  if (e === 101 || e === 69) {
    let j = i + 1
    const sign = source.charCodeAt(j)
    if (sign === 43 || sign === 45) j++
    if (!isDigit(source.charCodeAt(j))) fail(`expected digits in the exponent of the number at ${start}`, start)
    while (isDigit(source.charCodeAt(j))) j++
    i = j
  }
  // `12abc` or `1.2.3` is a typo, not a number followed by a name.
  if (isNamePart(source.charCodeAt(i)) || (source.charCodeAt(i) === 46 && isDigit(source.charCodeAt(i + 1)))) {
    let end = i
    while (isNamePart(source.charCodeAt(end)) || source.charCodeAt(end) === 46) end++
    fail(`invalid number '${source.slice(start, end)}' at ${start}`, start)
  }
  const text = source.slice(start, i)
  const value = Number(text)
  if (!Number.isFinite(value)) fail(`number '${text}' is too large at ${start}`, start)
  return { kind: 'number', value, text, position: start }
}

/** Reads a quoted string; inside it `\\`, `\'` and `\"` stand for the character after the backslash. */
function readString(source: string, start: number): Token {
  const quote = source.charCodeAt(start)
  let value = ''
  let chunk = start + 1
  let i = start + 1
  for (;;) {
    if (i >= source.length) fail(`unclosed string opened at ${start}`, start)
    const code = source.charCodeAt(i)
    if (code === quote) break
    if (code === 92 /* \ */) {
      const next = source.charCodeAt(i + 1)
      if (Number.isNaN(next)) fail(`unclosed string opened at ${start}`, start)
      if (next !== 92 && next !== 39 && next !== 34) {
        fail(`unknown escape '\\${String.fromCodePoint(source.codePointAt(i + 1) ?? next)}' at ${i}: only \\\\, \\' and \\" are allowed`, i)
      }
      value += source.slice(chunk, i) + source[i + 1]
      i += 2
      chunk = i
      continue
    }
    i++
  }
  value += source.slice(chunk, i)
  return { kind: 'string', value, text: source.slice(start, i + 1), position: start }
}

function punct(value: Punctuator, position: number): Token {
  return { kind: 'punct', value, text: value, position }
}

function nextToken(source: string, i: number, previous: Token | undefined): Token {
  const code = source.charCodeAt(i)
  const next = source.charCodeAt(i + 1)
  if (isDigit(code)) return readNumber(source, i)
  if (isNameStart(code)) {
    let end = i + 1
    while (isNamePart(source.charCodeAt(end))) end++
    const text = source.slice(i, end)
    const lower = text.toLowerCase()
    return KEYWORDS.has(lower)
      ? { kind: 'keyword', value: lower as Keyword, text, position: i }
      : { kind: 'name', value: text, text, position: i }
  }
  switch (code) {
    case 34: // "
    case 39: // '
      return readString(source, i)
    case 46: {
      // `.5` is a number, except right after something a path can continue from: `slots.0` is a
      // misspelt path and should be reported as one, not as a stray number.
      const continuesPath = previous !== undefined && (previous.kind === 'name' || previous.text === ']' || previous.text === ')')
      return isDigit(next) && !continuesPath ? readNumber(source, i) : punct('.', i)
    }
    case 61: // =
      if (next === 61) return punct('==', i)
      return fail(`'=' is not an operator: use '==' at ${i}`, i)
    case 33: // !
      if (next === 61) return punct('!=', i)
      return fail(`'!' is not an operator: use 'not' at ${i}`, i)
    case 60: // <
      return next === 61 ? punct('<=', i) : punct('<', i)
    case 62: // >
      return next === 61 ? punct('>=', i) : punct('>', i)
    case 38: // &
      if (next === 38) fail(`'&&' is not an operator: use 'and' at ${i}`, i)
      break
    case 124: // |
      if (next === 124) fail(`'||' is not an operator: use 'or' at ${i}`, i)
      break
    case 40:
      return punct('(', i)
    case 41:
      return punct(')', i)
    case 91:
      return punct('[', i)
    case 93:
      return punct(']', i)
    case 44:
      return punct(',', i)
    case 45:
      return punct('-', i)
  }
  return fail(`unexpected character ${showCharacter(source, i)} at ${i}`, i)
}

/** Tokenises a whole precondition; never throws. */
export function tokenize(source: string): LexResult {
  const tokens: Token[] = []
  let i = 0
  try {
    for (;;) {
      while (isBlank(source.charCodeAt(i))) i++
      if (i >= source.length) break
      const token = nextToken(source, i, tokens[tokens.length - 1])
      tokens.push(token)
      i = token.position + token.text.length
    }
  } catch (error) {
    if (error instanceof LexFailure) return { ok: false, error: error.error }
    throw error
  }
  tokens.push({ kind: 'end', text: '', position: source.length })
  return { ok: true, tokens }
}
