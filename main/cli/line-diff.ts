/**
 * A small line diff for showing what an edit changed: common head and tail are skipped, the
 * changed middle is aligned by longest common subsequence, and changes are printed with one line
 * of context and their line numbers. Enough for config edits, which touch a few lines.
 */

/** Middles larger than this (lines × lines) are shown as a plain replacement instead of aligned. */
const MAX_CELLS = 4_000_000

export function lineDiff(before: string, after: string): string[] {
  const a = before.split('\n')
  const b = after.split('\n')
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const midA = a.slice(head, a.length - tail)
  const midB = b.slice(head, b.length - tail)
  if (midA.length === 0 && midB.length === 0) return []
  const ops = align(midA, midB)
  const out = [`@@ line ${head + 1} @@`]
  if (head > 0) out.push(` ${a[head - 1]}`)
  out.push(...ops)
  if (tail > 0) out.push(` ${a[a.length - tail]}`)
  return out
}

function align(a: string[], b: string[]): string[] {
  return alignLines(a, b).map((op) => `${op.kind === 'same' ? ' ' : op.kind === 'removed' ? '-' : '+'}${op.line}`)
}

export type LineOp = { kind: 'same' | 'removed' | 'added'; line: string }

/**
 * Turn lines `a` into lines `b` with the fewest removals and additions (removals first within a
 * change). The common head and tail are matched directly; only the middle is aligned by longest
 * common subsequence, falling back to remove-all/add-all when it is too large to align.
 */
export function alignLines(a: string[], b: string[]): LineOp[] {
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const same = (line: string): LineOp => ({ kind: 'same', line })
  const midA = a.slice(head, a.length - tail)
  const midB = b.slice(head, b.length - tail)
  const middle: LineOp[] =
    midA.length * midB.length > MAX_CELLS
      ? [...midA.map((line): LineOp => ({ kind: 'removed', line })), ...midB.map((line): LineOp => ({ kind: 'added', line }))]
      : lcsOps(midA, midB)
  return [...a.slice(0, head).map(same), ...middle, ...a.slice(a.length - tail).map(same)]
}

function lcsOps(a: string[], b: string[]): LineOp[] {
  // lcs[i][j]: longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  const out: LineOp[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: 'same', line: a[i++]! })
      j++
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push({ kind: 'removed', line: a[i++]! })
    else out.push({ kind: 'added', line: b[j++]! })
  }
  return out
}
