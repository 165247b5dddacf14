/**
 * Zod issues as config issues located in the YAML: unknown keys get a "did you mean" hint and
 * point at the key; a missing key says it is required. The list is bounded (finding 3: 32,000
 * unknown keys made an 8.5 MB message): at most MAX_UNKNOWN_KEYS unknown keys are named and
 * MAX_ISSUES issues listed, the rest counted; the known keys of an object are listed once, not
 * once per unknown key; quoted keys and values are cut and escaped. Each issue costs one index
 * lookup.
 */
import type { z } from 'zod'
import type { ConfigIssue } from '../../shared/contract/dto/config-summary'
import { didYouMean } from '../../shared/did-you-mean'
import { count, MAX_ISSUES, moreProblems } from './bounded-issues'
import { MAX_QUOTED, pathLabel, quoteKey, quoteValue } from './bounded-text'
import { knownKeysAt } from './schema-keys'
import type { YamlIndex } from './yaml-index'
import { locate } from './yaml-locate'

/** Unknown keys one answer names; a file of a thousand typos is a wrong file, not a typo. */
export const MAX_UNKNOWN_KEYS = 50

/**
 * `data` is the parsed file, given only for a file known to be a config (a foreign file never gets
 * here): each issue about a value then quotes it, bounded (`…, got "0.5s"`).
 */
export function describeZodIssues(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, index: YamlIndex, data?: unknown): ConfigIssue[] {
  // Two places stay free for the summaries, so the list never passes MAX_ISSUES.
  const budget = MAX_ISSUES - 2
  const out: ConfigIssue[] = []
  let unknownShown = 0
  let unknownLeft = 0
  let unknownLeftAt: readonly PropertyKey[] | null | undefined
  let otherLeft = 0
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') {
      if (out.length < budget) out.push(describeZodIssue(issue, index, data))
      else otherLeft++
      continue
    }
    const room = Math.max(0, Math.min(MAX_UNKNOWN_KEYS - unknownShown, budget - out.length))
    const shown = issue.keys.slice(0, room)
    out.push(...unknownKeyIssues(issue.path, shown, knownKeysAt(schema, issue.path), index))
    unknownShown += shown.length
    if (shown.length < issue.keys.length) {
      unknownLeft += issue.keys.length - shown.length
      // The summary points at the object when all the unnamed keys are in one.
      unknownLeftAt = unknownLeftAt === undefined ? issue.path : null
    }
  }
  if (unknownLeft > 0) {
    const where = unknownLeftAt ? { path: pathLabel(unknownLeftAt), ...(locate(index, unknownLeftAt) ?? {}) } : { path: '' }
    out.push({ ...where, message: `… and ${count(unknownLeft)} more unknown keys, not listed: is this the right file?` })
  }
  if (otherLeft > 0) out.push(moreProblems(otherLeft))
  return out
}

/** Unknown keys of one object: each with a hint, the object's known keys listed once. */
function unknownKeyIssues(at: readonly PropertyKey[], keys: readonly string[], known: readonly string[], index: YamlIndex): ConfigIssue[] {
  let listedWith: string | undefined
  return keys.map((key) => {
    const path = [...at, key]
    // No known key is anywhere near MAX_QUOTED long, so a longer one cannot be a typo of one.
    const hint = key.length <= MAX_QUOTED ? didYouMean(key, known) : undefined
    let fix: string
    if (hint) fix = `did you mean "${hint}"?`
    else if (listedWith === undefined) {
      fix = `known keys here: ${known.join(', ')}`
      listedWith = quoteKey(key)
    } else fix = `not a known key here either (they are listed with ${listedWith})`
    return withLocation({ path: pathLabel(path), message: `unknown key ${quoteKey(key)}: ${fix}` }, locate(index, path, { key: true }))
  })
}

/** The value at a zod path in the parsed data; undefined where the data has none. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let at = data
  for (const segment of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, segment)) return undefined
    at = (at as Record<PropertyKey, unknown>)[segment]
  }
  return at
}

/** `, got "0.5s"`: the offending value, quoted and bounded; '' for a missing one or no data. */
function gotText(data: unknown, path: readonly PropertyKey[]): string {
  if (data === undefined) return ''
  const value = valueAt(data, path)
  return value === undefined ? '' : `, got ${quoteValue(value)}`
}

/** One issue other than unknown keys; `data` (a config's parsed data) lets it quote the bad value. */
export function describeZodIssue(issue: z.core.$ZodIssue, index: YamlIndex, data?: unknown): ConfigIssue {
  const path = pathLabel(issue.path)
  // A record key's own complaint (an id's letters, a prototype name) sits inside the issue; show it at the key.
  if (issue.code === 'invalid_key') {
    const inner = issue.issues.map((i) => i.message).join('; ')
    const key = String(issue.path[issue.path.length - 1])
    return withLocation({ path, message: `key ${quoteKey(key)}: ${inner || issue.message}` }, locate(index, issue.path, { key: true }))
  }
  // A custom check (a window's order, a spec's kind) already names what it found.
  const got = issue.code === 'custom' ? '' : gotText(data, issue.path)
  const message = issue.code === 'invalid_type' && issue.message.includes('undefined') ? `${issue.message} (this key is required)` : `${issue.message}${got}`
  return withLocation({ path, message }, locate(index, issue.path))
}

function withLocation(issue: ConfigIssue, at: { line: number; col: number } | undefined): ConfigIssue {
  return at ? { ...issue, line: at.line, col: at.col } : issue
}
