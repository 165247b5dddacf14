import type { Location, YamlIndex } from './yaml-index'

export type { Location } from './yaml-index'

/**
 * Where a config path sits in the YAML text. For `key: true` it returns the position of the key
 * itself (an unknown key); otherwise the value node, or the nearest ancestor that exists (a
 * missing key points at the map that should hold it). One index lookup per path segment, so the
 * cost of an issue does not grow with the size of the file.
 */
export function locate(index: YamlIndex, path: readonly PropertyKey[], options: { key?: boolean } = {}): Location | undefined {
  const chain = index.chain(path)
  const found = chain.length - 1 === path.length
  if (options.key && found && path.length > 0) {
    const key = chain[chain.length - 1]?.key
    if (key !== undefined) return index.position(key)
  }
  // With `key`, the path's own value is never the answer: an unknown key points at itself or its parent.
  const deepest = options.key && found && path.length > 0 ? chain.length - 2 : chain.length - 1
  for (let depth = deepest; depth >= 0; depth--) {
    const value = chain[depth]?.value
    if (value !== undefined) return index.position(value)
  }
  return undefined
}
