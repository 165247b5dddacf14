import { isMap, isNode, isPair, isScalar, type Document, type LineCounter } from 'yaml'

export interface Location {
  line: number
  col: number
}

/**
 * Where a config path sits in the YAML text. For `key: true` it returns the position of the key
 * itself (an unknown key); otherwise the value node, or the nearest ancestor that exists (a
 * missing key points at the map that should hold it).
 */
export function locate(
  doc: Document,
  counter: LineCounter,
  path: readonly PropertyKey[],
  options: { key?: boolean } = {}
): Location | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth)
    if (options.key && depth === path.length && depth > 0) {
      const parent = prefix.length > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents
      const name = String(prefix[prefix.length - 1])
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === name)
        if (pair && isNode(pair.key) && pair.key.range) return position(counter, pair.key.range[0])
      }
      continue
    }
    const node = prefix.length === 0 ? doc.contents : doc.getIn(prefix, true)
    if (isNode(node) && node.range) return position(counter, node.range[0])
  }
  return undefined
}

function position(counter: LineCounter, offset: number): Location {
  const { line, col } = counter.linePos(offset)
  return { line, col }
}
