/**
 * The compiled affordance registry: the validated manifest with every precondition parsed once,
 * indexed by id, object type and option. Compiling is also where the cross-checks live (duplicate
 * ids, unknown object types, preconditions that do not parse or name unknown things), so the same
 * checks serve config loading, hot reload and `townlet affordances validate`.
 */
import type { AgentOption } from '../../../shared/contract/dto/world-summary'
import { didYouMean } from '../../../shared/did-you-mean'
import { ownValue } from '../../../shared/own-key'
import type { AffordanceManifest, AffordanceSpec } from './manifest-schema'
import { parsePrecondition, type Expr } from './precondition'
import { checkScopeName } from './precondition-scope-names'

export interface CompiledPrecondition {
  source: string
  expr: Expr
}

export interface CompiledAffordance {
  index: number
  spec: AffordanceSpec
  preconditions: CompiledPrecondition[]
}

export interface AffordanceRegistry {
  manifest: AffordanceManifest
  affordances: CompiledAffordance[]
  byId: Map<string, CompiledAffordance>
  /** Affordances that serve an option, in file order. */
  byOption: Map<AgentOption, CompiledAffordance[]>
}

/** One problem in a manifest, with the path inside the file (e.g. `affordances.2.preconditions.0`). */
export interface ManifestProblem {
  path: (string | number)[]
  message: string
  /** Only reported as an error under `--strict`. */
  warning?: boolean
}

export type CompileResult = { ok: true; registry: AffordanceRegistry; warnings: ManifestProblem[] } | { ok: false; problems: ManifestProblem[] }

export function compileRegistry(manifest: AffordanceManifest): CompileResult {
  const problems: ManifestProblem[] = []
  const types = Object.keys(manifest.object_types)
  const affordances: CompiledAffordance[] = []
  const byId = new Map<string, CompiledAffordance>()
  const byOption = new Map<AgentOption, CompiledAffordance[]>()
  const firstSeen = new Map<string, number>()

  manifest.affordances.forEach((spec, i) => {
    const at = (...rest: (string | number)[]) => ['affordances', i, ...rest]
    const earlier = firstSeen.get(spec.id)
    if (earlier !== undefined) {
      problems.push({ path: at('id'), message: `duplicate affordance id "${spec.id}" (first defined at affordances.${earlier}): rename one` })
      return
    }
    firstSeen.set(spec.id, i)
    // Own keys only: an object type named `constructor` is unknown, not Object.
    const objectType = ownValue(manifest.object_types, spec.object_type)
    if (!objectType) {
      const hint = didYouMean(spec.object_type, types)
      problems.push({ path: at('object_type'), message: `unknown object type "${spec.object_type}"${hint ? `: did you mean "${hint}"?` : `: declare it under object_types (known: ${types.join(', ') || 'none'})`}` })
    }
    const preconditions: CompiledPrecondition[] = []
    spec.preconditions.forEach((source, j) => {
      const parsed = parsePrecondition(source)
      if (!parsed.ok) {
        problems.push({ path: at('preconditions', j), message: `precondition "${source}" does not parse at character ${parsed.error.position + 1}: ${parsed.error.message}` })
        return
      }
      for (const name of parsed.names) {
        const complaint = checkScopeName(name)
        if (complaint) problems.push({ path: at('preconditions', j), message: `precondition "${source}": ${complaint}` })
        else if (name[0] === 'stock' && name[1] !== undefined && objectType && !Object.hasOwn(objectType.stock, name[1])) {
          problems.push({ path: at('preconditions', j), warning: true, message: `precondition "${source}" reads stock.${name[1]}, which object type "${spec.object_type}" never stocks` })
        }
      }
      preconditions.push({ source, expr: parsed.expr })
    })
    for (const key of Object.keys(spec.consumes)) {
      if (objectType && !Object.hasOwn(objectType.stock, key)) {
        problems.push({ path: at('consumes', key), message: `affordance "${spec.id}" consumes "${key}", which object type "${spec.object_type}" has no stock of: add it under object_types.${spec.object_type}.stock` })
      }
    }
    const compiled: CompiledAffordance = { index: affordances.length, spec, preconditions }
    affordances.push(compiled)
    byId.set(spec.id, compiled)
    const list = byOption.get(spec.option) ?? []
    list.push(compiled)
    byOption.set(spec.option, list)
  })

  for (const type of types) {
    if (!manifest.affordances.some((a) => a.object_type === type) && type !== 'workstation') {
      problems.push({ path: ['object_types', type], warning: true, message: `object type "${type}" has no affordances: nothing can use it` })
    }
  }
  const errors = problems.filter((p) => !p.warning)
  if (errors.length > 0) return { ok: false, problems }
  return { ok: true, registry: { manifest, affordances, byId, byOption }, warnings: problems.filter((p) => p.warning) }
}
