/**
 * Another agent's identity as `dim` numbers in [0, 1]: a pure 32-bit hash of its id string
 * (FNV-1a, then a murmur3 finaliser per value), so the same id reads the same on any machine and
 * in any process, without node:crypto (the builder runs anywhere). The reference used BLAKE2s
 * digest bytes; ours differ from it but serve the same purpose.
 */

/** Writes the embedding of `id` into out[offset … offset + dim). */
export function writeIdentityEmbedding(id: string, out: Float32Array, offset: number, dim: number): void {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  for (let j = 0; j < dim; j++) {
    // A different odd multiple of the golden ratio per value, then the finaliser, so the values
    // are independent of one another and ids that differ in one character land far apart.
    let v = h ^ Math.imul(j + 1, 0x9e3779b9)
    v ^= v >>> 16
    v = Math.imul(v, 0x85ebca6b)
    v ^= v >>> 13
    v = Math.imul(v, 0xc2b2ae35)
    v ^= v >>> 16
    out[offset + j] = (v >>> 0) / 4294967295
  }
}

/** Embeddings per agent slot, computed once: a slot's id never changes within a run. */
export class IdentityEmbeddings {
  private values = new Float32Array(0)
  private ready = new Uint8Array(0)

  constructor(readonly dim: number) {}

  /** Offset of the slot's embedding in `table()` after making sure it is computed. */
  offsetOf(slot: number, ids: readonly string[]): number {
    if (slot >= this.ready.length) this.grow(Math.max(slot + 1, this.ready.length * 2, 16))
    if (this.ready[slot] === 0) {
      writeIdentityEmbedding(ids[slot] ?? '', this.values, slot * this.dim, this.dim)
      this.ready[slot] = 1
    }
    return slot * this.dim
  }

  table(): Float32Array {
    return this.values
  }

  /** Forget every embedding (another world, whose slots may hold other ids). */
  clear(): void {
    this.ready.fill(0)
  }

  private grow(n: number): void {
    const values = new Float32Array(n * this.dim)
    values.set(this.values)
    const ready = new Uint8Array(n)
    ready.set(this.ready)
    this.values = values
    this.ready = ready
  }
}
