/** Bounds on the work one command may do on a PPO log; each is a CLI option (docs/training-telemetry.md). */
export interface PpoLogLimits {
  /** Bytes one line may hold; a longer line is an error and is skipped (a record is about 2 KB). */
  maxLineBytes: number
  /** Bytes read in all, over the log and its rotations, when not following; past it reading stops with an error. */
  maxBytes: number
  /** Rotated files (`LOG.1`, `LOG.2` …) read at most after the base file. */
  maxRotations: number
  /** Problems printed at most (all are counted). */
  maxProblems: number
}

export const DEFAULT_PPO_LOG_LIMITS: PpoLogLimits = {
  maxLineBytes: 1024 * 1024,
  maxBytes: 4 * 1024 ** 3,
  maxRotations: 10_000,
  maxProblems: 20
}

/** The most records `summary --last N` keeps (a compact row of a dozen numbers each). */
export const MAX_LAST_RECORDS = 1_000_000
