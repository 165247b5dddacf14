/**
 * In-process listeners to the stream, by kind or `*`. A listener that throws is caught and
 * counted, never rethrown: it runs on the tick's path, and one broken listener must not stop the
 * town or keep the message from the others and from the transports. Lists are replaced, not
 * edited, when someone subscribes or leaves, so a listener that unsubscribes (itself or another)
 * while a message is delivered changes nothing for that message.
 */
import { STREAM_KIND_NAMES } from '../../config/sections/telemetry-dispatch'

/** A message as listeners see it: the stream envelope, the payload typed by its kind in stream-schema.ts. */
export interface DispatchedMessage {
  schema_version: string
  kind: string
  tick: number
  seq?: number
  payload: unknown
}

export type Subscriber = (message: DispatchedMessage) => void

/** More would be a leak (a subscribe per tick without its unsubscribe), not a design. */
export const MAX_SUBSCRIBERS = 256

/** One subscription (the same function subscribed twice is two). */
interface Entry {
  fn: Subscriber
}

export class SubscriberRegistry {
  private byKind = new Map<string, readonly Entry[]>()
  private everyKind: readonly Entry[] = []
  private total = 0
  private failures = 0

  /** Listen to `kinds` (or every kind that flows: `*`); returns the unsubscribe, safe to call twice. */
  subscribe(kinds: readonly string[] | '*', fn: Subscriber): () => void {
    if (kinds !== '*') {
      const bad = kinds.find((k) => !STREAM_KIND_NAMES.includes(k))
      if (bad !== undefined) throw new RangeError(`not a stream kind: ${JSON.stringify(bad.slice(0, 64))} (one of ${STREAM_KIND_NAMES.join(', ')}, or '*')`)
      if (kinds.length === 0) throw new RangeError("subscribe needs at least one kind, or '*'")
    }
    if (this.total >= MAX_SUBSCRIBERS) throw new RangeError(`at most ${MAX_SUBSCRIBERS} subscribers: unsubscribe the ones no longer listening`)
    const entry: Entry = { fn }
    const named = kinds === '*' ? [] : [...new Set(kinds)]
    if (kinds === '*') this.everyKind = [...this.everyKind, entry]
    for (const k of named) this.byKind.set(k, [...(this.byKind.get(k) ?? []), entry])
    this.total++
    let active = true
    return () => {
      if (!active) return
      active = false
      this.total--
      if (kinds === '*') this.everyKind = this.everyKind.filter((e) => e !== entry)
      for (const k of named) {
        const left = (this.byKind.get(k) ?? []).filter((e) => e !== entry)
        if (left.length === 0) this.byKind.delete(k)
        else this.byKind.set(k, left)
      }
    }
  }

  /** Whether anyone named this kind (a `*` listener does not ask for on-request kinds). */
  wants(kind: string): boolean {
    return this.byKind.has(kind)
  }

  /** Whether a message of this kind has anyone to hear it. */
  hears(kind: string): boolean {
    return this.everyKind.length > 0 || this.byKind.has(kind)
  }

  deliver(message: DispatchedMessage): void {
    const named = this.byKind.get(message.kind)
    if (named) for (const e of named) this.call(e, message)
    for (const e of this.everyKind) this.call(e, message)
  }

  get count(): number {
    return this.total
  }

  /** Calls that threw, all listeners together. */
  get errors(): number {
    return this.failures
  }

  private call(entry: Entry, message: DispatchedMessage): void {
    try {
      entry.fn(message)
    } catch {
      // Isolated: counted here, and the message goes on to the other listeners and the transports.
      this.failures++
    }
  }
}
