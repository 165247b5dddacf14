/**
 * The single path every operator command takes inside the shard, in this order:
 *
 *   alias (resolved to its command's name) → unknown command → role (before the arguments: a
 *   viewer learns nothing about an admin command's arguments) → cmd_id (well formed; required for destructive commands) → size limits
 *   → idempotency (a known cmd_id answers from the cache, or is refused if it named another
 *   command) → argument schema → run.
 *
 * cmd_ids live per namespace (see idempotency-cache.ts): `admin` for every admin session
 * together, `viewer:<issuer>` for each viewer session, so nothing a viewer sends can evict,
 * claim or answer for an admin's id. Commands still pending (queued, not yet final) are keyed the
 * same way. Only admins queue engine operations (a viewer's command that asks for one is refused,
 * whatever its registration says), so the cmd_ids the engine sees are the admin namespace's own,
 * unchanged: the input log keeps the ids the operator chose, and engine results match them
 * without ambiguity. Generated `auto-N` ids are unique across namespaces.
 *
 * `run` answers at once (read-only), refuses, or hands back an engine operation: that is queued
 * on the simulation for the next tick boundary, answered `queued` with the tick it applies at,
 * and finalised from the engine's own `console.result` event of that tick (matched by cmd_id),
 * which goes to `onResult`. Every queued command gets exactly one final result: from its tick, or
 * from `abandon` when the world it was meant for goes away. Never throws.
 */
import { z } from 'zod'
import { CmdIdSchema, type ConsoleResult } from '../../shared/contract/dto/console'
import { err, ok, type Result } from '../../shared/result'
import { formatZodIssues } from '../../shared/zod-issues'
import { didYouMean } from '../../shared/did-you-mean'
import type { ErrorCode } from '../../shared/error-codes'
import { canonicalJson } from '../sim/hash/canonical-json'
import type { ConsoleOp } from '../sim/inputs'
import type { JsonValue, SimEvent, World } from '../sim/state/world'
import { describeArgIssues } from './args-errors'
import { argsLimitProblem } from './args-limits'
import { defaultCommandRegistry, type CommandRegistry } from './command-registry'
import type { ConsoleEnvelope } from './envelope'
import type { PolicyControl, SnapshotControl, TelemetryReadout } from './command'
import { ADMIN_NAMESPACE, IdempotencyCache, namespaceOf, type CmdIssuer } from './idempotency-cache'
import { CONSOLE_ROUTER_SCHEMA_VERSION, ConsoleRouterJsonSchema, type ConsoleRouterJson, type PendingCommandJson } from './console-router-json'

/** What the router needs of the simulation (Simulation provides it). */
export interface ConsoleTarget {
  readonly world: World
  enqueue(op: ConsoleOp): void
  /** Listen to every tick's events; returns the unsubscribe. */
  onTick(listener: (events: readonly SimEvent[]) => void): () => void
}

export interface ConsoleRouterOptions {
  registry?: CommandRegistry
  /** Final results of queued commands, once their tick has run (or they were abandoned). */
  onResult?: (result: ConsoleResult) => void
  cache?: IdempotencyCache
  /** The policy runtime, for policy_status and policy_swap. */
  policy?: PolicyControl
  /** The shard's snapshots, for the snapshot_* commands and telemetry_snapshot's last_snapshot. */
  snapshots?: SnapshotControl
  /** The telemetry stream's transport status, for telemetry_snapshot (null: no transports). */
  transport?: () => JsonValue | null
  /** The hub's stability and conflict caches and the loop's figures, for telemetry_snapshot, conflict_status and health_status. */
  telemetry?: TelemetryReadout
}

/** Generated ids for commands sent without one; clients may not use the prefix. */
export const AUTO_ID_PREFIX = 'auto-'

interface PendingCommand {
  result: ConsoleResult
  /** Whether the client named the cmd_id (then the cache holds it too). */
  cached: boolean
  key: string
  /** Whose namespace the id lives in (for settling the cache). */
  who: CmdIssuer
  /** An engine operation waiting for its tick (the rest wait on the host and are not saved). */
  engine: boolean
  /** Host-side work still settling in a router this one replaced (see `handOver`): final there, cached here. */
  mirror?: boolean
}

