/**
 * The slots an event is about, for the engine systems that read this tick's events later in the
 * same tick (rivalry from conflicts, absences, rewards): they take the slot the emitter already
 * had instead of looking the event's ids up again. Kept beside `state.events`, index for index,
 * and never part of an event, the hash or a snapshot (slots are the engine's business; ids are
 * what leaves it). Only the types listed here carry slots; `emit` requires them for exactly these.
 */
import type { SimEventType } from './event-map'

export interface SimEventSlotMap {
  queue_conflict: { actor: number; rival: number; object: number }
  chat_success: { speaker: number; listener: number }
  chat_failure: { speaker: number; listener: number }
  rivalry_avoidance: { agent: number; other: number; object: number }
  shift_ended: { agent: number }
  agent_exit: { agent: number }
  agent_killed: { agent: number }
  employment_exit_pending: { agent: number }
  agent_respawn: { agent: number }
}

export type SlottedEventType = keyof SimEventSlotMap & SimEventType

/** What emit takes after the fields: the slots for a slotted type, nothing otherwise. */
export type SlotsArg<K extends SimEventType> = K extends SlottedEventType ? [slots: SimEventSlotMap[K]] : []

/** One entry per event of the tick: its slots, or null for a type without. */
export type EventSlotList = (SimEventSlotMap[SlottedEventType] | null)[]

/** The slot list, checked to be index for index with the events (a reset of one without the other would misfile every slot). */
export function alignedSlots(events: readonly unknown[], slots: EventSlotList): EventSlotList {
  if (slots.length !== events.length) throw new Error(`state.eventSlots has ${slots.length} entries for ${events.length} events: reset both with resetTickEvents(), and add events with emit()`)
  return slots
}

/**
 * The slots of this tick's event `index`, which the caller has narrowed to type `type`. An
 * event a test or tool put in the list by hand has none: that is a programming error, said plainly.
 */
export function slotsAt<K extends SlottedEventType>(slots: EventSlotList, index: number, type: K): SimEventSlotMap[K] {
  const s = slots[index]
  if (!s) throw new Error(`event ${index} (${type}) has no slots: emit it with emit(), or set state.eventSlots beside state.events`)
  return s as SimEventSlotMap[K]
}
