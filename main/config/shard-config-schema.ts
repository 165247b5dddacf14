/**
 * The shard config schema: identity, seed, runtime cadence and every world section. Every object
 * is strict so a misspelt key is an error with a "did you mean" hint, not a silently ignored
 * setting. Defaults live here, next to their ranges; cross-section checks (a job at a workplace the
 * layout lacks, an agent in a home that does not exist) run at the end. Checks that need the drawn
 * map itself (unreachable objects) run when the town is built, see main/sim/town/build-town.ts.
 */
import { z } from 'zod'
import { BehaviorSchema, QueueFairnessSchema } from './sections/behavior'
import { ConsoleSectionSchema } from './sections/console'
import { EconomySchema } from './sections/economy'
import { FeaturesSchema } from './sections/features'
import { EmploymentSchema, JobsSchema } from './sections/jobs'
import { LifecycleSchema } from './sections/lifecycle'
import { checkPerturbationsAgainstWorld, PerturbationsSchema } from './sections/perturbations'
import { RewardsSchema } from './sections/rewards'
import { SnapshotSectionSchema } from './sections/snapshot'
import { SocietySchema } from './sections/society'
import { NarrationSchema, StabilitySchema, TelemetrySectionSchema } from './sections/telemetry'
import { ObservationsSchema } from './sections/observations'
import { PolicySectionSchema } from './sections/policy'
import { AffordancesSectionSchema, WorldSchema } from './sections/world'

export const DEFAULT_TICK_MS = 250

export const RuntimeSchema = z
  .object({
    /** Milliseconds per tick at the default real-time speed. */
    tick_ms: z.number().int().min(1).max(60_000).default(DEFAULT_TICK_MS)
  })
  .strict()

export const ShardConfigSchema = z
  .object({
    config_id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'use lowercase letters, digits, "_", "." and "-", starting with a letter or digit'),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    runtime: RuntimeSchema.default({ tick_ms: DEFAULT_TICK_MS }),
    features: FeaturesSchema.default(() => FeaturesSchema.parse({})),
    rewards: RewardsSchema.default(() => RewardsSchema.parse({})),
    economy: EconomySchema.default(() => EconomySchema.parse({})),
    jobs: JobsSchema.default({}),
    employment: EmploymentSchema.default(() => EmploymentSchema.parse({})),
    behavior: BehaviorSchema.default(() => BehaviorSchema.parse({})),
    queue_fairness: QueueFairnessSchema.default(() => QueueFairnessSchema.parse({})),
    world: WorldSchema.default(() => WorldSchema.parse({ generate: {} })),
    affordances: AffordancesSectionSchema.default(() => AffordancesSectionSchema.parse({})),
    society: SocietySchema.default(() => SocietySchema.parse({})),
    lifecycle: LifecycleSchema.default(() => LifecycleSchema.parse({})),
    perturbations: PerturbationsSchema.default(() => PerturbationsSchema.parse({})),
    stability: StabilitySchema.default(() => StabilitySchema.parse({})),
    narration: NarrationSchema.default(() => NarrationSchema.parse({})),
    console: ConsoleSectionSchema.default({}),
    observations: ObservationsSchema.default(() => ObservationsSchema.parse({})),
    policy: PolicySectionSchema.default(() => PolicySectionSchema.parse({})),
    snapshot: SnapshotSectionSchema.default(() => SnapshotSectionSchema.parse({})),
    /** Where the telemetry stream goes besides the UI (docs/telemetry.md); no transports by default. */
    telemetry: TelemetrySectionSchema.default(() => TelemetrySectionSchema.parse({}))
  })
  .strict()
  .superRefine((c, ctx) => {
    checkPerturbationsAgainstWorld(c, ctx)
    const layout = c.world.layout
    const workplaces = new Set(layout?.workplaces.map((w) => w.id) ?? [])
    const homes = new Set(layout?.homes.map((h) => h.id) ?? [])
    for (const [jobId, job] of Object.entries(c.jobs)) {
      if (!layout) continue
      if (job.workplace === undefined) {
        ctx.addIssue({ code: 'custom', path: ['jobs', jobId, 'workplace'], message: `job "${jobId}" needs a workplace in a drawn town: one of ${list(workplaces)}` })
      } else if (!workplaces.has(job.workplace)) {
        ctx.addIssue({ code: 'custom', path: ['jobs', jobId, 'workplace'], message: `job "${jobId}" is at workplace "${job.workplace}", which world.layout.workplaces lacks: use one of ${list(workplaces)} or add it` })
      }
    }
    c.world.agents.forEach((agent, i) => {
      // Own keys only: `job: constructor` is not a job just because every object has a constructor.
      if (agent.job != null && !Object.hasOwn(c.jobs, agent.job)) {
        ctx.addIssue({ code: 'custom', path: ['world', 'agents', i, 'job'], message: `agent "${agent.id}" has job "${agent.job}", which \`jobs\` does not define: use one of ${list(new Set(Object.keys(c.jobs)))} or null` })
      }
      if (agent.home !== undefined && layout && !homes.has(agent.home)) {
        ctx.addIssue({ code: 'custom', path: ['world', 'agents', i, 'home'], message: `agent "${agent.id}" lives in "${agent.home}", which world.layout.homes lacks: use one of ${list(homes)}` })
      }
    })
  })

function list(ids: Set<string>): string {
  return ids.size === 0 ? '(none defined)' : [...ids].map((id) => `"${id}"`).join(', ')
}

export type ShardConfig = z.infer<typeof ShardConfigSchema>
