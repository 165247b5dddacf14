/** What a possessed agent can be sent to: objects and other agents, nearest first. */
import type { AgentRow, ObjectRow } from '../../../../shared/contract/dto/observer'

export interface Target {
  id: string
  /** "fridge_1 (fridge) · 3 tiles" */
  label: string
  distance: number
}

/** Tiles between two points, walking (no diagonals); walls are not counted. */
export function tileDistance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y)
}

const tiles = (d: number) => `${d} tile${d === 1 ? '' : 's'}`

/** Every object, nearest to `from` first (ties by id). */
export function objectTargets(from: { x: number; y: number }, objects: Iterable<ObjectRow>): Target[] {
  return [...objects]
    .map((o) => ({ id: o.id, distance: tileDistance(from, o), label: `${o.id} (${o.type}) · ${tiles(tileDistance(from, o))}` }))
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
}

/** How many other agents the chat list offers. */
export const CHAT_CANDIDATES = 12

/** The other agents nearest to `self`, at most `limit`. */
export function agentTargets(self: AgentRow, agents: Iterable<AgentRow>, limit = CHAT_CANDIDATES): Target[] {
  return [...agents]
    .filter((a) => a.id !== self.id)
    .map((a) => ({ id: a.id, distance: tileDistance(self, a), label: `${a.id} · ${tiles(tileDistance(self, a))}` }))
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
    .slice(0, limit)
}
