/**
 * Bytes the timeline holds, counted once per stored item however many branches share it (a fork
 * shares the keyframes and inputs before its fork point with its parent, by reference).
 */
export interface Sized {
  readonly bytes: number
}

export class ByteLedger {
  private readonly refs = new Map<Sized, number>()
  private sum = 0

  get total(): number {
    return this.sum
  }

  /** Distinct items held. */
  countOf(filter: (item: Sized) => boolean): number {
    let n = 0
    for (const item of this.refs.keys()) if (filter(item)) n++
    return n
  }

  hold(item: Sized): void {
    const n = this.refs.get(item) ?? 0
    if (n === 0) this.sum += item.bytes
    this.refs.set(item, n + 1)
  }

  release(item: Sized): void {
    const n = this.refs.get(item)
    if (n === undefined) return
    if (n <= 1) {
      this.refs.delete(item)
      this.sum -= item.bytes
    } else this.refs.set(item, n - 1)
  }
}
