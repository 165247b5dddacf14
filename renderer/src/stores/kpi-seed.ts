/**
 * The KPI windows the host saw before this page joined (`session.history`), and how the KPI
 * charts join them to the windows this page's observer stream records since: the host's first,
 * then this page's for later windows. When this page's stream is already in a world the seed does
 * not describe (its newest window ends before the seed's, a restart), the seed is left out.
 */
import type { KpiPoint } from './society-history'

export interface KpiSeed {
  /** sha256 of the config the windows belong to: another config's status drops the seed. */
  config: string
  points: readonly KpiPoint[]
}

export function mergeKpiHistory(seed: KpiSeed | null, live: readonly KpiPoint[]): readonly KpiPoint[] {
  const lastSeeded = seed?.points[seed.points.length - 1]
  if (!seed || lastSeeded === undefined) return live
  const newest = live[live.length - 1]
  if (newest !== undefined && newest.tick < lastSeeded.tick) return live
  const later = live.filter((p) => p.tick > lastSeeded.tick)
  return later.length === 0 ? seed.points : [...seed.points, ...later]
}
