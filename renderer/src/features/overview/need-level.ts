/**
 * How worrying a mean need is. Needs run from 1 (fully satisfied) down to 0 (depleted); the
 * scripted controller acts below 0.4 by default, and a town whose mean sits under 0.2 is in trouble.
 */
export type NeedLevel = 'ok' | 'low' | 'critical'

export const NEED_THRESHOLDS = { low: 0.4, critical: 0.2 } as const

export function needLevel(mean: number): NeedLevel {
  if (mean < NEED_THRESHOLDS.critical) return 'critical'
  if (mean < NEED_THRESHOLDS.low) return 'low'
  return 'ok'
}
