/**
 * Rebuilding a past state from a keyframe and the input log, two ways:
 *  - `scratchWorld` + `replayWorld`: the engine alone, `tick(world, logged inputs)`. The world only
 *    changes through ticks, so this reproduces every state exactly without the policy (a model
 *    need not be loaded to look at the past) and without touching the live world: the scratch
 *    world is built whole from the keyframe's copy (restoreWorld shares only the immutable
 *    parameters and registry).
 *  - `simulationAt`: a Simulation stepped through its policy with the logged console ops, for a
 *    fork that must carry on live: the policy runtime's own state (commitments, history,
 *    observation builder) is rebuilt too. Each tick's inputs are checked against the log, so a
 *    policy that decides differently on replay is caught at the first tick it does.
 */
import { err, ok, type Result } from '../../../shared/result'
import type { LoadedConfig } from '../../config/load-config'
import type { InputLogEntry } from '../../sim/input-log'
import type { TickInputs } from '../../sim/inputs'
import { restoreWorld } from '../../sim/snapshot/restore-world'
import type { SimEvent, World } from '../../sim/state/world'
import { tick } from '../../sim/tick'
import { Simulation } from '../simulation'
import { entryInputs, type TimelineInputLog } from './input-log'
import { decodeKeyframe, type Keyframe, type KeyframeState } from './keyframe'

/** A world rebuilt at a keyframe, and that tick's events. */
export interface Scratch {
  world: World
  /** The engine's events of the world's last tick. */
  lastEvents: SimEvent[]
}

/**
 * The keyframe's world, built beside `live` (same config: its parameters, map and static object
 * layout) under the registry the keyframe was taken with.
 */
export function scratchWorld(live: World, keyframe: Keyframe, state: KeyframeState = decodeKeyframe(keyframe)): Result<Scratch> {
  const restored = restoreWorld({ ...live, registry: keyframe.registry }, state.world)
  if (!restored.ok) return err('timeline.diverged', `keyframe at tick ${keyframe.tick} does not restore: ${restored.problems.slice(0, 3).join('; ')}`)
  return ok({ world: restored.world, lastEvents: state.last_events })
}

/** Advance `scratch` to `to` with the logged inputs; `onTick` sees each tick's engine events. */
export function replayWorld(scratch: Scratch, log: TimelineInputLog, to: number, onTick?: (tickNumber: number, events: SimEvent[]) => void): void {
  const entries = log.between(scratch.world.state.tick, to)
  let next = 0
  while (scratch.world.state.tick < to) {
    const t = scratch.world.state.tick + 1
    const entry = entries[next]?.tick === t ? entries[next++] : undefined
    scratch.lastEvents = tick(scratch.world, entryInputs(entry))
    onTick?.(t, scratch.lastEvents)
  }
}

/** The inputs of a Simulation's last tick as the timeline logs them (null: a quiet tick). */
export function lastInputs(sim: Simulation): TickInputs | null {
  const list = sim.log.list()
  const last: InputLogEntry | undefined = list[list.length - 1]
  if (!last || last.tick !== sim.world.state.tick) return null
  // Rebuilt field by field, in one order, so the live log and a replay's check write the same text.
  return last.policy_rng === undefined ? { decisions: last.decisions, console: last.console } : { decisions: last.decisions, console: last.console, policy_rng: last.policy_rng }
}

export interface SimulationAtOptions {
  /** Make the new simulation's policy the one that ran then (load its model); before its state is restored. */
  prepare?: (sim: Simulation, policyHash: string | null) => Promise<Result<void>> | Result<void>
  logLimit?: number
  /** At the keyframe's own tick, restore the console ops it had queued (reopening a parked branch). */
  withPending?: boolean
}

/**
 * A Simulation at `to`, from `keyframe` (at or before it) and the logged inputs after it. At the
 * keyframe's own tick with `withPending`, its queued console ops (a parked tip's) are restored too.
 */
export async function simulationAt(loaded: LoadedConfig, live: World, keyframe: Keyframe, log: TimelineInputLog, to: number, options: SimulationAtOptions = {}): Promise<Result<Simulation>> {
  const state = decodeKeyframe(keyframe)
  const scratch = scratchWorld(live, keyframe, state)
  if (!scratch.ok) return scratch
  const sim = new Simulation(loaded, { resume: { world: scratch.value.world, lastEvents: state.last_events }, ...(options.logLimit === undefined ? {} : { logLimit: options.logLimit }) })
  if (options.prepare) {
    const prepared = await options.prepare(sim, keyframe.policyHash)
    if (!prepared.ok) return prepared
  }
  const policy = sim.policy.restore(state.policy, 'policy')
  if (!policy.ok) return err('timeline.diverged', `keyframe at tick ${keyframe.tick}: ${policy.error.message}`)
  if (to === keyframe.tick && options.withPending) {
    const pending = sim.restorePending(state.pending_ops)
    if (!pending.ok) return err('timeline.diverged', `keyframe at tick ${keyframe.tick}: ${pending.error.message}`)
    return ok(sim)
  }
  let k = keyframe.tick
  while (k < to) {
    k++
    const logged = log.at(k)
    for (const op of entryInputs(logged).console) sim.enqueue(op)
    if (sim.policy.async) await sim.stepAsync()
    else sim.step()
    const again = lastInputs(sim)
    const text = JSON.stringify(again ?? { decisions: [], console: [] })
    const want = logged?.text ?? JSON.stringify({ decisions: [], console: [] })
    if (text !== want) {
      sim.dispose()
      return err('timeline.diverged', `replaying to tick ${to}: the policy decided tick ${k} differently than the recorded run (was the model at that tick loaded?)`)
    }
  }
  return ok(sim)
}
