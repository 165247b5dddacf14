/**
 * Size limits on command arguments, checked before anything parses or hashes them, so a huge or
 * deeply nested payload costs the shard nothing: at most 16 KiB of JSON, strings and keys of at
 * most 256 characters, nesting at most 8 deep, and plain JSON values only.
 */
import { argPath } from './args-errors'

export const MAX_ARGS_BYTES = 16 * 1024
export const MAX_STRING_LENGTH = 256
export const MAX_DEPTH = 8

/** Why these args are refused, or undefined when they are within the limits. */
export function argsLimitProblem(args: unknown): string | undefined {
  if (args === null || typeof args !== 'object' || Array.isArray(args)) {
    return `args must be an object of named arguments, e.g. {"agent": "alice"}; got ${args === null ? 'null' : Array.isArray(args) ? 'a list' : typeof args}`
  }
  let text: string
  try {
    text = JSON.stringify(args)
  } catch {
    return 'args are not plain JSON (a cycle or a value JSON cannot carry): send strings, numbers, booleans, null, lists and objects only'
  }
  // Native and linear: checked before the walk, so an oversized payload is refused cheaply.
  const bytes = new TextEncoder().encode(text).length
  if (bytes > MAX_ARGS_BYTES) return `args are ${bytes} bytes of JSON; at most ${MAX_ARGS_BYTES} are allowed: send less`
  return walk(args, [], 0)
}

function walk(value: unknown, path: PropertyKey[], depth: number): string | undefined {
  const at = argPath(path) || '(args)'
  if (depth > MAX_DEPTH) return `${at} is nested more than ${MAX_DEPTH} levels deep: flatten the arguments`
  if (value === null || typeof value === 'boolean') return undefined
  if (typeof value === 'string') {
    return value.length > MAX_STRING_LENGTH ? `${at} is ${value.length} characters; at most ${MAX_STRING_LENGTH} are allowed: shorten it` : undefined
  }
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${at} is ${value}, which is not a JSON number`
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = walk(value[i], [...path, i], depth + 1)
      if (problem) return problem
    }
    return undefined
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      if (key.length > MAX_STRING_LENGTH) return `an argument name in ${at} is ${key.length} characters; at most ${MAX_STRING_LENGTH} are allowed`
      const problem = walk(item, [...path, key], depth + 1)
      if (problem) return problem
    }
    return undefined
  }
  return `${at} is not plain JSON (${typeof value}): send strings, numbers, booleans, null, lists and objects only`
}
