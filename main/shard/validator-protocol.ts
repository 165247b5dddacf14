/**
 * Messages between the host and its config validator worker. The host names a file (a config,
 * or an affordance registry for a hot reload) with the workspace it must come from; the worker
 * reads and checks it off the host's main thread (building the town, for a config) and answers
 * with the loaded config or the problems. Both sides validate what they receive.
 */
import { z } from 'zod'
import { ConfigIssueSchema } from '../../shared/contract/dto/config-summary'
import { resultSchema } from '../../shared/result-schema'
import { AffordanceSourceSchema, LoadedConfigSchema } from './protocol'

const seq = z.number().int().nonnegative()
const RootsSchema = z.array(z.object({ name: z.string(), path: z.string() }))

export const ValidatorRequestSchema = z.discriminatedUnion('type', [
  /** Read and check a config (its registry and model path too): `path` relative to `base`. */
  z.object({ type: z.literal('config'), seq, path: z.string(), base: z.string(), roots: RootsSchema }),
  /** Read and check an affordance registry (a hot reload). */
  z.object({ type: z.literal('affordances'), seq, path: z.string(), base: z.string(), roots: RootsSchema })
])
export type ValidatorRequest = z.infer<typeof ValidatorRequestSchema>

/** A registry as the reload needs it: what travels to the shard, and the problems and warnings. */
export const AffordanceCheckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), affordances: AffordanceSourceSchema, warnings: z.array(ConfigIssueSchema) }),
  z.object({ ok: z.literal(false), issues: z.array(ConfigIssueSchema), warnings: z.array(ConfigIssueSchema) })
])
export type AffordanceCheck = z.infer<typeof AffordanceCheckSchema>

export const ValidatorReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('config'), seq, result: resultSchema(LoadedConfigSchema) }),
  z.object({ type: z.literal('affordances'), seq, check: AffordanceCheckSchema })
])
export type ValidatorReply = z.infer<typeof ValidatorReplySchema>

/** The thread's first message: its code is loaded and it takes requests (a check's deadline starts at its post). */
export const ValidatorReadySchema = z.object({ type: z.literal('ready') }).strict()
export const VALIDATOR_READY = { type: 'ready' } as const
