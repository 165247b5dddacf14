/** Inference latency per tick batch: the last samples for the chart, their mean and 95th percentile. */
export interface LatencySample {
  tick: number
  ms: number
  batch: number
}

export class LatencyStats {
  private readonly samples: LatencySample[] = []

  constructor(private readonly keep = 120) {}

  record(sample: LatencySample): void {
    this.samples.push(sample)
    if (this.samples.length > this.keep) this.samples.shift()
  }

  summary(): { last_ms: number | null; mean_ms: number | null; p95_ms: number | null; history: LatencySample[] } {
    const n = this.samples.length
    if (n === 0) return { last_ms: null, mean_ms: null, p95_ms: null, history: [] }
    const sorted = this.samples.map((s) => s.ms).sort((a, b) => a - b)
    const mean = sorted.reduce((sum, v) => sum + v, 0) / n
    return {
      last_ms: round(this.samples[n - 1]!.ms),
      mean_ms: round(mean),
      p95_ms: round(sorted[Math.min(n - 1, Math.ceil(0.95 * n) - 1)]!),
      history: this.samples.map((s) => ({ ...s, ms: round(s.ms) }))
    }
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000
}
