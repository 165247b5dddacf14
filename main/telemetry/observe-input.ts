/**
 * What telemetry is given once per tick: the world after the tick, that tick's events (each
 * listed once) and the policy's decisions that went into it.
 */
import type { Decision } from '../sim/inputs'
import type { SimEvent, SimEventOf, SimEventType, World } from '../sim/state/world'

export interface ObserveInput {
  world: World
  events: readonly SimEvent[]
  decisions?: readonly Decision[]
  /** Defaults to the world's tick. */
  tick?: number
}

/** A tick's inputs, digested once for every analyzer. */
export interface TickFacts {
  tick: number
  world: World
  events: readonly SimEvent[]
  decisions: readonly Decision[]
  /** Events of one type, in order, typed by the event map. */
  ofType<K extends SimEventType>(type: K): readonly SimEventOf<K>[]
  /** Employed agents whose shift began this tick. */
  shiftStarts: number
  /** Per-agent reward totals paid this tick (living agents and those who left this tick). */
  rewards: ArrayLike<number>
}

export function indexEvents(events: readonly SimEvent[]): TickFacts['ofType'] {
  const byType = new Map<string, SimEvent[]>()
  for (const e of events) {
    const list = byType.get(e.type)
    if (list) list.push(e)
    else byType.set(e.type, [e])
  }
  // Each list holds only events whose type is its key, so the cast is what the index guarantees.
  return <K extends SimEventType>(type: K) => (byType.get(type) ?? []) as unknown as SimEventOf<K>[]
}
