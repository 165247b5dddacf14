import { useEffect, useRef, useState } from 'react'
import type { StoreApi } from 'zustand/vanilla'

/**
 * A slice of a store, re-read at most once per `ms` and always ending on the latest. Unlike
 * `useThrottled(useStore(...))`, the component does not re-render on every store change in
 * between: with frames at ~30 a second and 1,000 agents, the Agents table renders four times a
 * second instead of thirty.
 */
export function useSampled<S, T>(store: StoreApi<S>, select: (state: S) => T, ms: number): T {
  const [value, setValue] = useState(() => select(store.getState()))
  // The latest selector, without resubscribing when an inline one changes identity.
  const selectRef = useRef(select)
  selectRef.current = select

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let shownAt = 0
    const show = () => {
      timer = null
      shownAt = Date.now()
      setValue(() => selectRef.current(store.getState()))
    }
    show()
    const unsubscribe = store.subscribe(() => {
      if (timer !== null) return
      const wait = shownAt + ms - Date.now()
      if (wait <= 0) show()
      else timer = setTimeout(show, wait)
    })
    return () => {
      unsubscribe()
      if (timer !== null) clearTimeout(timer)
    }
  }, [store, ms])
  return value
}
