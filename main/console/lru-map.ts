/**
 * A Map that keeps its keys in order of use, least recently used first. Eviction is the caller's:
 * the idempotency cache bounds entries per namespace and namespaces themselves differently.
 */
export class LruMap<K, V> {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  private readonly map = new Map<K, V>()

  get size(): number {
    return this.map.size
  }

  has(key: K): boolean {
    return this.map.has(key)
  }

  /** Read and mark as most recently used. */
  get(key: K): V | undefined {
    const value = this.map.get(key)
    if (value !== undefined) {
      this.map.delete(key)
      this.map.set(key, value)
    }
    return value
  }

  /** Read without touching the order (settling a result is not a use). */
  peek(key: K): V | undefined {
    return this.map.get(key)
  }

  /** Insert or replace, as the most recently used. */
  set(key: K, value: V): void {
    this.map.delete(key)
    this.map.set(key, value)
  }

  delete(key: K): boolean {
    return this.map.delete(key)
  }

  /** The least recently used entry, if any. */
  oldest(): [K, V] | undefined {
    const first = this.map.entries().next()
    return first.done ? undefined : first.value
  }

  /** Least recently used first. */
  entries(): IterableIterator<[K, V]> {
    return this.map.entries()
  }
}
