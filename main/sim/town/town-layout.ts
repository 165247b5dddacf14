/**
 * The town's map and areas from the config: the drawn ASCII layout, or the generator sized to the
 * population. Every problem names its config path and says how to fix it.
 */
import type { ShardConfig } from '../../config/shard-config-schema'
import { DEFAULT_LEGEND, parseAsciiMap } from '../map/ascii-map'
import { checkReachability } from '../map/reachability'
import { generateTown } from '../map/town-generator'
import type { Area, TownMap } from '../map/town-map'

export interface TownProblem {
  path: (string | number)[]
  message: string
}

export type LayoutResult = { ok: true; map: TownMap } | { ok: false; problems: TownProblem[] }

/** How many agents live in the town. */
export function populationOf(config: ShardConfig): number {
  return config.world.population ?? (config.world.agents.length > 0 ? config.world.agents.length : 8)
}

export function buildLayout(config: ShardConfig, objectTypes: readonly string[]): LayoutResult {
  const world = config.world
  if (world.generate) {
    const gen = world.generate
    const households = Math.max(1, Math.ceil(populationOf(config) / gen.agents_per_household))
    const workplaces = Object.keys(config.jobs).length === 0 ? 0 : Math.max(1, Math.ceil(households / gen.households_per_workplace))
    return { ok: true, map: generateTown({ households, workplaces, bedsPerHousehold: gen.beds_per_household }).map }
  }
  const layout = world.layout
  if (!layout) return { ok: false, problems: [{ path: ['world'], message: 'the world needs a town: draw one under `layout` or ask for one under `generate`' }] }
  const mapPath = ['world', 'layout', 'map']
  const legend = { ...DEFAULT_LEGEND, ...layout.legend }
  const problems: TownProblem[] = []
  for (const [letter, type] of Object.entries(legend)) {
    if (!objectTypes.includes(type) && layout.map.includes(letter)) {
      problems.push({ path: ['world', 'layout', 'legend', letter], message: `map letter "${letter}" places a "${type}", which the affordance registry does not define: use one of ${objectTypes.join(', ')}` })
    }
  }
  const parsed = parseAsciiMap(layout.map, legend)
  if (!parsed.ok) {
    return { ok: false, problems: parsed.errors.map((e) => ({ path: mapPath, message: `row ${e.line}, column ${e.col}: ${e.message}` })) }
  }
  const map: TownMap = { ...parsed.map, homes: layout.homes.map(toArea), workplaces: layout.workplaces.map(toArea) }
  for (const [kind, areas] of [['homes', map.homes], ['workplaces', map.workplaces]] as const) {
    areas.forEach((a, i) => {
      if (a.x + a.w > map.width || a.y + a.h > map.height) {
        problems.push({ path: ['world', 'layout', kind, i, 'area'], message: `${a.id} [${a.x}, ${a.y}, ${a.w}, ${a.h}] reaches outside the ${map.width}×${map.height} map: shrink or move it` })
      }
    })
  }
  for (const message of checkReachability(map)) problems.push({ path: mapPath, message })
  return problems.length > 0 ? { ok: false, problems } : { ok: true, map }
}

function toArea(a: { id: string; area: [number, number, number, number] }): Area {
  const [x, y, w, h] = a.area
  return { id: a.id, x, y, w, h }
}