/** The pending map's key: a cmd_id within its namespace (a cmd_id never holds a newline). */
const pendingKey = (namespace: string, cmdId: string) => `${namespace}\n${cmdId}`

export class ConsoleRouter {
  private readonly registry: CommandRegistry
  private readonly cache: IdempotencyCache
  /** By `pendingKey`. */
  private readonly pending = new Map<string, PendingCommand>()
  private autoIds = 0
  private readonly unsubscribe: () => void
  /** The router that took over from this one (a snapshot load): host-side work settling here is cached there too. */
  private successor: ConsoleRouter | undefined

  constructor(
    readonly simulation: ConsoleTarget,
    private readonly options: ConsoleRouterOptions = {}
  ) {
    this.registry = options.registry ?? defaultCommandRegistry()
    this.cache = options.cache ?? new IdempotencyCache()
    this.unsubscribe = simulation.onTick((events) => this.observe(events))
  }

  /** Commands queued and not yet applied. */
  get pendingCount(): number {
    return this.pending.size
  }

  /** The idempotency cache, for snapshots (`toJSON`). */
  get idempotency(): IdempotencyCache {
    return this.cache
  }

  submit(sent: ConsoleEnvelope): ConsoleResult {
    // An alias (an older spelling) becomes its command's own name first: from here on it is that command.
    const own = this.registry.resolve(sent.name)
    const envelope = own !== undefined && own !== sent.name ? { ...sent, name: own } : sent
    const cmdId = envelope.cmd_id ?? `${AUTO_ID_PREFIX}${++this.autoIds}`
    try {
      return this.route(envelope, cmdId)
    } catch (e) {
      // A command's run threw: a bug, not bad input. It changed nothing (run only reads).
      const message = e instanceof Error ? e.message : String(e)
      return this.answer(envelope, cmdId, { status: 'error', error: { code: 'internal.error', message: `"${envelope.name}" failed inside the shard: ${message}. Nothing was changed; please report this` } })
    }
  }

  private route(envelope: ConsoleEnvelope, cmdId: string): ConsoleResult {
    const { name } = envelope
    const refuse = (code: ErrorCode, message: string) => this.answer(envelope, cmdId, { status: 'error', error: { code, message } })

    const command = this.registry.get(name)
    if (!command) {
      const hint = didYouMean(name, this.registry.names())
      return refuse('console.unknown_command', `unknown command "${name}"${hint ? `: did you mean "${hint}"?` : ''} (list every command with help)`)
    }
    if (command.role === 'admin' && envelope.role !== 'admin') {
      return refuse('console.forbidden', `"${name}" needs the admin role and this session is a ${envelope.role}: present the admin token (console.auth) first`)
    }
    if (envelope.cmd_id !== undefined) {
      const idProblem = cmdIdProblem(envelope.cmd_id)
      if (idProblem) return refuse('console.invalid_args', idProblem)
    } else if (command.destructive) {
      return refuse('console.cmd_id_required', `"${name}" is destructive, so it needs a cmd_id (e.g. "${name}-1"): a retry with the same cmd_id is then answered from the first result instead of applying twice`)
    }
    const args = envelope.args ?? {}
    const tooBig = argsLimitProblem(args)
    if (tooBig) return refuse('console.invalid_args', `${name}: ${tooBig}`)

    const key = `${name}\n${canonicalJson(args)}`
    if (envelope.cmd_id !== undefined) {
      const seen = this.pending.get(pendingKey(namespaceOf(envelope), cmdId)) ?? this.cache.get(envelope, cmdId)
      if (seen) {
        if (seen.key !== key) {
          return refuse('console.cmd_id_conflict', `cmd_id "${cmdId}" was already used for a different command or arguments (same id, different command): use a new cmd_id for a new command`)
        }
        return { ...seen.result, issuer: envelope.issuer, role: envelope.role, replayed: true }
      }
    }

    const parsed = command.args.safeParse(args)
    if (!parsed.success) return refuse('console.invalid_args', describeArgIssues(name, command.args, parsed.error.issues, args))
    const { policy, snapshots, transport, telemetry } = this.options
    const outcome = command.run({ world: this.world, catalog: this.registry, ...(policy ? { policy } : {}), ...(snapshots ? { snapshots } : {}), ...(transport ? { transport } : {}), ...(telemetry ? { telemetry } : {}) }, parsed.data)
    const who: CmdIssuer = { role: envelope.role, issuer: envelope.issuer }
    switch (outcome.kind) {
      case 'error':
        return refuse(outcome.code, outcome.message)
      case 'now':
        return this.remember(cmdId, key, envelope, this.answer(envelope, cmdId, { status: 'ok', result: outcome.value }))
      case 'op': {
        // Viewer reads, admin changes: held here too, not only by each command's registration.
        if (envelope.role !== 'admin') return refuse('console.forbidden', `"${name}" would change the world, which needs the admin role, and this session is a ${envelope.role}: nothing was queued (a read-only command asking for a change is a bug; please report it)`)
        this.simulation.enqueue({ ...outcome.op, cmd_id: cmdId })
        // The engine advances the tick, then applies console inputs first: they land at tick + 1.
        const queued = this.answer(envelope, cmdId, { status: 'queued', tick: this.world.state.tick + 1 })
        this.pending.set(pendingKey(ADMIN_NAMESPACE, cmdId), { result: queued, cached: envelope.cmd_id !== undefined, key, who, engine: true })
        return this.remember(cmdId, key, envelope, queued)
      }
      case 'later': {
        const queued = this.answer(envelope, cmdId, { status: 'queued' })
        const cached = envelope.cmd_id !== undefined
        const pendingAt = pendingKey(namespaceOf(who), cmdId)
        this.pending.set(pendingAt, { result: queued, cached, key, who, engine: false })
        void outcome.result
          .catch((e: unknown) => ({ ok: false as const, error: { code: 'internal.error' as const, message: e instanceof Error ? e.message : String(e) } }))
          .then((settled) => {
            // Abandoned meanwhile (a new config): that already gave the final result.
            if (!this.pending.delete(pendingAt)) return
            const final: ConsoleResult = {
              ...queued,
              tick: this.world.state.tick,
              ...(settled.ok ? { status: 'ok', result: settled.value } : { status: 'error', error: { code: settled.error.code, message: settled.error.message } })
            }
            if (cached) this.cache.settle(who, cmdId, final)
            this.successor?.settleMirror(pendingAt, final)
            this.options.onResult?.(final)
          })
        return this.remember(cmdId, key, envelope, queued)
      }
    }
  }

