/**
 * Two small readouts for operators and tests: how many agents the map has, and how many frames
 * it actually drew in the last second. The frame rate is written into its element by the map
 * canvas a few times a second (through `fpsRef`), so measuring it re-renders nothing.
 */
import type { RefObject } from 'react'
import { useObserver } from '../../app/session-context'

/** The agent count and frame-rate readouts. */
export function MapStats({ fpsRef }: { fpsRef: RefObject<HTMLSpanElement | null> }) {
  const count = useObserver((s) => s.agents.size)
  return (
    <div className="map-stats">
      <div className="readout" title="Agents on the map">
        <span className="readout-label">agents</span>
        <span className="readout-value">
          <span data-testid="map-agent-count">{count}</span>
        </span>
      </div>
      <div className="readout" title="Frames the map drew in the last second (it draws only when something changed)">
        <span className="readout-label">drawn</span>
        <span className="readout-value">
          <span data-testid="map-fps" ref={fpsRef} />
          <span className="readout-unit">fps</span>
        </span>
      </div>
    </div>
  )
}
