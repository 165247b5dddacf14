/**
 * From YAML text to plain data and a position index, the part config and affordance loading
 * share. In order: refuse text nested too deep to parse safely; parse with the YAML 1.2 core
 * schema only (no `!!set`, `!!omap`, `!!binary`, `!!timestamp`: they would turn into a Set, a
 * Map, bytes or a Date that the schema reads as something else, or as an empty section); refuse
 * a file of another kind without quoting it; then syntax errors, duplicate keys, complex keys and
 * tags, alias bombs and `__proto__` keys, each located. Every step is linear in the text.
 */
import { LineCounter, parseDocument, type Document } from 'yaml'
import type { ConfigIssue } from '../../shared/contract/dto/config-summary'
import { firstIssues } from './bounded-issues'
import { pathLabel } from './bounded-text'
import { foreignReason, type DocumentKind } from './document-kind'
import { describeNodeProblem } from './describe-node-problem'
import { PROTOTYPE_KEY_MESSAGE, prototypeKeyPaths } from './prototype-keys'
import { buildYamlIndex, type YamlIndex } from './yaml-index'
import { locate } from './yaml-locate'
import { tooDeepAt } from './yaml-nesting'

export type { DocumentKind } from './document-kind'

export type YamlData =
  | { ok: true; data: unknown; index: YamlIndex }
  /** Not a file of the expected kind: `reason` quotes nothing from it. */
  | { ok: false; foreign: { reason: string; line?: number } }
  | { ok: false; foreign?: undefined; issues: ConfigIssue[] }

const OPTIONS = {
  prettyErrors: false,
  // Checked in the index walk with a Map: the library's own check scans the map once per key.
  uniqueKeys: false,
  schema: 'core',
  // Leave YAML 1.1 tags unresolved, so the index walk finds and refuses them.
  resolveKnownTags: false
} as const

export function parseYamlData(text: string, kind: DocumentKind): YamlData {
  const deep = tooDeepAt(text)
  if (deep !== undefined) return { ok: false, foreign: { reason: `it nests deeper than a ${kind.name} can (line ${deep})`, line: deep } }
  const counter = new LineCounter()
  let doc: Document
  try {
    doc = parseDocument(text, { ...OPTIONS, lineCounter: counter })
  } catch {
    return { ok: false, foreign: { reason: 'the YAML parser could not read it' } }
  }
  const lineOf = (offset: number) => counter.linePos(offset).line
  const reason = foreignReason(doc, kind, lineOf)
  if (reason !== undefined) return { ok: false, foreign: { reason } }
  if (doc.errors.length > 0) {
    return { ok: false, issues: firstIssues(doc.errors, (e) => ({ path: '', ...counter.linePos(e.pos[0]), message: `YAML syntax: ${e.message.split('\n')[0]}` })) }
  }
  const index = buildYamlIndex(doc, counter)
  if (index.problems.length > 0) return { ok: false, issues: firstIssues(index.problems, (p) => describeNodeProblem(p, index), index.omittedProblems) }
  let data: unknown
  try {
    // maxAliasCount bounds alias expansion, so a "billion laughs" file fails instead of eating memory.
    data = doc.toJS({ maxAliasCount: 100 }) ?? {}
  } catch (e) {
    return { ok: false, issues: [{ path: '', message: `YAML: ${(e as Error).message}` }] }
  }
  const protoKeys = prototypeKeyPaths(data)
  if (protoKeys.length > 0) {
    return { ok: false, issues: firstIssues(protoKeys, (path) => ({ path: pathLabel(path), message: PROTOTYPE_KEY_MESSAGE, ...(locate(index, path, { key: true }) ?? {}) })) }
  }
  return { ok: true, data, index }
}
