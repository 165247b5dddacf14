/**
 * Recent engine events, town-wide and per agent. An event belongs to every agent its fields name
 * (`agent_id`, `actor`, `rival`), so a queue conflict shows on both sides of it.
 */
import type { ObserverEvent } from '../../../shared/contract/dto/observer'

/** The event fields that name agents. */
export const MENTION_FIELDS = ['agent_id', 'actor', 'rival'] as const

export const MAX_EVENTS = 200
export const MAX_AGENT_EVENTS = 30

export type AgentEvents = ReadonlyMap<string, readonly ObserverEvent[]>

/** The agent ids an event names, in field order, without repeats. */
export function eventMentions(event: ObserverEvent): string[] {
  const ids: string[] = []
  for (const field of MENTION_FIELDS) {
    const value = event[field]
    const values = Array.isArray(value) ? value : [value]
    for (const v of values) if (typeof v === 'string' && v !== '' && !ids.includes(v)) ids.push(v)
  }
  return ids
}

/** The list with `added` appended (newest last), cut to its newest `max`. */
export function appendBounded<T>(list: readonly T[], added: readonly T[], max: number): T[] {
  if (added.length === 0) return list as T[]
  const joined = list.concat(added)
  return joined.length > max ? joined.slice(joined.length - max) : joined
}

/**
 * Files new events under every agent they mention (only agents in `known`, when given: an event
 * about an agent that already left has no inspector to show it); untouched agents keep their lists.
 */
export function appendAgentEvents(
  perAgent: AgentEvents,
  events: readonly ObserverEvent[],
  known?: ReadonlyMap<string, unknown>,
  max = MAX_AGENT_EVENTS
): AgentEvents {
  if (events.length === 0) return perAgent
  const byAgent = new Map<string, ObserverEvent[]>()
  for (const event of events) {
    for (const id of eventMentions(event)) {
      if (known && !known.has(id)) continue
      let list = byAgent.get(id)
      if (!list) byAgent.set(id, (list = []))
      list.push(event)
    }
  }
  if (byAgent.size === 0) return perAgent
  const next = new Map(perAgent)
  for (const [id, added] of byAgent) next.set(id, appendBounded(perAgent.get(id) ?? [], added, max))
  return next
}
