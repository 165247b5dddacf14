/**
 * Memory probes for benches: a forced garbage collection (when V8 lets us turn it on at run time)
 * so heap figures measure what is retained, and a sampler that keeps the peaks seen.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

const MiB = 1024 * 1024

/** Bytes as MiB with one decimal. */
export function mib(bytes: number): string {
  return `${(bytes / MiB).toFixed(1)} MiB`
}

let gcFn: (() => void) | undefined | null = null

/** Runs a full GC if possible (turns on `--expose-gc` at run time); answers whether it ran. */
export function collectGarbage(): boolean {
  if (gcFn === null) {
    setFlagsFromString('--expose-gc')
    gcFn = runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined
  }
  gcFn?.()
  gcFn?.()
  return gcFn !== undefined
}

/** Heap used after a full GC: what live objects hold. */
export function retainedHeap(): number {
  collectGarbage()
  return process.memoryUsage().heapUsed
}

/** Tracks the highest RSS and heap used seen across `sample()` calls. */
export class PeakMemory {
  rss = 0
  heapUsed = 0

  sample(): void {
    const m = process.memoryUsage()
    if (m.rss > this.rss) this.rss = m.rss
    if (m.heapUsed > this.heapUsed) this.heapUsed = m.heapUsed
  }
}
