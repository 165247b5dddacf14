/**
 * The shape `worldSnapshot` writes, as a schema: what a saved world must look like before
 * `restoreWorld` reads it. Bounds keep a hostile file from costing more than its size: the
 * population limit, finite numbers, integer slots.
 */
import { z } from 'zod'

const MAX_AGENTS = 100_000
const int = z.number().int()
const finite = z.number().refine(Number.isFinite, 'must be a finite number')
const rngState = z.array(int).min(1).max(8)

const perturbationBase = { id: z.string().max(64), spec: z.string().max(128).nullable(), kind: z.string().max(32), origin: z.enum(['random', 'scheduled', 'console']) }

export const PerturbationsSnapshotSchema = z
  .object({
    next_id: int.min(1),
    seq: int.min(0),
    pending: z.array(
      z.object({ ...perturbationBase, starts_at: int, duration: int.nullable(), magnitude: finite.nullable(), targets: z.array(z.string().max(128)).nullable(), location: z.string().max(128).nullable() }).strict()
    ),
    active: z.array(
      z
        .object({ ...perturbationBase, started_at: int, ends_at: int, magnitude: finite.nullable(), targets: z.array(z.string().max(128)), object_id: z.string().max(128).nullable(), seq: int, cancelled: z.boolean() })
        .strict()
    ),
    recent: z.array(z.object({ id: z.string().max(64), kind: z.string().max(32), targets: z.array(z.string().max(128)), ended_at: int }).strict()),
    spec_cooldowns: z.record(z.string(), int),
    agent_cooldowns: z.record(z.string(), int),
    next_random_at: int,
    window: z.array(z.object({ tick: int, spec: z.string().max(128).nullable() }).strict()),
    baseline: z.object({ prices: z.record(z.string(), finite), utilities: z.record(z.string(), z.boolean()) }).strict(),
    rebased: z.record(z.string(), int)
  })
  .strict()

export const WorldSnapshotSchema = z.object({
  config_id: z.string().min(1).max(200),
  registry: z.array(z.string().max(200)).max(10_000),
  tick: int.min(0),
  rng: z.object({ world: rngState, events: rngState, policy: rngState }).strict(),
  agents: z.object({
    ids: z.array(z.string().min(1).max(128)).max(MAX_AGENTS),
    columns: z.record(z.string(), z.array(finite).max(MAX_AGENTS)),
    paths: z.array(z.array(int).max(1_000_000).nullable()).max(MAX_AGENTS),
    fail_reason: z.array(z.string().max(500)).max(MAX_AGENTS),
    attendance_samples: z.array(z.array(finite).max(1000)).max(MAX_AGENTS)
  }),
  objects: z.object({
    ids: z.array(z.string().max(128)),
    stock: z.array(z.record(z.string(), finite)),
    holder: z.array(int),
    stall: z.array(int),
    queue: z.array(z.array(z.tuple([int, int]))),
    cooldowns: z.array(z.array(z.tuple([int, int]))),
    running: z.array(int),
    remaining: z.array(int),
    charged: z.array(finite)
  }),
  prices: z.object({ meal_cost: finite, ingredients_cost: finite, wage_income: finite }).strict(),
  utilities: z.object({ power: z.boolean(), water: z.boolean() }).strict(),
  counters: z.object({ cooldown_events: int, ghost_step_events: int, rotation_events: int }).strict(),
  totals: z.object({ meals: int, showers: int, sleeps: int, shifts_late: int }).strict(),
  society: z.object({
    agents: int.min(0),
    profile: z.array(int),
    extroversion: z.array(finite),
    forgiveness: z.array(finite),
    ambition: z.array(finite),
    chat_ready_at: z.array(int),
    ties: z.array(z.array(finite)),
    tie_count: int.min(0),
    contention: z.array(finite),
    counters: z.record(z.string(), finite),
    recent: z.array(z.record(z.string(), z.unknown()))
  }),
  lifecycle: z.unknown(),
  perturbations: z.unknown(),
  rewards: z.unknown(),
  policy: z.object({ anneal_ratio: finite.pipe(z.number().min(0).max(1)) })
})
export type WorldSnapshotJson = z.infer<typeof WorldSnapshotSchema>
