/**
 * The timeline's input log: what each tick was given besides the state (the policy's decisions,
 * the console ops applied at its boundary, the policy stream when the controller drew from it),
 * so a replay from a keyframe needs neither the policy nor the console. The world only changes
 * through `tick(world, inputs)`, so these inputs and a keyframe decide every later state.
 *
 * Entries are stored as JSON text: the live objects can never be changed under the log, the bytes
 * are counted exactly, and a branch can share an entry with its parent by reference. Quiet ticks
 * (no input, no runtime event) are not stored. The log is bounded by the timeline's byte budget:
 * entries at or before a branch's earliest keyframe are useless and are dropped with it.
 */
import type { TickInputs } from '../../sim/inputs'

export interface InputEntry {
  readonly tick: number
  /** JSON of the tick's `TickInputs`. */
  readonly text: string
  /** Events the policy runtime raised into this tick (not the engine's: a replay cannot make them), by type. */
  readonly runtime: Readonly<Record<string, number>> | null
  readonly bytes: number
}

/** Fixed cost counted per entry beyond its text (the object, its fields). */
const ENTRY_OVERHEAD = 64

export function inputEntry(tick: number, inputs: TickInputs | null, runtime: Record<string, number> | null): InputEntry {
  const text = JSON.stringify(inputs ?? { decisions: [], console: [] })
  const runtimeBytes = runtime ? JSON.stringify(runtime).length : 0
  return { tick, text, runtime, bytes: text.length + runtimeBytes + ENTRY_OVERHEAD }
}

export class TimelineInputLog {
  private entries: InputEntry[] = []

  constructor(entries: readonly InputEntry[] = []) {
    this.entries = [...entries]
  }

  /** Ticks arrive in order: a tick at or before the last one is a bug in the caller. */
  add(entry: InputEntry): void {
    const last = this.entries[this.entries.length - 1]
    if (last && entry.tick <= last.tick) throw new Error(`input log: tick ${entry.tick} after tick ${last.tick}`)
    this.entries.push(entry)
  }

  get count(): number {
    return this.entries.length
  }

  all(): readonly InputEntry[] {
    return this.entries
  }

  /** The entry of `tick`, if that tick had inputs. */
  at(tick: number): InputEntry | undefined {
    const i = this.indexFrom(tick)
    const e = this.entries[i]
    return e && e.tick === tick ? e : undefined
  }

  /** Entries with from < tick ≤ to, in order. */
  between(from: number, to: number): InputEntry[] {
    const out: InputEntry[] = []
    for (let i = this.indexFrom(from + 1); i < this.entries.length && this.entries[i]!.tick <= to; i++) out.push(this.entries[i]!)
    return out
  }

  /** Drop entries at or before `tick` (a keyframe at `tick` or later now starts every replay); returns them. */
  dropThrough(tick: number): InputEntry[] {
    const i = this.indexFrom(tick + 1)
    return i === 0 ? [] : this.entries.splice(0, i)
  }

  /** A log holding this one's entries up to `tick` (shared, not copied: entries are immutable). */
  copyThrough(tick: number): TimelineInputLog {
    return new TimelineInputLog(this.entries.slice(0, this.indexFrom(tick + 1)))
  }

  /** The first index whose tick is ≥ `tick` (binary search: scrubbing looks up often). */
  private indexFrom(tick: number): number {
    let lo = 0
    let hi = this.entries.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.entries[mid]!.tick < tick) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/** The inputs an entry carries, for `tick(world, inputs)`. */
export function entryInputs(entry: InputEntry | undefined): TickInputs {
  return entry ? (JSON.parse(entry.text) as TickInputs) : { decisions: [], console: [] }
}
