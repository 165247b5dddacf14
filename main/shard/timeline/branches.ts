/**
 * The timeline's branches and the byte budget over them. The current branch records the live
 * run; forking parks it (its state at the live tick kept as its tip, queued console ops
 * included) and starts a branch that shares the history up to the fork point. Past the budget
 * the oldest keyframe across branches goes first, with the inputs only it could replay; a
 * parked branch always keeps its tip, so it can be reopened exactly, and the current branch
 * keeps its latest keyframe. Past the branch limit, the oldest parked branch is dropped whole.
 */
import type { TimelineBranch } from '../../../shared/contract/dto/timeline'
import { TimelineInputLog, type InputEntry } from './input-log'
import type { Keyframe } from './keyframe'
import { KeyframeStore } from './keyframe-store'
import { ByteLedger } from './ledger'
import { MarkList } from './marks'

export interface Branch {
  readonly id: string
  readonly label: string
  /** The tick it left its parent (0 for the session's first branch). */
  readonly fromTick: number
  /** The last tick recorded on it. */
  liveTick: number
  keyframes: KeyframeStore
  inputs: TimelineInputLog
  marks: MarkList
  /** A parked branch's state at its last tick (null while current). */
  tip: Keyframe | null
}

export class Branches {
  readonly ledger = new ByteLedger()
  private readonly list: Branch[] = []
  private seq = 0
  current: Branch

  constructor(
    startTick: number,
    private readonly maxMarks: number,
    private readonly maxBranches: number
  ) {
    this.current = this.make('main', startTick, new KeyframeStore(), new TimelineInputLog(), new MarkList(maxMarks))
  }

  all(): readonly Branch[] {
    return this.list
  }

  get(id: string): Branch | undefined {
    return this.list.find((b) => b.id === id)
  }

  addKeyframe(b: Branch, kf: Keyframe): void {
    const replaced = b.keyframes.latest?.tick === kf.tick ? b.keyframes.latest : undefined
    b.keyframes.add(kf)
    this.ledger.hold(kf)
    if (replaced) this.ledger.release(replaced)
  }

  addInput(b: Branch, entry: InputEntry): void {
    b.inputs.add(entry)
    this.ledger.hold(entry)
  }

  /** Keep `b`'s state at its live tick as its tip; it stops being current. */
  park(b: Branch, tip: Keyframe): void {
    if (b.tip) this.ledger.release(b.tip)
    b.tip = tip
    this.ledger.hold(tip)
  }

  /** A new branch sharing `parent`'s history through `tick`; it becomes current. */
  fork(parent: Branch, tick: number, label: string): Branch {
    const b = this.make(label, tick, parent.keyframes.copyThrough(tick), parent.inputs.copyThrough(tick), parent.marks.copyThrough(tick))
    for (const kf of b.keyframes.all()) this.ledger.hold(kf)
    for (const e of b.inputs.all()) this.ledger.hold(e)
    this.current = b
    this.limitBranches()
    return b
  }

  /** Make a parked branch current again: its tip becomes its latest keyframe. */
  reopen(b: Branch): void {
    const tip = b.tip
    if (tip) {
      b.keyframes.add(tip)
      b.tip = null // the tip's hold passes to the store
    }
    this.current = b
  }

  /** Drop the oldest items until the bytes fit `budget` (or nothing more may go). */
  enforce(budget: number): void {
    while (this.ledger.total > budget) {
      const victim = this.oldestEvictable()
      if (victim) this.evict(victim)
      else if (!this.dropOldestParked()) return
    }
  }

  describe(): TimelineBranch[] {
    return this.list.map((b) => ({ id: b.id, label: b.label, from_tick: b.fromTick, to_tick: b.tip?.tick ?? b.liveTick, current: b === this.current }))
  }

  private make(label: string, fromTick: number, keyframes: KeyframeStore, inputs: TimelineInputLog, marks: MarkList): Branch {
    const b: Branch = { id: `b${++this.seq}`, label: label.slice(0, 200), fromTick, liveTick: fromTick, keyframes, inputs, marks, tip: null }
    this.list.push(b)
    return b
  }

  private oldestEvictable(): Keyframe | undefined {
    let best: Keyframe | undefined
    for (const b of this.list) {
      const kf = b.keyframes.oldest
      // The current branch keeps its latest keyframe: without one nothing could be rebuilt.
      if (!kf || (b === this.current && b.keyframes.count <= 1)) continue
      if (!best || kf.tick < best.tick) best = kf
    }
    return best
  }

  /** Remove `kf` from every branch holding it, with the inputs that only a replay from it needed. */
  private evict(kf: Keyframe): void {
    for (const b of this.list) {
      // Shared with the current branch as its only keyframe: it stays there (the parked branches still lose it).
      if (b === this.current && b.keyframes.count <= 1) continue
      if (!b.keyframes.remove(kf)) continue
      this.ledger.release(kf)
      const earliest = b.keyframes.earliestTick
      // Keep the entry at the earliest keyframe itself: its runtime events count for that tick's frame.
      const dropped = earliest === null ? b.inputs.dropThrough(Number.MAX_SAFE_INTEGER) : b.inputs.dropThrough(earliest - 1)
      for (const e of dropped) this.ledger.release(e)
    }
  }

  private dropOldestParked(): boolean {
    const i = this.list.findIndex((b) => b !== this.current)
    if (i < 0) return false
    const [b] = this.list.splice(i, 1)
    for (const kf of b!.keyframes.all()) this.ledger.release(kf)
    for (const e of b!.inputs.all()) this.ledger.release(e)
    if (b!.tip) this.ledger.release(b!.tip)
    return true
  }

  private limitBranches(): void {
    while (this.list.length > this.maxBranches && this.dropOldestParked()) {
      /* dropped one */
    }
  }
}
