/**
 * A list that keeps only its newest `capacity` items: the host's recent history must not grow
 * with the length of a run. Pushing past the capacity overwrites the oldest item.
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[]
  private start = 0
  private count = 0

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`a ring buffer needs a positive capacity, not ${capacity}`)
    this.items = new Array<T | undefined>(capacity)
  }

  get size(): number {
    return this.count
  }

  push(item: T): void {
    const end = (this.start + this.count) % this.capacity
    this.items[end] = item
    if (this.count < this.capacity) this.count += 1
    else this.start = (this.start + 1) % this.capacity
  }

  /** The newest item, or undefined when empty. */
  last(): T | undefined {
    return this.count === 0 ? undefined : this.items[(this.start + this.count - 1) % this.capacity]
  }

  /** The item before the newest, or undefined when there is none. */
  beforeLast(): T | undefined {
    return this.count < 2 ? undefined : this.items[(this.start + this.count - 2) % this.capacity]
  }

  /** Replace the newest item (an open bucket being updated); pushes when empty. */
  replaceLast(item: T): void {
    if (this.count === 0) this.push(item)
    else this.items[(this.start + this.count - 1) % this.capacity] = item
  }

  clear(): void {
    this.items.fill(undefined)
    this.start = 0
    this.count = 0
  }

  /** Oldest first, as a fresh array. */
  toArray(): T[] {
    const out: T[] = []
    for (let i = 0; i < this.count; i++) out.push(this.items[(this.start + i) % this.capacity] as T)
    return out
  }
}
