import { z } from 'zod'

/**
 * Where snapshots live and how loading one behaves (main/snapshots). The storage root is a
 * workspace-relative folder; the store refuses to resolve it outside the workspace. The
 * guardrails decide what happens when a snapshot's config_id differs from the running config's:
 * refuse (the default), migrate along a registered path when `migrations.auto_apply` allows it,
 * or load it as it is with a warning when `require_exact_config` is off.
 */

/** A folder relative to the workspace: no NUL, no absolute path, no climbing out with `..`. */
const workspaceFolder = z
  .string()
  .trim()
  .min(1, 'name a folder inside the workspace, e.g. snapshots')
  .max(500)
  .refine((p) => !p.includes('\0'), 'the path contains a NUL character')
  .refine((p) => !/^([/\\]|[A-Za-z]:)/.test(p), 'use a folder relative to the workspace, e.g. snapshots (an absolute path may point outside it)')
  .refine((p) => !p.split(/[/\\]/).includes('..'), 'use a folder inside the workspace: ".." would climb out of it')

/** The same forms the original accepted: a git-style sha1, a sha256, or a base64 digest. */
const policyHash = z
  .string()
  .trim()
  .regex(/^([0-9a-fA-F]{40}|[0-9a-fA-F]{64}|[A-Za-z0-9+/=]{32,88})$/, 'a policy hash is 40 or 64 hex digits, or a base64 digest of 32 to 88 characters')

export const SnapshotIdentityConfigSchema = z
  .object({
    /** Recorded in a snapshot whose policy did not report its own hash. */
    policy_hash: policyHash.nullable().default(null),
    /** `infer`: the variant the policy runs with (features.systems.observations). */
    observation_variant: z.enum(['hybrid', 'full', 'compact', 'infer']).default('infer'),
    anneal_ratio: z.number().min(0).max(1).nullable().default(null)
  })
  .strict()

/**
 * The session timeline (main/shard/timeline, docs/timeline.md): a keyframe every `keyframe_every`
 * ticks bounds a seek's replay; `byte_budget` bounds the keyframes and inputs kept in memory, all
 * branches together (the oldest go first).
 */
export const TimelineConfigSchema = z
  .object({
    keyframe_every: z.number().int().min(10, 'a keyframe every 10 ticks or more (closer ones mostly cost memory)').max(10_000).default(100),
    byte_budget: z
      .number()
      .int()
      .min(1024 * 1024, 'at least 1 MiB (1048576): a budget smaller than one keyframe keeps no past at all')
      .max(8 * 1024 ** 3)
      .default(256 * 1024 * 1024)
  })
  .strict()

export const SnapshotSectionSchema = z
  .object({
    storage: z.object({ root: workspaceFolder.default('snapshots') }).strict().default({ root: 'snapshots' }),
    autosave: z
      .object({
        /** Save every this many ticks (null: no autosave). Fewer than 100 would mostly measure the disk. */
        cadence_ticks: z.number().int().min(100).max(100_000_000).nullable().default(null),
        /** Autosaves kept; older ones are pruned. Manual saves are never pruned. */
        retain: z.number().int().min(1).max(1000).default(3)
      })
      .strict()
      .default({ cadence_ticks: null, retain: 3 }),
    identity: SnapshotIdentityConfigSchema.default({ policy_hash: null, observation_variant: 'infer', anneal_ratio: null }),
    migrations: z
      .object({
        /** Migrate a snapshot of another config_id in memory when a registered path leads here. */
        auto_apply: z.boolean().default(false)
      })
      .strict()
      .default({ auto_apply: false }),
    guardrails: z
      .object({
        /** Refuse a snapshot of another config_id (unless auto_apply migrates it); off: load it with a warning. */
        require_exact_config: z.boolean().default(true),
        /** Load a snapshot of a newer 2.x schema this workstation does not know (unknown fields are dropped). */
        allow_downgrade: z.boolean().default(false)
      })
      .strict()
      .default({ require_exact_config: true, allow_downgrade: false }),
    timeline: TimelineConfigSchema.default({ keyframe_every: 100, byte_budget: 256 * 1024 * 1024 })
  })
  .strict()

export type SnapshotSection = z.infer<typeof SnapshotSectionSchema>
