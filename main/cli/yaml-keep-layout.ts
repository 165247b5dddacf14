/**
 * Re-apply a YAML Document edit to the original text so that only the edited lines change. The
 * `yaml` library keeps comments on an edit but re-renders the whole file (comment spacing, flow
 * collection padding, long flow maps wrapped): an operator's hand-aligned config would come back
 * reformatted. So both the untouched and the edited document are rendered the same way, diffed
 * line by line, and the diff is applied to the original lines. When the original does not line up
 * with its rendering, or the result would not read back as the edited document, the rendered
 * edit is returned as it is (correct, merely reformatted).
 */
import { isDeepStrictEqual } from 'node:util'
import { isScalar, parseDocument, type Document } from 'yaml'
import { alignLines } from './line-diff'

/** No line wrapping, so a long flow map stays on its line as operators write them. */
const RENDER = { lineWidth: 0 } as const

export interface LayoutEdit {
  text: string
  /** False when the file had to be re-rendered as a whole. */
  layoutKept: boolean
}

export function applyKeepingLayout(original: string, edited: Document): LayoutEdit {
  const rendered = edited.toString(RENDER)
  const baseline = parseDocument(original).toString(RENDER)
  const origLines = original.split('\n')
  const baseLines = baseline.split('\n')
  if (origLines.length !== baseLines.length) return { text: rendered, layoutKept: false }
  const out: string[] = []
  let k = 0 // position in the original / baseline lines (they correspond one to one)
  for (const op of alignLines(baseLines, rendered.split('\n'))) {
    if (op.kind === 'same') out.push(origLines[k++]!)
    else if (op.kind === 'removed') k++
    else out.push(op.line)
  }
  const text = out.join('\n')
  const same = isDeepStrictEqual(parseDocument(text).toJS(), edited.toJS())
  return same ? { text, layoutKept: true } : { text: rendered, layoutKept: false }
}

/**
 * Replace one scalar's value in the text itself, keeping everything around it (and its quoting
 * style) byte for byte; undefined when the node is not a scalar with a known source range.
 */
export function replaceScalar(original: string, doc: Document, path: readonly string[], value: string): string | undefined {
  const node = doc.getIn(path, true)
  if (!isScalar(node) || !node.range) return undefined
  const [start, end] = node.range
  const quote = original[start] === '"' || original[start] === "'" ? original[start]! : ''
  return `${original.slice(0, start)}${quote}${value}${quote}${original.slice(end)}`
}
