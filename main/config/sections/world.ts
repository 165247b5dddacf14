import { z } from 'zod'
import { NOT_PROTOTYPE_NAME } from '../../../shared/own-key'
import { ClockTimeSchema } from './jobs'

const coord = z.number().int().min(0).max(10_000)
const unit = z.number().min(0).max(1)
/** An id that names something another id refers to (a home, a job); checked where it is looked up. */
const idRef = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids use lowercase letters, digits and "_", starting with a letter')
// Agent, home and workplace ids key engine tables (cooldowns by agent id): never `constructor`.
const id = idRef.refine(...NOT_PROTOTYPE_NAME)

/** A rectangle of tiles: [x, y, width, height]. */
export const AreaRectSchema = z.tuple([coord, coord, z.number().int().min(1).max(10_000), z.number().int().min(1).max(10_000)])
export const NamedAreaSchema = z.object({ id, area: AreaRectSchema }).strict()

/** A town drawn by hand: an ASCII grid plus the rectangles that are homes and workplaces. */
export const DrawnLayoutSchema = z
  .object({
    /** Rows of tiles: `#` wall, `.` floor, and one letter per object (see `legend`). */
    map: z.string().min(1).max(4_000_000),
    /** Map letter → object type; merged over the defaults F fridge, S stove, H shower, B bed, W workstation. */
    legend: z.record(z.string().length(1), z.string().regex(/^[a-z][a-z0-9_]*$/)).default({}),
    homes: z.array(NamedAreaSchema).min(1),
    workplaces: z.array(NamedAreaSchema).default([]),
    /** Starting stock per object id (e.g. `fridge_1: { meals: 1 }`), over the registry's per-type stock. */
    stock: z.record(z.string(), z.record(z.string(), z.number().int().min(0).max(1_000_000))).default({})
  })
  .strict()

/** A town laid out by the generator, sized from the population. */
export const GeneratedLayoutSchema = z
  .object({
    agents_per_household: z.number().int().min(1).max(16).default(4),
    households_per_workplace: z.number().int().min(1).max(1000).default(20),
    beds_per_household: z.number().int().min(1).max(16).default(2)
  })
  .strict()

/** One agent placed by hand; anything left out is filled in like a generated agent. */
export const AgentSpecSchema = z
  .object({
    id,
    home: idRef.optional(),
    /** A job id from `jobs`, or null for an agent without a job. */
    job: idRef.nullable().optional(),
    at: z.tuple([coord, coord]).optional(),
    needs: z.object({ hunger: unit.optional(), hygiene: unit.optional(), energy: unit.optional() }).strict().optional(),
    wallet: z.number().min(-1_000_000).max(1_000_000).optional()
  })
  .strict()

export const WorldSchema = z
  .object({
    ticks_per_day: z.number().int().min(24).max(1_000_000).default(1440),
    /** The time of day at tick 0. */
    start_time: ClockTimeSchema.default('06:00'),
    /** At most this many agents stand on one tile (agents holding a reservation may squeeze past). */
    tile_capacity: z.number().int().min(1).max(64).default(4),
    /** Someone kept off a full tile this many ticks squeezes through (people make way), so crowds never lock up. */
    squeeze_after_ticks: z.number().int().min(1).max(1000).default(3),
    /** How many agents live in the town; `agents` places some of them by hand. */
    population: z.number().int().min(0).max(100_000).optional(),
    agents: z.array(AgentSpecSchema).default([]),
    /** Generated agents start with needs drawn from [min, max] (the `world` random stream) and this wallet. */
    initial: z
      .object({
        needs_min: unit.default(0.5),
        needs_max: unit.default(1),
        wallet: z.number().min(0).max(1_000_000).default(5)
      })
      .strict()
      .default({ needs_min: 0.5, needs_max: 1, wallet: 5 }),
    layout: DrawnLayoutSchema.optional(),
    generate: GeneratedLayoutSchema.optional()
  })
  .strict()
  .superRefine((w, ctx) => {
    if (!w.layout && !w.generate) {
      ctx.addIssue({ code: 'custom', path: [], message: 'the world needs a town: draw one under `layout` or ask for one under `generate`' })
    }
    if (w.layout && w.generate) {
      ctx.addIssue({ code: 'custom', path: ['generate'], message: 'give either `layout` (a drawn town) or `generate` (a generated one), not both' })
    }
    if (w.initial.needs_min > w.initial.needs_max) {
      ctx.addIssue({ code: 'custom', path: ['initial', 'needs_min'], message: `needs_min (${w.initial.needs_min}) is above needs_max (${w.initial.needs_max})` })
    }
    if (w.population !== undefined && w.population < w.agents.length) {
      ctx.addIssue({ code: 'custom', path: ['population'], message: `population (${w.population}) is smaller than the ${w.agents.length} agents placed by hand: raise it or remove agents` })
    }
    const seen = new Set<string>()
    w.agents.forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({ code: 'custom', path: ['agents', i, 'id'], message: `agent id "${a.id}" is used twice: agent ids are unique` })
      seen.add(a.id)
    })
  })

/** Where the affordance registry lives, relative to the config file; without `file`, the built-in core registry. */
export const AffordancesSectionSchema = z
  .object({
    file: z.string().min(1).optional(),
    /** A JSON file of expected sha256 per affordance file; a drift is reported by `townlet affordances validate`. */
    manifest: z.string().min(1).optional()
  })
  .strict()
