/** What the map's toolbar may ask of the renderer (the MapRenderer implements it). */
export interface MapControls {
  /** Shows the whole town. */
  fit(): void
  /** Zooms around the viewport's centre by a factor (>1 zooms in). */
  zoomCenter(factor: number): void
}
