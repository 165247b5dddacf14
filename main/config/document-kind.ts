/**
 * Is this file the kind the loader expects at all? A mapping with at least one of the kind's
 * top-level keys is the operator's own file, broken or not, and its problems may quote it. Any
 * other document (empty, a list, a single value, a mapping of unrelated keys, unreadable YAML) is
 * some other file, perhaps one the operator should never see (finding 2: /etc/shadow came back
 * as one "unknown key" per line, hashes included), and is refused without quoting a byte of it.
 */
import { isMap, isScalar, isSeq, type Document } from 'yaml'
import { syntaxWords } from './yaml-syntax'

/** What a loader expects: its name, its top-level keys, and what one looks like in words. */
export interface DocumentKind {
  /** `shard config`, `affordance registry`. */
  name: string
  topKeys: readonly string[]
  /** One sentence describing the kind, quoting nothing from the file. */
  shape: string
}

/** Why the document is not of `kind`, in words that quote nothing from it; undefined when it is. */
export function foreignReason(doc: Document, kind: DocumentKind, lineOf: (offset: number) => number): string | undefined {
  const contents = doc.contents
  const known = new Set(kind.topKeys)
  if (isMap(contents) && contents.items.some((p) => isScalar(p.key) && known.has(String(p.key.value)))) return undefined
  const error = doc.errors[0]
  if (error) return `it is not valid YAML (line ${lineOf(error.pos[0])}: ${syntaxWords(error.code)})`
  if (contents === null || (isScalar(contents) && contents.value === null && !contents.source)) return 'the file is empty'
  if (isSeq(contents)) return 'its top level is a list, not a mapping'
  if (!isMap(contents)) return 'its top level is a single value, not a mapping'
  const n = contents.items.length
  return n === 1 ? `its one top-level key is not one a ${kind.name} has` : `none of its ${n} top-level keys is one a ${kind.name} has`
}
