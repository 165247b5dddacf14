/**
 * Turn a command's zod issues into one readable message that names each argument path, what it
 * must be and what it got: `value: expected a number from 0 to 1, got 1.5`.
 */
import { z } from 'zod'
import { didYouMean } from '../../shared/did-you-mean'
import { schemaAt, typeText, unwrapAll } from './describe-schema'

/** `needs.hunger`, `at[1]`. */
export function argPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${String(seg)}` : String(seg)), '')
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value
  for (const seg of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[seg]
  }
  return current
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 37)}…` : text
}

function describeIssue(command: string, schema: z.ZodObject, issue: z.core.$ZodIssue, args: unknown): string[] {
  if (issue.code === 'unrecognized_keys') {
    const at = schemaAt(schema, issue.path)
    const object = at && unwrapAll(at)
    const known = object instanceof z.ZodObject ? Object.keys(object.shape as object) : []
    const owner = issue.path.length > 0 ? argPath(issue.path) : command
    return issue.keys.map((key) => {
      const hint = didYouMean(key, known)
      const takes = known.length > 0 ? `${owner} takes ${known.join(', ')}` : `${owner} takes no arguments`
      return `unknown argument "${argPath([...issue.path, key])}"${hint ? `: did you mean "${hint}"?` : ''} (${takes})`
    })
  }
  const path = argPath(issue.path) || '(args)'
  const field = schemaAt(schema, issue.path)
  const got = valueAt(args, issue.path)
  // Custom checks and formats (an id's allowed letters) say best themselves what is wrong.
  if (issue.code === 'custom') return [`${path}: ${issue.message}`]
  if (issue.code === 'invalid_format') return [`${path}: ${issue.message}, got ${show(got)}`]
  if (!field) return [`${path}: ${issue.message}`]
  if (got === undefined) return [`${path}: missing; expected ${typeText(field)} (this argument is required)`]
  return [`${path}: expected ${typeText(field)}, got ${show(got)}`]
}

/** The message of a `console.invalid_args` result for these issues. */
export function describeArgIssues(command: string, schema: z.ZodObject, issues: readonly z.core.$ZodIssue[], args: unknown): string {
  const lines = issues.flatMap((issue) => describeIssue(command, schema, issue, args))
  return `invalid arguments for ${command}: ${lines.join('; ')}. See: help command=${command}`
}
