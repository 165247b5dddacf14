/** Timing loops for benches: run a step for a wall-time budget and count how many fit. */

export interface Rate {
  /** Steps run while measuring. */
  steps: number
  /** Wall time they took, in seconds. */
  seconds: number
  /** Steps per second. */
  perSecond: number
}

export interface RateOptions {
  /** Wall time to measure for, in ms (the loop stops at the first step past it). */
  budgetMs: number
  /** Keep going past the budget until at least this many steps ran. */
  minSteps?: number
  /** Called about every `everyMs` ms while measuring (e.g. to sample memory); its time counts. */
  onSample?: () => void
  everyMs?: number
}

/** Runs `step` until the budget is spent (and `minSteps` ran); answers the rate. */
export function measureRate(step: () => void, opts: RateOptions): Rate {
  const { budgetMs, minSteps = 1, onSample, everyMs = 50 } = opts
  const start = performance.now()
  let nextSample = start
  let now = start
  let steps = 0
  while (now - start < budgetMs || steps < minSteps) {
    step()
    steps++
    now = performance.now()
    if (onSample && now >= nextSample) {
      onSample()
      nextSample = now + everyMs
    }
  }
  const seconds = (now - start) / 1000
  return { steps, seconds, perSecond: steps / seconds }
}

/** Warm-up: runs `step` `steps` times, or fewer if `maxMs` runs out first (so big worlds don't warm for minutes). */
export function warmUp(step: () => void, steps: number, maxMs: number): number {
  const start = performance.now()
  let done = 0
  while (done < steps && performance.now() - start < maxMs) {
    step()
    done++
  }
  return done
}

/** Milliseconds `fn` takes, with its result. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now()
  const value = fn()
  return { value, ms: performance.now() - start }
}
