/**
 * A town's dictionaries and object statics for the observer stream's full frame, taken from the
 * engine's own lists, so an engine index (a home, a job, an affordance, an object slot) is its
 * code on the wire and the emitter copies numbers instead of looking names up.
 */
import { AGENT_OPTIONS } from '../../shared/contract/dto/world-summary'
import { AGENT_PHASES, SHIFT_STATES } from '../../shared/contract/dto/observer'
import type { ObjectStatics, ObserverNames } from '../../shared/contract/dto/observer-columns'
import type { World } from '../sim/state/world'

/** The lists a town's codes index; the emitter sends a full frame when any of them is replaced. */
export function townVocabulary(world: World): readonly unknown[] {
  return [world.params, world.registry.affordances, world.state.objects.count]
}

export function townNames(world: World): { names: ObserverNames; statics: ObjectStatics } {
  const { params, registry, state } = world
  const objects = state.objects
  const types: string[] = []
  const typeCode = new Map<string, number>()
  const statics: ObjectStatics = { type: [], x: [], y: [], home: [], workplace: [] }
  for (let o = 0; o < objects.count; o++) {
    const type = objects.types[o]!
    let code = typeCode.get(type)
    if (code === undefined) {
      code = types.push(type) - 1
      typeCode.set(type, code)
    }
    const home = objects.home[o]!
    const workplace = objects.workplace[o]!
    statics.type.push(code)
    statics.x.push(objects.x[o]!)
    statics.y.push(objects.y[o]!)
    statics.home.push(home >= 0 && home < params.homes.length ? home : -1)
    statics.workplace.push(workplace >= 0 && workplace < params.workplaces.length ? workplace : -1)
  }
  const names: ObserverNames = {
    option: [...AGENT_OPTIONS],
    phase: [...AGENT_PHASES],
    shift: [...SHIFT_STATES],
    objects: objects.ids.slice(0, objects.count),
    types,
    affordances: registry.affordances.map((a) => a.spec.id),
    homes: params.homes.map((h) => h.id),
    workplaces: params.workplaces.map((w) => w.id),
    jobs: params.jobs.map((j) => j.id)
  }
  return { names, statics }
}
