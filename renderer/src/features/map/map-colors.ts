/**
 * Colours and glyphs of the map. Canvas cannot read CSS variables cheaply per dot, so the theme's
 * tokens (styles/tokens.css) are repeated here as hex; keep the two in step.
 */
import type { AgentOption } from '../../../../shared/contract/dto/world-summary'

export const OPTION_COLORS: Readonly<Record<AgentOption, string>> = {
  idle: '#8591a0',
  eat: '#f08a4b',
  cook: '#e0a93b',
  shower: '#4ec9d6',
  sleep: '#b18cff',
  work: '#3fbf7f',
  socialise: '#ff6fa8'
}

export const TILE_COLORS = {
  background: '#0e1116',
  wall: '#3a4452',
  floor: '#1b2129',
  home: 'rgba(78, 161, 255, 0.14)',
  homeEdge: 'rgba(78, 161, 255, 0.45)',
  workplace: 'rgba(224, 169, 59, 0.16)',
  workplaceEdge: 'rgba(224, 169, 59, 0.5)'
} as const

export const MARK_COLORS = {
  selected: '#ffffff',
  hover: '#4ea1ff',
  held: '#ef5b5b',
  badge: '#e0a93b',
  badgeText: '#0e1116',
  pick: '#4ea1ff'
} as const

/** Need colour steps from depleted (red) through low (amber) to satisfied (green). */
export const NEED_STEPS = 10

const STOPS: ReadonlyArray<readonly [number, [number, number, number]]> = [
  [0, [239, 91, 91]],
  [0.4, [224, 169, 59]],
  [1, [63, 191, 127]]
]

function mix(value: number): string {
  const v = Math.min(1, Math.max(0, value))
  let i = 0
  while (i < STOPS.length - 2 && v > STOPS[i + 1]![0]) i++
  const [p0, c0] = STOPS[i]!
  const [p1, c1] = STOPS[i + 1]!
  const t = p1 === p0 ? 0 : (v - p0) / (p1 - p0)
  const channel = (k: 0 | 1 | 2) => Math.round(c0[k] + (c1[k] - c0[k]) * t)
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`
}

/** One colour per step, so agents can be drawn in NEED_STEPS + 1 batched paths. */
const NEED_PALETTE: readonly string[] = Array.from({ length: NEED_STEPS + 1 }, (_, i) => mix(i / NEED_STEPS))

/** A need value in [0, 1] as its gradient colour, quantised to NEED_STEPS steps. */
export function needColor(value: number): string {
  const step = Math.round(Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0)) * NEED_STEPS)
  return NEED_PALETTE[step]!
}

export interface ObjectStyle {
  glyph: string
  color: string
}

const OBJECT_STYLES: Readonly<Record<string, ObjectStyle>> = {
  fridge: { glyph: 'F', color: '#4ec9d6' },
  stove: { glyph: 'S', color: '#f08a4b' },
  shower: { glyph: 'H', color: '#4ea1ff' },
  bed: { glyph: 'B', color: '#b18cff' },
  workstation: { glyph: 'W', color: '#3fbf7f' }
}

/** A known type's glyph and colour; other types show their initial in the text colour. */
export function objectStyle(type: string): ObjectStyle {
  return OBJECT_STYLES[type] ?? { glyph: (type[0] ?? '?').toUpperCase(), color: '#d5dbe3' }
}