  /**
   * Match this tick's `console.result` events to queued commands and hand out their final
   * results, in the order the engine applied them. Only admins queue engine operations, so the
   * engine's cmd_ids are the admin namespace's.
   */
  observe(events: readonly SimEvent[]): void {
    for (const event of events) {
      if (event.type !== 'console.result' || typeof event.cmd_id !== 'string') continue
      const at = pendingKey(ADMIN_NAMESPACE, event.cmd_id)
      const pending = this.pending.get(at)
      if (!pending) continue
      this.pending.delete(at)
      const ok = event.status === 'ok'
      const final: ConsoleResult = {
        ...pending.result,
        status: ok ? 'ok' : 'error',
        tick: event.tick,
        replayed: false,
        ...(ok
          ? { result: (event.result ?? {}) as JsonValue }
          : { error: { code: String(event.code ?? 'internal.error'), message: String(event.message ?? 'the engine refused the operation') } })
      }
      if (pending.cached) this.cache.settle(pending.who, event.cmd_id, final)
      this.options.onResult?.(final)
    }
  }

  /**
   * The world these commands were meant for is going away (a new config, the end of a run):
   * each queued command gets its final result now, an error saying it never applied.
   * `engineOnly` (a snapshot load): only the engine ops do; host-side work still under way (the
   * snapshot_load that replaced the world, a policy swap) settles with its own result.
   */
  abandon(reason: string, options: { engineOnly?: boolean } = {}): void {
    this.unsubscribe()
    const tick = this.world.state.tick
    for (const [at, pending] of this.pending) {
      if (options.engineOnly === true && !pending.engine) continue
      this.pending.delete(at)
      // A mirror's final result comes from the router it mirrors.
      if (pending.mirror === true) continue
      this.options.onResult?.({
        ...pending.result,
        status: 'error',
        tick,
        replayed: false,
        error: { code: 'console.conflict', message: `"${pending.result.name}" never applied: ${reason}. Check the town and send it again if it is still wanted` }
      })
    }
  }

