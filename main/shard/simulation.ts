/**
 * The simulation as the shard runs it: the world, the policy that decides between ticks, the
 * console operations waiting for the next tick boundary, and the input log. One step is:
 * decide (policy, from the state after the last tick) → tick (engine) → record (input log).
 * With the scripted controller a step is synchronous (`step`); a model makes deciding
 * asynchronous (`stepAsync`, one inference per tick).
 */
import type { LoadedConfig } from '../config/load-config'
import { PolicyRuntime, type PolicyDecisions } from '../policy/runtime/policy-runtime'
import { OPTION_INDEX } from '../sim/state/agent-store'
import { compileRegistry, type AffordanceRegistry } from '../sim/affordances/registry'
import type { AffordanceManifest } from '../sim/affordances/manifest-schema'
import { InputLog } from '../sim/input-log'
import type { ConsoleOp, Decision } from '../sim/inputs'
import type { SimEvent, World } from '../sim/state/world'
import { tick } from '../sim/tick'
import { createWorld } from '../sim/town/create-world'
import { remapRunning } from '../sim/affordances/swap-registry'
import { err, ok, type Result } from '../../shared/result'
import { parsePendingOps } from './pending-ops-json'
import { TickTiming } from './tick-timing'

export interface SimulationOptions {
  /** Called with every tick's events (each listed once). */
  onEvents?: (events: SimEvent[]) => void
  /** Ticks of inputs kept in memory (default: all). */
  logLimit?: number
  /**
   * Resume this world (restored from a snapshot by `restoreWorld`, built from the same config)
   * instead of building the town afresh; `lastEvents` are the events of its last tick, which the
   * policy reads when it decides the next one.
   */
  resume?: { world: World; lastEvents?: readonly SimEvent[] }
}

/** A listener to every tick: its events (each once) and the policy's decisions for it. */
export type TickListener = (events: readonly SimEvent[], decisions: readonly Decision[]) => void

export class Simulation {
  readonly world: World
  readonly log: InputLog
  readonly policy: PolicyRuntime
  /** Wall-clock cost of the recent ticks (the engine tick and its listeners), for health_status. */
  readonly timing = new TickTiming()
  private pending: ConsoleOp[] = []
  private readonly tickListeners = new Set<TickListener>()
  private lastEvents: readonly SimEvent[] = []
  private disposed = false
  /** Steps run one after another, whoever asks: each decides on the state the previous one left. */
  private queue: Promise<unknown> = Promise.resolve()
  private inflight = 0

  constructor(
    loaded: LoadedConfig,
    private readonly options: SimulationOptions = {}
  ) {
    if (options.resume) {
      this.world = options.resume.world
      this.lastEvents = options.resume.lastEvents ?? []
    } else {
      const registry = compileOrThrow(loaded.affordances.manifest)
      const created = createWorld(loaded.config, registry)
      // The loader built this world once already, so a failure here is a bug, not bad input.
      if (!created.ok) throw new Error(`config ${loaded.summary.config_id} passed loading but its town does not build: ${created.problems.map((p) => p.message).join('; ')}`)
      this.world = created.world
    }
    this.log = new InputLog(options.logLimit)
    this.policy = new PolicyRuntime(this.world)
  }

  /** The events of the last tick (the policy reads them to decide the next): snapshots carry them. */
  get lastTickEvents(): readonly SimEvent[] {
    return this.lastEvents
  }

  /** This simulation is being replaced: a step still waiting for its model applies nothing. */
  dispose(): void {
    this.disposed = true
  }

  /** Queue a console operation for the next tick boundary. */
  enqueue(op: ConsoleOp): void {
    this.pending.push(op)
  }

  /** Whether a step is deciding or ticking now: state read meanwhile is half a step's (snapshots wait). */
  get stepInFlight(): boolean {
    return this.inflight > 0
  }

