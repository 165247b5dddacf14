/**
 * The navigation's panels, in order. Adding a panel is one entry here (Map, Agents, Conflict,
 * Narration, Policy, Snapshots, Console, Telemetry and Promotion come in later issues).
 */
import type { ComponentType } from 'react'
import { OverviewPanel } from '../features/overview/overview-panel'

export interface PanelEntry {
  /** Stable id: the nav button's test id is `nav-<id>`. */
  id: string
  label: string
  /** One glyph for the collapsed rail; plain text, no icon font. */
  glyph: string
  component: ComponentType
}

export const PANELS: readonly PanelEntry[] = [{ id: 'overview', label: 'Overview', glyph: '◎', component: OverviewPanel }]
