/**
 * One object's reservation state as plain JSON, by id: who holds it, who waits (and since when),
 * whose cooldown is still running, how long the holder has stalled, and what runs on it.
 */
import type { JsonValue, World } from '../../sim/state/world'

export function objectQueueView(world: World, o: number): { [key: string]: JsonValue } {
  const { objects, agents, tick } = world.state
  const id = (slot: number): string => agents.ids[slot] ?? `#${slot}`
  const holder = objects.holder[o]!
  const running = objects.running[o]!
  const cooldowns = [...objects.cooldowns[o]!.entries()]
    // An expiry at or before now is over; the queue system forgets it lazily.
    .filter(([, expiry]) => expiry > tick)
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
  return {
    object_id: objects.ids[o]!,
    type: objects.types[o]!,
    holder: holder >= 0 ? id(holder) : null,
    running: running >= 0 ? { affordance: world.registry.affordances[running]?.spec.id ?? `#${running}`, remaining_ticks: objects.remaining[o]! } : null,
    queue: objects.queue[o]!.map((e) => ({ agent_id: id(e.agent), joined_tick: e.joined, waited_ticks: tick - e.joined })),
    cooldowns: cooldowns.map(([agent, expiry]) => ({ agent_id: id(agent), expiry_tick: expiry, ticks_remaining: expiry - tick })),
    stall_count: objects.stall[o]!
  }
}
