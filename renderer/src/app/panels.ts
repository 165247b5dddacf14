/**
 * The navigation's panels, in order. Adding a panel is one entry here (Telemetry comes in a later
 * issue). The first nine have a digit key; Snapshots comes last so the others keep theirs.
 */
import type { ComponentType } from 'react'
import { AgentsPanel } from '../features/agents/agents-panel'
import { ConflictPanel } from '../features/conflict/conflict-panel'
import { ConsolePanel } from '../features/console/console-panel'
import { EconomyPanel } from '../features/economy/economy-panel'
import { KpiPanel } from '../features/kpis/kpi-panel'
import { MapPanel } from '../features/map/map-panel'
import { NarrationPanel } from '../features/narration/narration-panel'
import { OverviewPanel } from '../features/overview/overview-panel'
import { PolicyPanel } from '../features/policy/policy-panel'
import { SnapshotsPanel } from '../features/snapshots/snapshots-panel'
import { HistoryPanel } from '../features/history/history-panel'
import { TelemetryPanel } from '../features/telemetry/telemetry-panel'

export interface PanelEntry {
  /** Stable id: the nav button's test id is `nav-<id>`. */
  id: string
  label: string
  /** One glyph for the collapsed rail; plain text, no icon font. */
  glyph: string
  component: ComponentType
}

export const PANELS: readonly PanelEntry[] = [
  { id: 'overview', label: 'Overview', glyph: '◎', component: OverviewPanel },
  { id: 'map', label: 'Map', glyph: '▦', component: MapPanel },
  { id: 'agents', label: 'Agents', glyph: '☰', component: AgentsPanel },
  { id: 'economy', label: 'Economy', glyph: '¤', component: EconomyPanel },
  { id: 'conflict', label: 'Conflict', glyph: '×', component: ConflictPanel },
  { id: 'narration', label: 'Narration', glyph: '¶', component: NarrationPanel },
  { id: 'kpis', label: 'KPIs', glyph: '△', component: KpiPanel },
  { id: 'policy', label: 'Policy', glyph: 'π', component: PolicyPanel },
  { id: 'console', label: 'Console', glyph: '›', component: ConsolePanel },
  { id: 'snapshots', label: 'Snapshots', glyph: '⟲', component: SnapshotsPanel },
  // Past runs (townlet run --history): after Snapshots, so every panel before it keeps its digit key.
  { id: 'history', label: 'History', glyph: '≡', component: HistoryPanel },
  // Where the telemetry stream goes: last, so every panel before it keeps its key.
  { id: 'telemetry', label: 'Telemetry', glyph: '⇢', component: TelemetryPanel }
]
