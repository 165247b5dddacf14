/**
 * A hot-reloaded affordance registry, checked before it goes live: it compiles, and it declares
 * every object type the running map uses. Refused otherwise, with the previous registry kept.
 */
import { err, ok, type Result } from '../../shared/result'
import type { AffordanceSource } from '../config/load-affordances'
import { compileRegistry, type AffordanceRegistry } from '../sim/affordances/registry'
import type { World } from '../sim/state/world'

export function registryFor(source: AffordanceSource, world: World): Result<AffordanceRegistry> {
  const compiled = compileRegistry(source.manifest)
  if (!compiled.ok) {
    const problems = compiled.problems.filter((p) => !p.warning)
    return err('config.invalid', `${source.source} does not compile: ${problems.map((p) => `${p.path.join('.') || '<document>'}: ${p.message}`).join('; ')}; the previous affordance registry stays live`)
  }
  const onMap = [...new Set(world.state.objects.types)].sort()
  const missing = onMap.filter((type) => !Object.hasOwn(source.manifest.object_types, type))
  if (missing.length > 0) {
    const names = missing.map((t) => `"${t}"`).join(', ')
    return err(
      'config.invalid',
      `${source.source} lacks object type${missing.length === 1 ? '' : 's'} ${names}, which the map uses: declare ${missing.length === 1 ? 'it' : 'them'} under object_types; the previous affordance registry stays live`,
      { missing_object_types: missing }
    )
  }
  return ok(compiled.registry)
}