  /**
   * `next` serves the world from now on (a loaded snapshot's restored router), while host-side
   * work this router queued (the snapshot_load itself) still settles here: `next` holds it as
   * pending, so a retry with its cmd_id replays instead of running twice, and caches its final
   * result when it comes. Call after `abandon(…, {engineOnly: true})`.
   */
  handOver(next: ConsoleRouter): void {
    for (const [at, pending] of this.pending) if (!pending.engine) next.pending.set(at, { ...pending, mirror: true })
    this.successor = next
  }

  private settleMirror(at: string, final: ConsoleResult): void {
    const pending = this.pending.get(at)
    if (pending?.mirror === true) {
      this.pending.delete(at)
      if (pending.cached) this.cache.set(pending.who, final.cmd_id, { key: pending.key, result: final })
    }
    this.successor?.settleMirror(at, final)
  }

  /** What a snapshot carries (see console-router-json.ts: the admin namespace and the engine commands awaiting their tick). */
  toJSON(): ConsoleRouterJson {
    const pending: PendingCommandJson[] = []
    for (const p of this.pending.values()) if (p.engine) pending.push({ cmd_id: p.result.cmd_id, key: p.key, result: structuredClone(p.result), cached: p.cached })
    return { schema_version: CONSOLE_ROUTER_SCHEMA_VERSION, auto_ids: this.autoIds, idempotency: { ...this.cache.toJSON(), viewers: [] }, pending }
  }

  /**
   * A router for `simulation` (restored from the same snapshot, its pending ops included) from
   * `toJSON()` output, checked first; `options.cache` is ignored (the saved one is used).
   */
  static fromJSON(simulation: ConsoleTarget, json: unknown, options: ConsoleRouterOptions = {}, at = 'console.router'): Result<ConsoleRouter> {
    const parsed = ConsoleRouterJsonSchema.safeParse(json)
    if (!parsed.success) return err('snapshot.invalid', `the console router's state is not valid: ${formatZodIssues(parsed.error.issues.slice(0, 5).map((i) => ({ ...i, path: [at, ...i.path] })))}`)
    let cache: IdempotencyCache
    try {
      cache = IdempotencyCache.fromJSON(parsed.data.idempotency)
    } catch (e) {
      const issues = e instanceof z.ZodError ? formatZodIssues(e.issues.slice(0, 5).map((i) => ({ ...i, path: [at, 'idempotency', ...i.path] }))) : String(e)
      return err('snapshot.invalid', `the console router's cmd_id cache is not valid: ${issues}`)
    }
    const router = new ConsoleRouter(simulation, { ...options, cache })
    router.autoIds = parsed.data.auto_ids
    for (const p of parsed.data.pending) {
      const result = p.result as ConsoleResult
      router.pending.set(pendingKey(ADMIN_NAMESPACE, p.cmd_id), { result, cached: p.cached, key: p.key, who: { role: 'admin', issuer: result.issuer }, engine: true })
    }
    return ok(router)
  }

  private get world(): World {
    return this.simulation.world
  }

  private answer(envelope: ConsoleEnvelope, cmdId: string, outcome: Partial<ConsoleResult> & Pick<ConsoleResult, 'status'>): ConsoleResult {
    return { cmd_id: cmdId, name: envelope.name, tick: this.world.state.tick, issuer: envelope.issuer, role: envelope.role, replayed: false, ...outcome }
  }

  /** Cache what a client-named command answered; generated ids cannot be replayed, so they are not kept. */
  private remember(cmdId: string, key: string, envelope: ConsoleEnvelope, result: ConsoleResult): ConsoleResult {
    if (envelope.cmd_id !== undefined) this.cache.set(envelope, cmdId, { key, result })
    return result
  }
}

function cmdIdProblem(cmdId: string): string | undefined {
  const parsed = CmdIdSchema.safeParse(cmdId)
  if (!parsed.success) return `cmd_id "${cmdId.slice(0, 40)}" is not valid: use 1 to 128 letters, digits and _ . : -`
  if (cmdId.startsWith(AUTO_ID_PREFIX)) return `cmd_id "${cmdId}" starts with "${AUTO_ID_PREFIX}", which is kept for ids the console generates: choose another`
  return undefined
}
