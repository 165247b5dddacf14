/** The Map panel: the town on a canvas with its toolbar and legend, and the inspector beside it. */
import { useEffect, useRef, useState } from 'react'
import { useUi } from '../../app/session-context'
import { Card } from '../../components/card'
import { ObserverLayout } from '../inspector/observer-layout'
import { ObserverStatus } from '../inspector/observer-status'
import { onMapFitRequest } from '../shortcuts/map-fit-request'
import { MapCanvas } from './map-canvas'
import { MapLegend } from './map-legend'
import type { MapRenderer } from './map-renderer'
import { MapToolbar } from './map-toolbar'

/** Toolbar, status, canvas and legend, with the inspector beside them. */
export function MapPanel() {
  const [renderer, setRenderer] = useState<MapRenderer | null>(null)
  const fpsRef = useRef<HTMLSpanElement>(null)
  const colorBy = useUi((s) => s.colorBy)
  // The `f` shortcut fits the town while this panel is shown.
  useEffect(() => (renderer ? onMapFitRequest(() => renderer.fit()) : undefined), [renderer])
  return (
    <ObserverLayout>
      <Card title="Map" testId="map-panel" className="map-card">
        <MapToolbar renderer={renderer} fpsRef={fpsRef} />
        <ObserverStatus />
        <MapCanvas onReady={setRenderer} fpsRef={fpsRef} />
        <MapLegend colorBy={colorBy} />
      </Card>
    </ObserverLayout>
  )
}
