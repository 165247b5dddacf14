/**
 * The map's controls: colouring, follow, fit and zoom, spawning, and the two readouts. While a
 * teleport target is being picked, a hint with Cancel joins the row (Escape cancels too).
 */
import type { RefObject } from 'react'
import { useUi } from '../../app/session-context'
import { COLOR_BY } from '../../stores/ui-store'
import type { ColorBy } from '../../stores/ui-store'
import { SpawnControl } from '../operator/spawn-control'
import type { MapControls } from './map-controls'
import { MapStats } from './map-stats'
import { fieldChecked, fieldValue } from '../../components/field-value'

const ZOOM_STEP = 1.5

/** The row of controls above the canvas. */
export function MapToolbar({ renderer, fpsRef }: { renderer: MapControls | null; fpsRef: RefObject<HTMLSpanElement | null> }) {
  const colorBy = useUi((s) => s.colorBy)
  const setColorBy = useUi((s) => s.setColorBy)
  const follow = useUi((s) => s.followSelected)
  const setFollow = useUi((s) => s.setFollow)
  const hasSelection = useUi((s) => s.selectedAgentId !== null)
  const picking = useUi((s) => s.picking)
  const pickPurpose = useUi((s) => s.pickPurpose)
  const cancelPicking = useUi((s) => s.cancelPicking)

  return (
    <div className="toolbar" role="toolbar" aria-label="Map">
      <label className="toolbar-field">
        <span className="dim">colour by</span>
        <select data-testid="map-color-by" value={colorBy} onChange={(e) => setColorBy(fieldValue(e) as ColorBy)}>
          {COLOR_BY.map((c) => (
            <option key={c} value={c}>
              {c === 'option' ? 'state (option)' : c}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field" title={hasSelection ? 'Keep the selected agent centred' : 'Select an agent first'}>
        <input type="checkbox" data-testid="map-follow" checked={follow} disabled={!hasSelection} onChange={(e) => setFollow(fieldChecked(e))} />
        follow selected
      </label>
      <button type="button" data-testid="map-fit" disabled={!renderer} onClick={() => renderer?.fit()} title="Show the whole town">
        Fit
      </button>
      <span className="button-pair">
        <button type="button" data-testid="map-zoom-out" disabled={!renderer} onClick={() => renderer?.zoomCenter(1 / ZOOM_STEP)} title="Zoom out">
          −
        </button>
        <button type="button" data-testid="map-zoom-in" disabled={!renderer} onClick={() => renderer?.zoomCenter(ZOOM_STEP)} title="Zoom in">
          +
        </button>
      </span>
      <SpawnControl />
      {picking ? (
        <span className="pick-hint" data-testid="map-pick-hint">
          click a floor tile to {pickPurpose} to
          <button type="button" data-testid="map-pick-cancel" onClick={cancelPicking}>
            Cancel
          </button>
        </span>
      ) : null}
      <MapStats fpsRef={fpsRef} />
    </div>
  )
}
