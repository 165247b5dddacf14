/**
 * "Fit the map", asked for from outside the map (the `f` shortcut). The map panel subscribes while
 * it is shown and fits its renderer; with no map on screen a request does nothing. A tiny event
 * rather than a store field: it is a command, not state to remember.
 */
type Listener = () => void

const listeners = new Set<Listener>()

/** Subscribes; returns the unsubscribe, so `useEffect(() => onMapFitRequest(fit), [fit])` is whole. */
export function onMapFitRequest(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** Asks every shown map to fit; false when none listens. */
export function requestMapFit(): boolean {
  for (const listener of listeners) listener()
  return listeners.size > 0
}
