/**
 * Fan-out of contract events to every connected client (Electron windows, browser sockets).
 * Payloads are validated against the contract before they leave, so a bad producer is caught
 * at the source instead of in a renderer.
 */
import type { z } from 'zod'
import { eventChannels, type EventName, type EventPayload } from '../../shared/contract/channels'

export type EventListener = (name: EventName, payload: unknown) => void

export interface EventBus {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void
  subscribe(listener: EventListener): () => void
  readonly listenerCount: number
}

export function createEventBus(onInvalid?: (name: EventName, message: string) => void): EventBus {
  const listeners = new Set<EventListener>()
  return {
    emit(name, payload) {
      const checked = (eventChannels[name].payload as z.ZodType).safeParse(payload)
      if (!checked.success) {
        onInvalid?.(name, checked.error.message)
        return
      }
      for (const listener of listeners) {
        // One broken client must not stop the others from getting the event.
        try {
          listener(name, checked.data)
        } catch (e) {
          onInvalid?.(name, `listener failed: ${e instanceof Error ? e.message : String(e)}`)
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    get listenerCount() {
      return listeners.size
    }
  }
}
