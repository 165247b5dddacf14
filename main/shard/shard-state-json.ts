/**
 * The shard's state outside the engine's world, in one place: the policy runtime, the console
 * (the ops queued for the next tick and the router's cmd_id cache and queued commands) and the
 * telemetry hub. With the world's own JSON (`worldSnapshot`) and the last tick's events
 * (`Simulation.lastTickEvents`, which the policy reads next) it is everything a restored shard
 * needs to carry on exactly as the original would have.
 *
 * Restore into a simulation freshly built around the restored world (`resume`), after its model
 * is loaded again (`policy.use`): the saved runtime state replaces what `use` set up. Everything
 * is checked before anything changes, so a refused state leaves the simulation as it was.
 */
import { z } from 'zod'
import { err, ok, type Result } from '../../shared/result'
import { formatZodIssues } from '../../shared/zod-issues'
import type { ShardConfig } from '../config/shard-config-schema'
import { ConsoleRouter, type ConsoleRouterOptions } from '../console/console-router'
import { ConsoleRouterJsonSchema, type ConsoleRouterJson } from '../console/console-router-json'
import { IdempotencyCache } from '../console/idempotency-cache'
import type { PolicyRuntimeJson } from '../policy/runtime/policy-runtime-json'
import type { ConsoleOp } from '../sim/inputs'
import type { TelemetryHubJson } from '../telemetry/hub-json'
import { TelemetryHub } from '../telemetry/telemetry-hub'
import { parsePendingOps } from './pending-ops-json'
import type { Simulation } from './simulation'

export const RUNTIME_STATE_SCHEMA_VERSION = 1

export interface RuntimeStateJson {
  schema_version: typeof RUNTIME_STATE_SCHEMA_VERSION
  policy: PolicyRuntimeJson
  console: {
    /** Engine ops queued for the next tick (`Simulation.pendingOps`). */
    pending_ops: ConsoleOp[]
    /** null when the shard had no console router yet. */
    router: ConsoleRouterJson | null
  }
  /** null when no hub was given. */
  telemetry: TelemetryHubJson | null
}

const EnvelopeSchema = z
  .object({
    schema_version: z.literal(RUNTIME_STATE_SCHEMA_VERSION),
    policy: z.unknown(),
    console: z.object({ pending_ops: z.unknown(), router: z.unknown() }).strict(),
    telemetry: z.unknown()
  })
  .strict()

/**
 * The state beside `sim`'s world, at a tick boundary (a step in flight is a bug: the shard pauses
 * first, so its state is one whole tick's).
 */
export function captureRuntimeState(sim: Simulation, router?: ConsoleRouter, hub?: TelemetryHub): RuntimeStateJson {
  if (sim.stepInFlight) throw new Error('captureRuntimeState: a step is in flight; capture between steps (pause the shard first)')
  return {
    schema_version: RUNTIME_STATE_SCHEMA_VERSION,
    policy: sim.policy.toJSON(),
    console: { pending_ops: sim.pendingOps(), router: router?.toJSON() ?? null },
    telemetry: hub?.toJSON() ?? null
  }
}

export interface RestoreRuntimeOptions {
  /** For the restored router (its result listener, registry, policy control); its cache comes from the state. */
  router?: ConsoleRouterOptions
  /** The thresholds the restored hub runs under (default: the world's own config). */
  config?: ShardConfig
}

/** What `restoreRuntimeState` built for the caller to wire in (each only when the state had one). */
export interface RestoredRuntime {
  router?: ConsoleRouter
  hub?: TelemetryHub
}

/**
 * Restore `json` (`captureRuntimeState` output) into `sim`: its policy runtime and pending ops
 * are replaced, and a router (listening to `sim`) and a hub are built from their saved states.
 * Errors are `snapshot.invalid` with the JSON path of the first problems.
 */
export function restoreRuntimeState(sim: Simulation, json: unknown, options: RestoreRuntimeOptions = {}): Result<RestoredRuntime> {
  const envelope = EnvelopeSchema.safeParse(json)
  if (!envelope.success) return err('snapshot.invalid', `the runtime state is not valid: ${formatZodIssues(envelope.error.issues.slice(0, 5))}`)
  const data = envelope.data
  const ops = parsePendingOps(data.console.pending_ops, 'console.pending_ops')
  if (!ops.ok) return ops

  // The router's state is checked whole before a router exists: building one subscribes it to `sim`.
  if (data.console.router !== null) {
    const routerProblem = checkRouterState(data.console.router, ops.value)
    if (routerProblem) return routerProblem
  }
  let hub: TelemetryHub | undefined
  if (data.telemetry !== null) {
    const restored = TelemetryHub.fromJSON(options.config ?? sim.world.params.config, data.telemetry, 'telemetry')
    if (!restored.ok) return restored
    hub = restored.value
  }
  // Atomic on its own: a refused policy state changes nothing.
  const policy = sim.policy.restore(data.policy, 'policy')
  if (!policy.ok) return policy

  const pending = sim.restorePending(ops.value)
  if (!pending.ok) return pending
  let router: ConsoleRouter | undefined
  if (data.console.router !== null) {
    const restored = ConsoleRouter.fromJSON(sim, data.console.router, options.router, 'console.router')
    if (!restored.ok) return restored
    router = restored.value
  }
  return ok({ ...(router ? { router } : {}), ...(hub ? { hub } : {}) })
}

/**
 * The router's saved state is well formed (cmd_id cache included), and every engine command it
 * waits on is among the pending ops, or its final result would never come.
 */
function checkRouterState(json: unknown, ops: readonly ConsoleOp[]): Result<never> | null {
  const parsed = ConsoleRouterJsonSchema.safeParse(json)
  if (!parsed.success) return err('snapshot.invalid', `the console router's state is not valid: ${formatZodIssues(parsed.error.issues.slice(0, 5).map((i) => ({ ...i, path: ['console', 'router', ...i.path] })))}`)
  try {
    IdempotencyCache.fromJSON(parsed.data.idempotency)
  } catch (e) {
    const detail = e instanceof z.ZodError ? formatZodIssues(e.issues.slice(0, 5).map((i) => ({ ...i, path: ['console', 'router', 'idempotency', ...i.path] }))) : String(e).slice(0, 200)
    return err('snapshot.invalid', `the console router's cmd_id cache is not valid: ${detail}`)
  }
  const queued = new Set(ops.map((op) => op.cmd_id))
  const k = parsed.data.pending.findIndex((p) => !queued.has(p.cmd_id))
  if (k >= 0) return err('snapshot.invalid', `console.router.pending.${k}: command "${parsed.data.pending[k]!.cmd_id}" waits for its tick but no pending op carries its cmd_id`)
  return null
}
