/**
 * Config checks that need the built town: a meeting's location must be an object id or type on
 * the map. Called where the town is built (create-world), like the other map checks, so a
 * misspelt location is a config error with its YAML path instead of meets skipped at run time.
 */
import { didYouMean } from '../../../shared/did-you-mean'
import type { ShardConfig } from '../../config/shard-config-schema'
import type { ObjectStore } from '../state/object-store'
import type { TownProblem } from '../town/town-layout'

/** Meetings whose location is no object id or type in the built town, as config problems with their YAML path. */
export function perturbationTownProblems(config: ShardConfig, objects: Pick<ObjectStore, 'ids' | 'types'>): TownProblem[] {
  const problems: TownProblem[] = []
  const known = new Set([...objects.ids, ...objects.types])
  for (const [name, spec] of Object.entries(config.perturbations.events)) {
    if (spec.kind !== 'arranged_meet' || known.has(spec.location)) continue
    const hint = didYouMean(spec.location, [...known])
    const types = [...new Set(objects.types)].join(', ')
    problems.push({
      path: ['perturbations', 'events', name, 'location'],
      message: `meeting "${name}" is at "${spec.location}", which is no object id or type on this map${hint ? `: did you mean "${hint}"?` : ''} (types here: ${types || 'none'}; ids are <type>_<n>, e.g. stove_1)`
    })
  }
  return problems
}
