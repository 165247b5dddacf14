/**
 * One branch's keyframes, in tick order. Seeking finds the latest keyframe at or before a tick
 * and replays from there, so the spacing K bounds a seek's replay to K ticks. The store counts
 * its bytes; the session timeline enforces the byte budget across branches (a branch shares the
 * keyframes before its fork point with its parent) by dropping the oldest first.
 */
import type { Keyframe } from './keyframe'

export class KeyframeStore {
  private frames: Keyframe[]

  constructor(frames: readonly Keyframe[] = []) {
    this.frames = [...frames]
  }

  /** Keyframes arrive in tick order; one at the same tick as the last replaces it (a forced capture). */
  add(keyframe: Keyframe): void {
    const last = this.frames[this.frames.length - 1]
    if (last && keyframe.tick < last.tick) throw new Error(`keyframe store: tick ${keyframe.tick} after tick ${last.tick}`)
    if (last && keyframe.tick === last.tick) this.frames[this.frames.length - 1] = keyframe
    else this.frames.push(keyframe)
  }

  get count(): number {
    return this.frames.length
  }

  get bytes(): number {
    let sum = 0
    for (const f of this.frames) sum += f.bytes
    return sum
  }

  /** The oldest tick a seek can reach (null: empty). */
  get earliestTick(): number | null {
    return this.frames[0]?.tick ?? null
  }

  get oldest(): Keyframe | undefined {
    return this.frames[0]
  }

  get latest(): Keyframe | undefined {
    return this.frames[this.frames.length - 1]
  }

  all(): readonly Keyframe[] {
    return this.frames
  }

  /** The latest keyframe at or before `tick` (binary search). */
  atOrBefore(tick: number): Keyframe | undefined {
    let lo = 0
    let hi = this.frames.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.frames[mid]!.tick <= tick) lo = mid + 1
      else hi = mid
    }
    return lo === 0 ? undefined : this.frames[lo - 1]
  }

  /** Remove this keyframe (by identity); whether it was here. */
  remove(keyframe: Keyframe): boolean {
    const i = this.frames.indexOf(keyframe)
    if (i < 0) return false
    this.frames.splice(i, 1)
    return true
  }

  /** A store holding this one's keyframes up to `tick`, shared (keyframes are immutable). */
  copyThrough(tick: number): KeyframeStore {
    return new KeyframeStore(this.frames.filter((f) => f.tick <= tick))
  }
}
