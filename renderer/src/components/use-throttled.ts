import { useEffect, useRef, useState } from 'react'

/**
 * The value, updated at most once per `ms`, always ending on the latest. Frames arrive ~30 a
 * second; charts need far fewer redraws than that.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value)
  const lastShownAt = useRef(0)
  useEffect(() => {
    const wait = lastShownAt.current + ms - Date.now()
    const show = () => {
      lastShownAt.current = Date.now()
      setShown(value)
    }
    if (wait <= 0) {
      show()
      return
    }
    const timer = setTimeout(show, wait)
    return () => clearTimeout(timer)
  }, [value, ms])
  return shown
}
