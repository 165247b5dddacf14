/**
 * The simulation as the shard runs it: the world, the policy that decides between ticks, the
 * console operations waiting for the next tick boundary, and the input log. One `step()` is:
 * decide (policy, from the state after the last tick) → tick (engine) → record (input log).
 */
import type { LoadedConfig } from '../config/load-config'
import { decideScripted } from '../policy/scripted/scripted-controller'
import { compileRegistry, type AffordanceRegistry } from '../sim/affordances/registry'
import type { AffordanceManifest } from '../sim/affordances/manifest-schema'
import { InputLog } from '../sim/input-log'
import type { ConsoleOp, Decision } from '../sim/inputs'
import type { SimEvent, World } from '../sim/state/world'
import { tick } from '../sim/tick'
import { createWorld } from '../sim/town/create-world'
import { remapRunning } from '../sim/affordances/swap-registry'

export interface SimulationOptions {
  /** Called with every tick's events (each listed once). */
  onEvents?: (events: SimEvent[]) => void
  /** Ticks of inputs kept in memory (default: all). */
  logLimit?: number
}

/** A listener to every tick: its events (each once) and the policy's decisions for it. */
export type TickListener = (events: readonly SimEvent[], decisions: readonly Decision[]) => void

export class Simulation {
  readonly world: World
  readonly log: InputLog
  private pending: ConsoleOp[] = []
  private readonly tickListeners = new Set<TickListener>()

  constructor(
    loaded: LoadedConfig,
    private readonly options: SimulationOptions = {}
  ) {
    const registry = compileOrThrow(loaded.affordances.manifest)
    const created = createWorld(loaded.config, registry)
    // The loader built this world once already, so a failure here is a bug, not bad input.
    if (!created.ok) throw new Error(`config ${loaded.summary.config_id} passed loading but its town does not build: ${created.problems.map((p) => p.message).join('; ')}`)
    this.world = created.world
    this.log = new InputLog(options.logLimit)
  }

  /** Queue a console operation for the next tick boundary. */
  enqueue(op: ConsoleOp): void {
    this.pending.push(op)
  }

  step(): SimEvent[] {
    const decisions = decideScripted(this.world)
    const inputs = { decisions, console: this.pending }
    this.pending = []
    const events = tick(this.world, inputs)
    this.log.record(this.world.state.tick, inputs)
    if (events.length > 0) this.options.onEvents?.(events)
    for (const listener of this.tickListeners) listener(events, decisions)
    return events
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
