/**
 * Latest-wins rate limiter for frames to the renderer. A frame that arrives within the interval
 * replaces the one waiting, so clients get at most one frame per interval and never a backlog;
 * the producer (the shard) is never made to wait.
 */
export interface Coalescer<T> {
  push(value: T): void
  /** Send the waiting value now (state changes should reach the UI without delay). */
  flush(): void
  dispose(): void
}

export function createCoalescer<T>(emit: (value: T) => void, intervalMs: number, now: () => number = Date.now): Coalescer<T> {
  let waiting: { value: T } | undefined
  let timer: NodeJS.Timeout | undefined
  let lastEmit = -Infinity

  function send(): void {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (!waiting) return
    const { value } = waiting
    waiting = undefined
    lastEmit = now()
    emit(value)
  }

  return {
    push(value) {
      waiting = { value }
      const wait = lastEmit + intervalMs - now()
      if (wait <= 0) send()
      else timer ??= setTimeout(send, wait)
    },
    flush: send,
    dispose() {
      if (timer) clearTimeout(timer)
      timer = undefined
      waiting = undefined
    }
  }
}
