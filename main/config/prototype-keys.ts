/**
 * Finds `__proto__` keys in data parsed from a YAML file. `yaml` keeps such a key as an own
 * property (it never sets a prototype), but zod records then drop it without a word, so
 * `jobs: { __proto__: … }` would vanish from the config silently. The loaders refuse these keys,
 * located, before the schema sees the data. Other Object.prototype names (`constructor` …) are
 * plain keys in the parsed data; the id schemas refuse them where they would name something.
 */

/** Deeper than any config; a bound so hostile nesting cannot exhaust the stack. */
const MAX_DEPTH = 64

/** Paths (as zod would write them) of every own `__proto__` key in `data`, in document order. */
export function prototypeKeyPaths(data: unknown): (string | number)[][] {
  const found: (string | number)[][] = []
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (value === null || typeof value !== 'object' || path.length > MAX_DEPTH) return
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]))
      return
    }
    for (const key of Object.keys(value)) {
      if (key === '__proto__') found.push([...path, key])
      else walk((value as Record<string, unknown>)[key], [...path, key])
    }
  }
  walk(data, [])
  return found
}

/** The message for a refused `__proto__` key. */
export const PROTOTYPE_KEY_MESSAGE = '"__proto__" cannot be a key: it is a name every JavaScript object has, and the schema would drop it silently; rename it'
