/**
 * One zod issue as config issues located in the YAML: unknown keys get a "did you mean" hint and
 * point at the key; a missing key says it is required.
 */
import type { Document, LineCounter } from 'yaml'
import type { z } from 'zod'
import type { ConfigIssue } from '../../shared/contract/dto/config-summary'
import { didYouMean } from '../../shared/did-you-mean'
import { knownKeysAt } from './schema-keys'
import { locate } from './yaml-locate'

export function describeZodIssue(issue: z.core.$ZodIssue, schema: z.ZodType, doc: Document, counter: LineCounter): ConfigIssue[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, issue.path)
    return issue.keys.map((key) => {
      const path = [...issue.path, key]
      const hint = didYouMean(key, known)
      const fix = hint ? `did you mean "${hint}"?` : `known keys here: ${known.join(', ')}`
      return withLocation({ path: path.map(String).join('.'), message: `unknown key "${key}": ${fix}` }, locate(doc, counter, path, { key: true }))
    })
  }
  // A record key's own complaint (an id's letters, a prototype name) sits inside the issue; show it at the key.
  if (issue.code === 'invalid_key') {
    const inner = issue.issues.map((i) => i.message).join('; ')
    return [withLocation({ path: issue.path.map(String).join('.'), message: `key "${String(issue.path[issue.path.length - 1])}": ${inner || issue.message}` }, locate(doc, counter, issue.path, { key: true }))]
  }
  const message = issue.code === 'invalid_type' && issue.message.includes('undefined') ? `${issue.message} (this key is required)` : issue.message
  return [withLocation({ path: issue.path.map(String).join('.'), message }, locate(doc, counter, issue.path))]
}

function withLocation(issue: ConfigIssue, at: { line: number; col: number } | undefined): ConfigIssue {
  return at ? { ...issue, line: at.line, col: at.col } : issue
}
