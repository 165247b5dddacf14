/**
 * Where every key and value of a YAML document sits, by config path, built in one walk over the
 * node tree. Error reporting used to search the tree once per issue (a linear scan of the parent
 * map), so a file with N unknown keys cost O(N²) on the host's main thread; with the index, each
 * path segment of a lookup is one Map get.
 *
 * The same walk notes what a config must not contain and only the node tree can show: a key
 * written twice (the yaml library's own check is a linear scan per key, so it is switched off),
 * a key that is a list, mapping or alias, and a node with a tag other than the plain JSON ones.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml'

export interface Location {
  line: number
  col: number
}

/** One path in the index: offsets of its key and value, and the paths below it. */
export interface IndexEntry {
  key?: number
  value?: number
  children?: Map<string, IndexEntry>
}

/** Something in the node tree a config cannot hold; `path` as zod would write it. */
export type NodeProblem =
  | { kind: 'duplicate_key'; path: string[]; offset: number; firstOffset: number | undefined }
  | { kind: 'complex_key'; path: string[]; offset: number }
  | { kind: 'tag'; path: string[]; offset: number; tag: string; collection: 'map' | 'seq' | 'scalar' }

/** Tags a plain JSON value may carry explicitly (`!!str 12`); any other one is refused. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`))
/** Enough to show; the rest are counted, so a file of a million tags costs no more to report. */
const MAX_PROBLEMS = 100

/** The segment a key becomes in the parsed data: what `toJS` makes of a scalar key. */
function segmentOf(value: unknown): string {
  return value === null || value === undefined ? '' : String(value)
}

/** A path for a problem, rebuilt from parent links only when there is one to report. */
interface Link {
  parent: Link | undefined
  segment: string
}
const pathOf = (link: Link | undefined): string[] => {
  const path: string[] = []
  for (let at = link; at; at = at.parent) path.push(at.segment)
  return path.reverse()
}

export class YamlIndex {
  readonly root: IndexEntry = {}
  readonly problems: NodeProblem[] = []
  /** Problems found beyond MAX_PROBLEMS, counted and not kept. */
  omittedProblems = 0

  constructor(private readonly counter: LineCounter) {}

  /** The entries along `path`, root first, as far as the document has them: one Map get a segment. */
  chain(path: readonly PropertyKey[]): IndexEntry[] {
    const found = [this.root]
    let at = this.root
    for (const segment of path) {
      const next = at.children?.get(String(segment))
      if (!next) break
      found.push(next)
      at = next
    }
    return found
  }

  position(offset: number): Location {
    const { line, col } = this.counter.linePos(offset)
    return { line, col }
  }

  note(problem: NodeProblem): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(problem)
    else this.omittedProblems++
  }
}

/** Index `doc`. Iterative, so a deep document cannot exhaust the stack here. */
export function buildYamlIndex(doc: Document, counter: LineCounter): YamlIndex {
  const index = new YamlIndex(counter)
  const work: Visit[] = []
  if (doc.contents) {
    index.root.value = doc.contents.range?.[0]
    work.push({ node: doc.contents, entry: index.root, link: undefined })
  }
  for (let item = work.pop(); item; item = work.pop()) {
    const { node, entry, link } = item
    if (!isMap(node) && !isSeq(node) && !isScalar(node)) continue // an alias: its anchor is indexed where it stands
    checkTag(index, node, link)
    if (isScalar(node)) continue
    const children = (entry.children = new Map<string, IndexEntry>())
    node.items.forEach((child: unknown, i: number) => {
      if (isMap(node)) {
        if (isPair(child)) addPair(index, children, child, link, work)
        return
      }
      const segment = String(i)
      const here: Link = { parent: link, segment }
      if (isPair(child)) {
        // `[a: 1]` reads as a list holding the mapping { a: 1 }.
        const at: IndexEntry = { value: (child.key as Node | null)?.range?.[0], children: new Map() }
        children.set(segment, at)
        addPair(index, at.children as Map<string, IndexEntry>, child, here, work)
        return
      }
      const value = child as Node | null
      const at: IndexEntry = { value: value?.range?.[0] }
      children.set(segment, at)
      work.push({ node: value, entry: at, link: here })
    })
  }
  // The walk is depth-first from a stack; report in the order the file has them.
  index.problems.sort((a, b) => a.offset - b.offset)
  return index
}

interface Visit {
  node: unknown
  entry: IndexEntry
  link: Link | undefined
}

function addPair(index: YamlIndex, children: Map<string, IndexEntry>, pair: Pair, link: Link | undefined, work: Visit[]): void {
  const key = pair.key as Node | null
  const keyOffset = key?.range?.[0]
  if (key !== null && !isScalar(key)) {
    index.note({ kind: 'complex_key', path: pathOf(link), offset: keyOffset ?? 0 })
    return
  }
  if (key) checkTag(index, key, link)
  const segment = segmentOf(key?.value ?? null)
  const here: Link = { parent: link, segment }
  const earlier = children.get(segment)
  if (earlier) {
    index.note({ kind: 'duplicate_key', path: pathOf(here), offset: keyOffset ?? 0, firstOffset: earlier.key })
    return
  }
  const value = pair.value as Node | null
  const at: IndexEntry = { key: keyOffset, value: value?.range?.[0] }
  children.set(segment, at)
  work.push({ node: value, entry: at, link: here })
}

function checkTag(index: YamlIndex, node: Node, link: Link | undefined): void {
  if (node.tag === undefined || PLAIN_TAGS.has(node.tag)) return
  const collection = isMap(node) ? 'map' : isSeq(node) ? 'seq' : 'scalar'
  index.note({ kind: 'tag', path: pathOf(link), offset: node.range?.[0] ?? 0, tag: node.tag, collection })
}
