/**
 * The one time cursor every time chart shares: the tick under the pointer on any of them (KPIs,
 * needs, tick rate, the scrubber), so the others draw a line there. Its own store, so a moving
 * pointer re-renders the charts and the scrubber, never the panels that read the town.
 */
import { createStore } from 'zustand/vanilla'

export interface HoverStore {
  /** The hovered tick; null when the pointer is over no time chart. */
  hoverTick: number | null
  setHoverTick(tick: number | null): void
}

export function createHoverStore() {
  return createStore<HoverStore>()((set, get) => ({
    hoverTick: null,
    // Pointer moves within one tick's column change nothing: no render for them.
    setHoverTick: (tick) => {
      if (get().hoverTick !== tick) set({ hoverTick: tick })
    }
  }))
}
