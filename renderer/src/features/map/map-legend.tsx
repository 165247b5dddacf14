/** What the dot colours mean for the chosen colouring. */
import { AGENT_OPTIONS } from '../../../../shared/contract/dto/world-summary'
import type { ColorBy } from '../../stores/ui-store'
import { needColor, OPTION_COLORS } from './map-colors'

/** Dots per option, or a gradient for a need. */
export function MapLegend({ colorBy }: { colorBy: ColorBy }) {
  if (colorBy === 'option') {
    return (
      <ul className="map-legend" data-testid="map-legend" aria-label="colours by option">
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
    <div className="map-legend" data-testid="map-legend" aria-label={`colours by ${colorBy}`}>
      <span className="dim">{colorBy} 0%</span>
      <span className="legend-gradient" style={{ background: `linear-gradient(to right, ${stops})` }} />
      <span className="dim">100%</span>
    </div>
  )
}
