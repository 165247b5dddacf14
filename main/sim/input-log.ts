/**
 * The input log: every tick's inputs (the policy's decisions and console operations), in order.
 * With the initial world it replays a run exactly, without the policy that made the decisions.
 */
import type { TickInputs } from './inputs'
import type { World } from './state/world'
import { tick } from './tick'

export interface InputLogEntry extends TickInputs {
  tick: number
}

export class InputLog {
  private entries: InputLogEntry[] = []
  /** Ticks dropped from the front to stay within `limit` (a snapshot will carry what was cut). */
  dropped = 0

  constructor(private readonly limit = Infinity) {}

  record(tickNumber: number, inputs: TickInputs): void {
    // Quiet ticks are the common case at scale; keep only ticks that had inputs. A tick whose
    // only input is the policy stream (the controller drew, decided nothing) is not quiet.
    if (inputs.decisions.length === 0 && inputs.console.length === 0 && inputs.policy_rng === undefined) return
    const entry: InputLogEntry = { tick: tickNumber, decisions: inputs.decisions, console: inputs.console }
    if (inputs.policy_rng !== undefined) entry.policy_rng = inputs.policy_rng
    this.entries.push(entry)
    if (this.entries.length > this.limit) {
      this.entries.shift()
      this.dropped++
    }
  }

  list(): readonly InputLogEntry[] {
    return this.entries
  }
}

/** Advance `world` to `toTick` applying the logged inputs, and no others, at their ticks. */
export function replay(world: World, log: readonly InputLogEntry[], toTick: number): void {
  let next = 0
  while (next < log.length && log[next]!.tick <= world.state.tick) next++
  while (world.state.tick < toTick) {
    const entry = log[next]
    if (entry && entry.tick === world.state.tick + 1) {
      tick(world, entry)
      next++
    } else tick(world, { decisions: [], console: [] })
  }
}