  /** The console operations queued for the next tick, as JSON (a copy: snapshots carry them). */
  pendingOps(): ConsoleOp[] {
    return structuredClone(this.pending)
  }

  /**
   * Replace the queue with saved operations (a snapshot's `pendingOps()`), checked against the
   * ConsoleOp schema first; on an error the queue stays as it was. For a simulation that has not
   * stepped yet: ops queued meanwhile would be dropped.
   */
  restorePending(json: unknown): Result<void> {
    const parsed = parsePendingOps(json)
    if (!parsed.ok) return err(parsed.error.code, parsed.error.message, parsed.error.details)
    this.pending = parsed.value
    return ok(undefined)
  }

  /** One tick with a synchronous policy (the scripted controller); see `stepAsync` for a model. */
  step(): SimEvent[] {
    if (this.inflight > 0) throw new Error('an asynchronous step is still running: call stepAsync() to queue behind it')
    const decided = this.policy.decide(this.lastEvents)
    if (decided instanceof Promise) throw new Error('this simulation runs a model, whose decisions arrive asynchronously: call stepAsync()')
    return this.advance(decided)
  }

  /**
   * One tick with any policy; resolves to the tick's events ([] if the simulation was disposed
   * meanwhile). Calls queue: while a model scores one tick, another caller (the clock, a step
   * request) waits instead of deciding on the same state.
   */
  stepAsync(): Promise<SimEvent[]> {
    this.inflight++
    const run = this.queue.then(async () => {
      try {
        const decided = await this.policy.decide(this.lastEvents)
        return this.disposed ? [] : this.advance(decided)
      } finally {
        this.inflight--
      }
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  private advance({ decisions, policyRng }: PolicyDecisions): SimEvent[] {
    const started = performance.now()
    // Console ops that arrived while the model ran go into this tick too: they are inputs like any other.
    const inputs = policyRng ? { decisions, console: this.pending, policy_rng: policyRng } : { decisions, console: this.pending }
    this.pending = []
    const runtimeEvents = this.policy.drainEvents()
    const tickEvents = tick(this.world, inputs)
    this.log.record(this.world.state.tick, inputs)
    const events = runtimeEvents.length === 0 ? tickEvents : [...runtimeEvents.map((e): SimEvent => ({ ...e, tick: this.world.state.tick })), ...tickEvents]
    this.noteOperatorActs(inputs.console, tickEvents)
    this.lastEvents = tickEvents
    if (events.length > 0) this.options.onEvents?.(events)
    for (const listener of this.tickListeners) listener(events, decisions)
    this.timing.record(performance.now() - started)
    return events
  }

  /** Operator actions on possessed agents that the engine applied: the decision trace names the operator. */
  private noteOperatorActs(ops: readonly ConsoleOp[], events: readonly SimEvent[]): void {
    for (const op of ops) {
      if (op.op !== 'operator_act') continue
      const applied = events.some((e) => e.type === 'console.result' && e.cmd_id === op.cmd_id && e.status === 'ok')
      if (applied) this.policy.noteOperator(op.agent, OPTION_INDEX[op.option], this.world.state.tick - 1)
    }
  }

  /**
   * Listen to every tick's events and the decisions that went into it (the console router
   * finalises its queued commands here; telemetry watches the town); returns the unsubscribe.
   */
  onTick(listener: TickListener): () => void {
    this.tickListeners.add(listener)
    return () => this.tickListeners.delete(listener)
  }

  /** Swap in a new affordance registry; running affordances carry on under their new definitions. */
  swapRegistry(registry: AffordanceRegistry): void {
    remapRunning(this.world, registry)
    this.world.registry = registry
  }
}

export function compileOrThrow(manifest: AffordanceManifest): AffordanceRegistry {
  const compiled = compileRegistry(manifest)
  if (!compiled.ok) throw new Error(`the affordance registry passed loading but does not compile: ${compiled.problems.map((p) => p.message).join('; ')}`)
  return compiled.registry
}
