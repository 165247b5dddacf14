/**
 * What the operator is looking at, shared between panels: the active panel, the selected agent
 * (from the Map or the Agents table), whether the map follows it, how agents are coloured, a
 * tile-picking mode for teleport, the map's last view (so switching panels keeps the zoom), and
 * whether priority alerts raise a notification (remembered in localStorage).
 */
import { createStore } from 'zustand/vanilla'
import { browserStorage, loadNotifyPref, saveNotifyPref } from './notify-pref'
import type { StorageLike } from './notify-pref'

export type ColorBy = 'option' | 'hunger' | 'hygiene' | 'energy'
export const COLOR_BY: readonly ColorBy[] = ['option', 'hunger', 'hygiene', 'energy']

/** Screen = world × scale + offset, in CSS pixels; a world unit is one tile. */
export interface MapView {
  scale: number
  ox: number
  oy: number
}

/** A view remembered for one map (config and size), so it is not reused for another town. */
export interface SavedMapView {
  view: MapView
  mapKey: string
  /** The view was a fit the operator had not moved: it comes back as a fit of the canvas then. */
  fit?: boolean
}

export type PickPurpose = 'teleport' | 'walk'

export interface TileDraft {
  x: string
  y: string
}

export interface UiStore {
  activePanel: string
  selectedAgentId: string | null
  followSelected: boolean
  colorBy: ColorBy
  /** True while the next map click picks the teleport target instead of selecting. */
  picking: boolean
  /** What the picked tile is for, as the map's hint says it: teleport, or walk (a possessed agent). */
  pickPurpose: PickPurpose
  /** The inspector's teleport inputs, so a tile picked on the map lands in them. */
  teleportDraft: TileDraft
  /** The map's view when it was last shown; null until then. */
  mapView: SavedMapView | null
  /** The operator opted in to notifications of priority alerts. */
  notifyAlerts: boolean
  setActivePanel(id: string): void
  select(agentId: string | null): void
  setFollow(follow: boolean): void
  setColorBy(colorBy: ColorBy): void
  startPicking(purpose?: PickPurpose): void
  cancelPicking(): void
  pickTile(x: number, y: number): void
  setTeleportDraft(draft: TileDraft): void
  setMapView(view: SavedMapView | null): void
  /** Turns notifications of priority alerts on or off, and remembers the choice. */
  setNotifyAlerts(on: boolean): void
}

/** A UI store showing `firstPanel` with nothing selected; the notification choice is read from `storage`. */
export function createUiStore(firstPanel = 'overview', storage: StorageLike | null = browserStorage()) {
  return createStore<UiStore>()((set) => ({
    activePanel: firstPanel,
    selectedAgentId: null,
    followSelected: false,
    colorBy: 'option',
    picking: false,
    pickPurpose: 'teleport',
    teleportDraft: { x: '', y: '' },
    mapView: null,
    notifyAlerts: loadNotifyPref(storage),
    setActivePanel: (activePanel) => set({ activePanel }),
    select: (selectedAgentId) =>
      // A new agent starts with empty teleport inputs; picking belongs to the agent it began for.
      set((s) => (s.selectedAgentId === selectedAgentId ? s : { selectedAgentId, picking: false, teleportDraft: { x: '', y: '' } })),
    setFollow: (followSelected) => set({ followSelected }),
    setColorBy: (colorBy) => set({ colorBy }),
    startPicking: (pickPurpose = 'teleport') => set({ picking: true, pickPurpose, activePanel: 'map' }),
    cancelPicking: () => set({ picking: false }),
    pickTile: (x, y) => set({ picking: false, teleportDraft: { x: String(x), y: String(y) } }),
    setTeleportDraft: (teleportDraft) => set({ teleportDraft }),
    setMapView: (mapView) => set({ mapView }),
    setNotifyAlerts: (notifyAlerts) => {
      saveNotifyPref(storage, notifyAlerts)
      set({ notifyAlerts })
    }
  }))
}
