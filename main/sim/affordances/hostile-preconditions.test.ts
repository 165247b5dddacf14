/**
 * Names that exist on every JavaScript object (`__proto__`, `constructor`, `toString` …) reach
 * the registry from a YAML file typed by whoever edits it. They must be refused as unknown names
 * with a message, never crash the compile with a TypeError, and never read Object.prototype at
 * run time.
 */
import { describe, expect, it } from 'vitest'
import { testWorld } from '../testing/test-world'
import { AffordanceManifestSchema } from './manifest-schema'
import { parsePrecondition, evaluatePrecondition } from './precondition'
import { preconditionScope } from './precondition-scope'
import { checkScopeName } from './precondition-scope-names'
import { compileRegistry, type CompileResult } from './registry'

/** A one-affordance registry: a fridge with meals, eaten under `preconditions`. */
function compileWith(preconditions: string[], extra: { consumes?: Record<string, number>; object_type?: string; stock?: Record<string, number> } = {}): CompileResult {
  const manifest = AffordanceManifestSchema.parse({
    object_types: { fridge: { stock: extra.stock ?? { meals: 4 } } },
    affordances: [{ id: 'eat_meal', object_type: extra.object_type ?? 'fridge', option: 'eat', duration: 5, preconditions, consumes: extra.consumes ?? {} }]
  })
  return compileRegistry(manifest)
}

function problemsOf(result: CompileResult): string[] {
  return result.ok ? result.warnings.map((w) => `warning: ${w.message}`) : result.problems.filter((p) => !p.warning).map((p) => p.message)
}

const PROTOTYPE_NAMES = ['__proto__.x', 'constructor.x', 'hasOwnProperty.x', 'toString.length', 'valueOf', 'agent.constructor', 'agent.__proto__', 'object.__proto__', 'object.toString', 'needs.constructor', 'world.hasOwnProperty']

describe('hostile precondition names', () => {
  it('finding 9: prototype names in preconditions are refused, not a crash', () => {
    for (const source of PROTOTYPE_NAMES) {
      let result: CompileResult | undefined
      expect(() => (result = compileWith([source])), source).not.toThrow()
      expect(result?.ok, source).toBe(false)
      const problems = problemsOf(result!)
      expect(problems, source).toHaveLength(1)
      expect(problems[0], source).toMatch(/unknown name|has no field/)
      expect(problems[0], source).toContain(`precondition "${source}"`)
    }
  })

  it('finding 9: stock.__proto__, stock.constructor and other Object.prototype keys are refused as stock keys', () => {
    for (const source of ['stock.__proto__', 'stock.constructor', 'stock.toString', 'stock.prototype', "stock['__proto__']", 'stock["hasOwnProperty"] > 0']) {
      let result: CompileResult | undefined
      expect(() => (result = compileWith([source])), source).not.toThrow()
      expect(result?.ok, source).toBe(false)
      expect(problemsOf(result!), source).toEqual([expect.stringMatching(/cannot be a stock key/)])
    }
  })

  it('checkScopeName answers every prototype name with a message, never a throw', () => {
    for (const root of ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', 'prototype']) {
      expect(checkScopeName([root, 'x'])).toMatch(/^unknown name/)
      expect(checkScopeName([root])).toMatch(/^unknown name/)
    }
  })

  it('still warns for a stock key the object type never stocks, own keys only', () => {
    expect(problemsOf(compileWith(['stock.meals > 0']))).toEqual([])
    expect(problemsOf(compileWith(['stock.mealz > 0']))).toEqual(['warning: precondition "stock.mealz > 0" reads stock.mealz, which object type "fridge" never stocks'])
  })

  it('an affordance on object type "constructor" is an unknown object type, not Object', () => {
    // The schema refuses the id (below); a hand-built manifest proves the compile looks up own keys too.
    const manifest = AffordanceManifestSchema.parse({ object_types: { fridge: { stock: { meals: 4 } } }, affordances: [{ id: 'eat_meal', object_type: 'fridge', option: 'eat', duration: 5, preconditions: ['stock.meals > 0'], consumes: { meals: 1 } }] })
    manifest.affordances[0]!.object_type = 'constructor'
    let result: CompileResult | undefined
    expect(() => (result = compileRegistry(manifest))).not.toThrow()
    expect(problemsOf(result!)).toEqual([expect.stringMatching(/^unknown object type "constructor"/)])
  })

  it('refuses Object.prototype names as ids in the file: object types, stock and consumes keys, affordance ids', () => {
    const base = { object_types: { fridge: { stock: { meals: 4 } } }, affordances: [{ id: 'eat_meal', object_type: 'fridge', option: 'eat', duration: 5 }] }
    const hostile: unknown[] = [
      { ...base, object_types: { constructor: {} } },
      { ...base, object_types: { fridge: { stock: { constructor: 1 } } } },
      { ...base, affordances: [{ ...base.affordances[0], consumes: { constructor: 1 } }] },
      { ...base, affordances: [{ ...base.affordances[0], id: 'constructor' }] }
    ]
    for (const data of hostile) {
      const parsed = AffordanceManifestSchema.safeParse(data)
      expect(parsed.success, JSON.stringify(data)).toBe(false)
      // A record key's own complaint sits inside its invalid_key issue.
      const issue = parsed.error?.issues[0]
      const message = issue?.code === 'invalid_key' ? issue.issues[0]?.message : issue?.message
      expect(message, JSON.stringify(data)).toMatch(/is a name every JavaScript object has/)
    }
  })

  it('a consumes key that is an Object.prototype name never passes the stock check', () => {
    // Bypasses the schema (as a hand-built manifest could) to prove the compile check itself uses own keys.
    const manifest = AffordanceManifestSchema.parse({ object_types: { fridge: { stock: { meals: 4 } } }, affordances: [{ id: 'eat_meal', object_type: 'fridge', option: 'eat', duration: 5 }] })
    manifest.affordances[0]!.consumes = { constructor: 1 }
    const result = compileRegistry(manifest)
    expect(problemsOf(result)).toEqual([expect.stringMatching(/consumes "constructor", which object type "fridge" has no stock of/)])
  })

  it('finding 9: at run time stock.__proto__ and stock.constructor read null, so the precondition is false', () => {
    const world = testWorld(`config_id: k
seed: 1
world:
  agents:
    - { id: ann, at: [2, 1] }
  layout:
    map: |
      #######
      #.....#
      #.F.S.#
      #.....#
      #######
    homes:
      - { id: home, area: [1, 1, 5, 3] }
`)
    const fridge = world.state.objects.types.indexOf('fridge')
    expect(fridge).toBeGreaterThanOrEqual(0)
    const scope = preconditionScope(world, 0, fridge)
    for (const field of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(scope(['stock', field]), field).toBeNull()
      const parsed = parsePrecondition(`stock["${field}"]`)
      if (!parsed.ok) throw new Error(parsed.error.message)
      expect(evaluatePrecondition(parsed.expr, scope), field).toBe(false)
    }
    expect(scope(['stock', 'meals'])).toBe(4)
  })
})
