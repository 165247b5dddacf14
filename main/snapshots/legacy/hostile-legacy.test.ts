/**
 * Hostile legacy documents: the fixtures mutated (fields deleted, retyped, set to absurd numbers,
 * lists and maps cut short). The import never throws: it answers a coded error, or a report and
 * a world JSON that restores into a fresh town.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { restoreWorld } from '../../sim/snapshot/restore-world'
import { importLegacy } from './import-legacy'
import { renderLegacyReport } from './render-report'
import { BARE_FIXTURE, ENVELOPE_FIXTURE, defaultTarget, readFixture } from './testing/legacy-fixtures'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
type Path = (string | number)[]

const CODES = ['snapshot.schema_mismatch', 'snapshot.invalid', 'snapshot.migration_failed']

/** Every path into the document (RNG strings are leaves), at most `limit` of them. */
function paths(doc: Json, limit = 4000): Path[] {
  const out: Path[] = []
  const walk = (v: Json, at: Path) => {
    if (out.length >= limit) return
    out.push(at)
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]))
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k])
  }
  walk(doc, [])
  return out
}

const absurd = fc.constantFrom<Json>(-1, 0, 1e12, -1e12, 2 ** 53, 0.5, 1.5, -0.0, 9999, '', 'x'.repeat(300), null, true, [], {}, [1, 2], { a: 1 })
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'retype', 'absurd', 'truncate', 'duplicate'),
  value: fc.oneof(absurd, fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>)
})

function mutate(doc: Json, steps: { at: number; kind: string; value: Json }[]): Json {
  let copy = structuredClone(doc)
  for (const step of steps) {
    const all = paths(copy)
    const path = all[step.at % all.length]!
    if (path.length === 0) {
      if (step.kind === 'retype' || step.kind === 'absurd') copy = step.value
      continue
    }
    const parent = path.slice(0, -1).reduce<Json>((v, k) => (v as Record<string, Json>)[k as string]!, copy) as Record<string, Json> | Json[]
    const key = path[path.length - 1]!
    const current = (parent as Record<string, Json>)[key as string]!
    switch (step.kind) {
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1)
        else delete parent[key as string]
        break
      case 'retype':
      case 'absurd':
        ;(parent as Record<string, Json>)[key as string] = step.value
        break
      case 'truncate':
        if (Array.isArray(current)) current.length = Math.floor(current.length / 2)
        else if (typeof current === 'string') (parent as Record<string, Json>)[key as string] = current.slice(0, Math.floor(current.length / 2))
        else if (current !== null && typeof current === 'object') for (const k of Object.keys(current).slice(Math.ceil(Object.keys(current).length / 2))) delete current[k]
        break
      case 'duplicate':
        if (Array.isArray(current) && current.length > 0) current.push(structuredClone(current[0]!))
        break
    }
  }
  return copy
}

describe('legacy import of hostile documents', () => {
  const target = defaultTarget()
  const fresh = defaultTarget().world
  for (const fixture of [ENVELOPE_FIXTURE, BARE_FIXTURE]) {
    it(`${fixture}: mutated, never a throw; a coded error or a world that restores`, () => {
      const base = readFixture(fixture) as Json
      let imported = 0
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (steps) => {
          const doc = mutate(base, steps)
          const result = importLegacy(doc, target)
          if (!result.ok) {
            // The target town is sound: failing inside the import would be a bug, not the document.
            expect(['snapshot.schema_mismatch', 'snapshot.invalid']).toContain(result.error.code)
            expect(result.error.message.length).toBeLessThan(600)
            return
          }
          imported++
          expect(renderLegacyReport(result.value.report).length).toBeGreaterThan(5)
          const restored = restoreWorld(fresh, JSON.parse(JSON.stringify(result.value.world)))
          if (!restored.ok) throw new Error(`the import of a mutated document does not restore: ${restored.problems.join('; ')}`)
        }),
        { numRuns: 80, seed: fixture.length }
      )
      // The mutations leave many documents importable: the property was not only about refusals.
      expect(imported).toBeGreaterThan(10)
    })
  }

  it('answers a coded error for non-documents and deep nesting', () => {
    let deep: Json = {}
    for (let i = 0; i < 5000; i++) deep = { state: deep }
    for (const doc of [undefined, Symbol('x'), () => 1, new Map(), deep, { schema_version: '1.6', state: deep }]) {
      const result = importLegacy(doc, target)
      expect(result.ok).toBe(false)
      expect(!result.ok && CODES).toContain(!result.ok && result.error.code)
    }
  })
})
