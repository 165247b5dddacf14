/**
 * Pure shaping of a decision trace for display: one map channel as a grid, a heat colour per
 * cell, the top-k probabilities, and the named features grouped by prefix and filtered.
 */
import type { DecisionTrace } from '../../../../shared/contract/dto/policy'
import { formatFixed, formatTrimmed } from '../../components/format'

export type MapTensor = DecisionTrace['map']

export interface ChannelGrid {
  name: string
  rows: number
  cols: number
  /** Row-major, rows × cols values. */
  values: number[]
  min: number
  max: number
}

/** Channel `c` of a channel-major, row-major map tensor; missing values read as 0. */
export function channelGrid(map: MapTensor, c: number): ChannelGrid {
  const [, rows, cols] = map.shape
  const size = rows * cols
  const values: number[] = []
  for (let i = 0; i < size; i++) values.push(map.data[c * size + i] ?? 0)
  const finite = values.filter(Number.isFinite)
  return {
    name: map.channels[c] ?? `channel ${c}`,
    rows,
    cols,
    values,
    min: finite.length ? Math.min(...finite) : 0,
    max: finite.length ? Math.max(...finite) : 0
  }
}

/** Every channel of the tensor, in order. */
export function channelGrids(map: MapTensor): ChannelGrid[] {
  return Array.from({ length: map.shape[0] }, (_, c) => channelGrid(map, c))
}

/**
 * A cell's colour: transparent-ish at the channel's low end (or 0, whichever is lower), the
 * accent at its high end. A flat channel of zeros stays dark; a flat non-zero one is full.
 */
export function heatColor(value: number, min: number, max: number): string {
  const low = Math.min(0, min)
  const span = max - low
  const t = !Number.isFinite(value) ? 0 : span <= 0 ? (value !== 0 ? 1 : 0) : Math.min(1, Math.max(0, (value - low) / span))
  const alpha = 0.08 + 0.92 * t
  return `rgba(78, 161, 255, ${formatFixed(alpha, 3)})`
}

/** The centre cell (the agent), row and column. */
export function centreCell(grid: { rows: number; cols: number }): { row: number; col: number } {
  return { row: Math.floor(grid.rows / 2), col: Math.floor(grid.cols / 2) }
}

/** How many probabilities the trace shows. */
export const TOP_K = 5

/** The k most likely options, highest first (the host already sorts; this does not rely on it). */
export function topK(probabilities: NonNullable<DecisionTrace['probabilities']>, k = TOP_K): NonNullable<DecisionTrace['probabilities']> {
  return [...probabilities].sort((a, b) => b.p - a.p || a.option.localeCompare(b.option)).slice(0, k)
}

export interface FeatureGroup {
  group: string
  features: DecisionTrace['features']
}

/** A feature's group: its name up to the first "_", "." or ":" ("need_hunger" → "need"); else "other". */
export function featureGroup(name: string): string {
  const match = /^([A-Za-z0-9]+)[_.:]/.exec(name)
  return match?.[1] ?? 'other'
}

/** Features whose name contains the query (case-insensitive), grouped by prefix in first-seen order. */
export function groupFeatures(features: DecisionTrace['features'], query = ''): FeatureGroup[] {
  const q = query.trim().toLowerCase()
  const groups = new Map<string, DecisionTrace['features']>()
  for (const feature of features) {
    if (q && !feature.name.toLowerCase().includes(q)) continue
    const group = featureGroup(feature.name)
    const list = groups.get(group)
    if (list) list.push(feature)
    else groups.set(group, [feature])
  }
  return [...groups].map(([group, list]) => ({ group, features: list }))
}

/** A feature value compactly: integers as they are, others to 3 significant decimals. */
export function formatFeature(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  if (Number.isInteger(value)) return String(value)
  return formatTrimmed(value, 3)
}
