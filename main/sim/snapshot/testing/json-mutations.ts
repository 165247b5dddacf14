/**
 * Test support for the state readers: fast-check arbitraries that damage a valid JSON document
 * the ways a file gets damaged (a key dropped, a list cut short or grown, a value re-typed or
 * replaced by an absurd one, a stray key), and the checks every reader must pass on them. Nothing
 * in the engine imports this file.
 */
import fc from 'fast-check'
import { expect } from 'vitest'
import { canonicalJson } from '../../hash/canonical-json'
import type { Parsed } from '../json-problems'

type Json = unknown
type Path = (string | number)[]

/** Every path into `value` (the root included), at most `limit` of them, breadth first. */
export function pathsOf(value: Json, limit = 5000): Path[] {
  const out: Path[] = [[]]
  const queue: { v: Json; path: Path }[] = [{ v: value, path: [] }]
  while (queue.length > 0 && out.length < limit) {
    const { v, path } = queue.shift()!
    const entries: [string | number, Json][] = Array.isArray(v) ? v.map((item, i) => [i, item]) : v !== null && typeof v === 'object' ? Object.entries(v) : []
    for (const [key, item] of entries) {
      out.push([...path, key])
      queue.push({ v: item, path: [...path, key] })
    }
  }
  return out.slice(0, limit)
}

/** Values a damaged or hostile file may hold where a number, string, list or object was. */
export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(null, true, '', 'x', -1, 0, 0.5, 1, 2 ** 31, -(2 ** 31) - 1, 1e300, -1e300, 2 ** 53, [], {}, [0], { __proto__: null }, '__proto__'),
  fc.jsonValue({ maxDepth: 2 }),
  fc.integer()
)

export type Mutation =
  | { kind: 'replace'; path: Path; value: Json }
  | { kind: 'delete'; path: Path }
  | { kind: 'truncate'; path: Path; keep: number }
  | { kind: 'grow'; path: Path; value: Json }
  | { kind: 'extra_key'; path: Path; key: string; value: Json }

/** One damage to `value`, at a path drawn among its own. */
export function mutationOf(value: Json): fc.Arbitrary<Mutation> {
  const paths = pathsOf(value)
  const path = fc.constantFrom(...paths)
  return fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), path, value: hostileValue }),
    fc.record({ kind: fc.constant('delete' as const), path }),
    fc.record({ kind: fc.constant('truncate' as const), path, keep: fc.nat(4) }),
    fc.record({ kind: fc.constant('grow' as const), path, value: hostileValue }),
    fc.record({ kind: fc.constant('extra_key' as const), path, key: fc.constantFrom('extra', '__proto__', 'constructor', ''), value: hostileValue })
  )
}

/** A damaged deep copy of `value` (the original is never touched). */
export function applyMutation(value: Json, m: Mutation): Json {
  const root: Json = JSON.parse(JSON.stringify(value))
  if (m.path.length === 0) {
    if (m.kind === 'replace') return m.value
    if (m.kind === 'delete') return undefined
  }
  const parentPath = m.kind === 'replace' || m.kind === 'delete' ? m.path.slice(0, -1) : m.path
  let parent = root as Record<string | number, Json>
  for (const seg of parentPath) parent = parent[seg] as Record<string | number, Json>
  const last = m.path[m.path.length - 1]!
  switch (m.kind) {
    case 'replace':
      parent[last] = m.value
      break
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(last), 1)
      else delete parent[last]
      break
    case 'truncate':
      if (Array.isArray(parent)) parent.length = Math.min(parent.length, m.keep)
      else if (parent !== null && typeof parent === 'object') for (const k of Object.keys(parent).slice(m.keep)) delete parent[k]
      break
    case 'grow':
      if (Array.isArray(parent)) parent.push(m.value)
      break
    case 'extra_key':
      if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, configurable: true, writable: true })
      break
  }
  return root
}

/** The JSON text round trip a file makes. */
export const throughText = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json

/**
 * What every reader promises on damaged input: no throw; problems as a non-empty list of short
 * strings; and when it does accept the input, its writer's output of the result reads back to the
 * same canonical text (a reader never builds a state its own writer cannot carry).
 */
export function expectReaderContract<T>(read: (json: unknown) => Parsed<T>, write: (state: T) => unknown, input: unknown): void {
  const result = read(input)
  if (!result.ok) {
    expect(result.problems.length).toBeGreaterThan(0)
    expect(result.problems.length).toBeLessThanOrEqual(21)
    for (const p of result.problems) expect(p.length).toBeLessThan(700)
    return
  }
  const json = write(result.value)
  const again = read(throughText(json))
  expect(again.ok).toBe(true)
  if (again.ok) expect(canonicalJson(write(again.value))).toBe(canonicalJson(json))
}

/** The round trip: write → JSON text → read → write gives the same canonical text. */
export function expectRoundTrip<T>(read: (json: unknown) => Parsed<T>, write: (state: T) => unknown, json: unknown): T {
  const result = read(throughText(json))
  if (!result.ok) throw new Error(`a valid document was refused: ${result.problems.join('; ')}`)
  expect(canonicalJson(write(result.value))).toBe(canonicalJson(throughText(json)))
  return result.value
}
