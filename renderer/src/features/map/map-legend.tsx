/**
 * What the map's marks mean: the dot colours for the chosen colouring, then the objects' letters
 * (the types in this town), the in-use ring, the queue badge, the home and workplace tints, and
 * when names appear. The object types are re-read once a second as one string, so a streaming
 * town does not re-render the legend.
 */
import { AGENT_OPTIONS } from '../../../../shared/contract/dto/world-summary'
import type { ObjectRow } from '../../../../shared/contract/dto/observer'
import { useObserverSampled } from '../../app/session-context'
import type { ColorBy } from '../../stores/ui-store'
import { AGENT_LABEL_SCALE } from './map-label-layout'
import { MARK_COLORS, needColor, objectStyle, OPTION_COLORS, TILE_COLORS } from './map-colors'

/** The object types present, sorted, joined by spaces (a string, so an unchanged set is equal). */
export function objectTypesKey(objects: ReadonlyMap<string, ObjectRow>): string {
  const types = new Set<string>()
  for (const o of objects.values()) types.add(o.type)
  return [...types].sort().join(' ')
}

/** Dot colours, then the marks. */
export function MapLegend({ colorBy }: { colorBy: ColorBy }) {
  return (
    <div className="map-legend-block" data-testid="map-legend">
      <DotLegend colorBy={colorBy} />
      <MarksLegend />
    </div>
  )
}

/** Dots per option, or a gradient for a need. */
function DotLegend({ colorBy }: { colorBy: ColorBy }) {
  if (colorBy === 'option') {
    return (
      <ul className="map-legend" aria-label="colours by option">
        {AGENT_OPTIONS.map((option) => (
          <li key={option}>
            <span className="legend-dot" style={{ background: OPTION_COLORS[option] }} />
            {option}
          </li>
        ))}
      </ul>
    )
  }
  const stops = [0, 0.25, 0.5, 0.75, 1].map((v) => `${needColor(v)} ${v * 100}%`).join(', ')
  return (
    <div className="map-legend" aria-label={`colours by ${colorBy}`}>
      <span className="dim">{colorBy} 0%</span>
      <span className="legend-gradient" style={{ background: `linear-gradient(to right, ${stops})` }} />
      <span className="dim">100%</span>
    </div>
  )
}

/** Object letters, ring, badge, areas. */
function MarksLegend() {
  const key = useObserverSampled((s) => objectTypesKey(s.objects), 1_000)
  const types = key === '' ? [] : key.split(' ')
  return (
    <ul className="map-legend map-legend-marks" aria-label="map marks" data-testid="map-legend-marks">
      {types.map((type) => {
        const style = objectStyle(type)
        return (
          <li key={type} data-testid="map-legend-object" data-type={type}>
            <span className="legend-glyph" style={{ color: style.color, background: `${style.color}47` }}>
              {style.glyph}
            </span>
            {type}
          </li>
        )
      })}
      <li title="Someone is using the object (its holder)">
        <span className="legend-ring" style={{ borderColor: MARK_COLORS.held }} />
        in use
      </li>
      <li title="How many wait in the object's queue">
        <span className="legend-badge" style={{ background: MARK_COLORS.badge, color: MARK_COLORS.badgeText }}>
          3
        </span>
        queued
      </li>
      <li>
        <span className="legend-area" style={{ background: TILE_COLORS.home, border: `1px solid ${TILE_COLORS.homeEdge}` }} />
        home
      </li>
      <li>
        <span className="legend-area" style={{ background: TILE_COLORS.workplace, border: `1px solid ${TILE_COLORS.workplaceEdge}` }} />
        workplace
      </li>
      <li className="dim" title={`Agent names appear from ${AGENT_LABEL_SCALE} px per tile; homes and workplaces are named once wide enough`}>
        zoom in for names
      </li>
    </ul>
  )
}
