/**
 * The town the observer panels draw: the live observer store, or, while this page views a past
 * tick, that tick's town. It is a store with the observer store's shape, so the hooks and the map
 * canvas read it unchanged: they never learn which town they show, only that it changed.
 *
 * A past view takes the town itself (agents, objects, map, economy, the tick's events and society
 * block) from the timeline frame and keeps the live page's histories (sparklines, the economy and
 * KPI series, narration), which reach up to now: the charts mark the viewed tick instead.
 */
import type { StoreApi } from 'zustand/vanilla'
import type { ObserverSlice } from './observer-state'
import type { ObserverStore } from './observer-store'
import type { TimelineStore } from './timeline-store'

type Listener = (state: ObserverStore, previous: ObserverStore) => void

/** The live store's fields with the past town laid over them, on the map `map`. */
function pastTown(live: ObserverStore, past: ObserverSlice, map: ObserverSlice['map']): ObserverStore {
  return {
    ...live,
    seq: past.seq,
    stale: false,
    configId: past.configId,
    tick: past.tick,
    day: past.day,
    clock: past.clock,
    map,
    agents: past.agents,
    objects: past.objects,
    economy: past.economy,
    events: past.events,
    agentEvents: past.agentEvents,
    society: past.society,
    error: null
  }
}

type TownMap = ObserverSlice['map']

function sameLayout(a: NonNullable<TownMap>, b: NonNullable<TownMap>): boolean {
  return a === b || (a.width === b.width && a.height === b.height && JSON.stringify(a) === JSON.stringify(b))
}

/** A read-through store over `live` that shows the timeline's past town while it is in past mode. */
export function createObserverView(live: StoreApi<ObserverStore>, timeline: StoreApi<TimelineStore>): StoreApi<ObserverStore> {
  const listeners = new Set<Listener>()
  // One merged object per (live state, past town) pair: selectors see stable references.
  let cache: { live: ObserverStore; past: ObserverSlice; view: ObserverStore } | null = null
  // Whether the past map is the live layout, compared once per pair of map objects (not per frame).
  let layout: { live: TownMap; past: TownMap; map: TownMap } | null = null

  /** The live layout object when it is the same town, so the map canvas keeps its tile layer. */
  function mapFor(liveMap: TownMap, pastMap: TownMap): TownMap {
    if (layout?.live !== liveMap || layout.past !== pastMap) {
      layout = { live: liveMap, past: pastMap, map: liveMap !== null && pastMap !== null && sameLayout(liveMap, pastMap) ? liveMap : pastMap }
    }
    return layout.map
  }

  function compute(): ObserverStore {
    const { mode, past } = timeline.getState()
    const now = live.getState()
    // Until the first past frame arrives the live town stays on screen (the banner says "loading").
    if (mode !== 'past' || past === null) return now
    if (cache?.live !== now || cache.past !== past) cache = { live: now, past, view: pastTown(now, past, mapFor(now.map, past.map)) }
    return cache.view
  }

  let current = compute()
  const update = () => {
    const next = compute()
    if (next === current) return
    const previous = current
    current = next
    for (const listener of listeners) listener(next, previous)
  }
  // The stores live as long as the page: the view follows both from the start.
  live.subscribe(update)
  timeline.subscribe(update)

  return {
    getState: () => current,
    getInitialState: () => current,
    // Writes go to the live store: only the stream writes, and it writes there directly.
    setState: live.setState,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
