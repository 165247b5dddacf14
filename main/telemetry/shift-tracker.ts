/**
 * Counts shift starts: an employed agent whose shift state moves from off/await to a working
 * state (on time, late or absent) this tick. The job system emits no event for it, so the tracker
 * remembers each slot's state from the last tick.
 */
import { Shift } from '../sim/state/agent-store'
import type { World } from '../sim/state/world'
import { columnFromJson, columnToJson, withRoom } from './int-columns'

const working = (s: number) => s === Shift.on_time || s === Shift.late || s === Shift.absent

export class ShiftTracker {
  /** Per slot: the shift state at the end of the last tick (Shift.off = 0 for new slots). */
  private prev: Int32Array = new Int32Array(0)
  private slots = 0

  /** Shift starts this tick; call once per tick. */
  observe(world: World): number {
    const { agents } = world.state
    const { shift, alive } = agents.cols
    const prev = (this.prev = withRoom(this.prev, agents.count))
    this.slots = agents.count
    let starts = 0
    for (let i = 0; i < agents.count; i++) {
      const now = alive[i] === 1 ? shift[i]! : Shift.off
      if (now !== prev[i]) {
        if (working(now) && !working(prev[i]!)) starts++
        prev[i] = now
      }
    }
    return starts
  }

  toJSON(): number[] {
    return columnToJson(this.prev, this.slots)
  }

  static fromJSON(json: number[]): ShiftTracker {
    const t = new ShiftTracker()
    t.prev = columnFromJson(json)
    t.slots = json.length
    return t
  }
}
