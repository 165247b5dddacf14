/**
 * A look at how deeply a text nests before the YAML parser sees it. The parser and `toJS` recurse
 * once per level: about a thousand levels exhaust the stack, and a stack overflow that lands in
 * V8's regular-expression compiler aborts the whole process ("RegExpCompiler Allocation failed")
 * instead of throwing, which nothing can catch. A shard config nests a handful of levels.
 *
 * The count is deliberately rough and errs towards "deep": flow brackets are counted outside
 * comments but inside quotes too, and a block line's depth is bounded by how far its content is
 * pushed right by spaces, tabs and `- ` / `? ` / `: ` indicators.
 */

/** Levels of `[` / `{` still open at once. */
const MAX_FLOW_DEPTH = 64
/** Columns of indentation and indicators before a line's content. */
const MAX_INDENT = 128

const SPACE = 0x20
const TAB = 0x09
const NEWLINE = 0x0a
const HASH = 0x23
const INDICATORS = new Set([SPACE, TAB, 0x2d, 0x3f, 0x3a]) // space, tab, - ? :
const OPEN = new Set([0x5b, 0x7b]) // [ {
const CLOSE = new Set([0x5d, 0x7d]) // ] }

/** The 1-based line where `text` nests deeper than a config could, or undefined. */
export function tooDeepAt(text: string): number | undefined {
  let line = 1
  let depth = 0
  let lineStart = true
  let indent = 0
  let comment = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === NEWLINE) {
      line++
      lineStart = true
      indent = 0
      comment = false
      continue
    }
    if (lineStart) {
      if (INDICATORS.has(c)) {
        if (++indent > MAX_INDENT) return line
        continue
      }
      lineStart = false
    }
    if (comment) continue
    const before = i === 0 ? NEWLINE : text.charCodeAt(i - 1)
    if (c === HASH && (before === SPACE || before === TAB || before === NEWLINE)) comment = true
    else if (OPEN.has(c) && ++depth > MAX_FLOW_DEPTH) return line
    else if (CLOSE.has(c) && depth > 0) depth--
  }
  return undefined
}
