/**
 * Avoidance: an agent on its way to an object (walking to it, or queued behind others) gives it up
 * when someone it avoids (rivalry ≥ `rivalry.avoid_threshold`) holds it or waits ahead of it, as
 * long as another object of that type it could use is free of rivals. It drops the object,
 * skips it for `behavior.retry_after_ticks` (the controller's existing "an object refused me, try
 * another" rule, so the scripted controller picks the other object at its next decision) and a
 * `rivalry_avoidance {agent_id, other, object_id}` event says so. With no rival-free alternative
 * it stays: sharing the only shower beats going unwashed.
 *
 * This runs in the tick, not in the controller, so the event is exact, replays from the input log
 * like every other, and the rule holds whatever policy decides (as the original's relationship
 * guardrail did). Cost: only the agents that avoid someone are looked at (see avoiders.ts).
 */
import { optionOf, Phase } from '../state/agent-store'
import { emit, type World } from '../state/world'
import { dropCurrent } from '../agents/drop-current'
import { avoiders } from './avoiders'
import { avoids } from './tie-ledger'

export function avoidRivals(world: World): void {
  const { state } = world
  const { agents, society, objects } = state
  const a = agents.cols
  for (const i of avoiders(world)) {
    if (a.alive[i] !== 1) continue
    const phase = a.phase[i]
    if (phase !== Phase.walking && phase !== Phase.queued) continue
    const o = a.target[i]!
    if (o < 0) continue
    const rival = rivalAt(world, i, o)
    if (rival < 0 || !hasRivalFreeAlternative(world, i, o)) continue
    dropCurrent(world, i)
    a.avoidObject[i] = o
    a.avoidUntil[i] = state.tick + world.params.behavior.retry_after_ticks
    a.phase[i] = Phase.failed
    agents.failReason[i] = 'rival'
    society.counters.avoidances++
    emit(state, 'rivalry_avoidance', { agent_id: agents.ids[i]!, other: agents.ids[rival]!, object_id: objects.ids[o]! }, { agent: i, other: rival, object: o })
  }
}

/** Someone `i` avoids who holds `o` or waits for it ahead of `i`, or −1. */
export function rivalAt(world: World, i: number, o: number): number {
  const { objects } = world.state
  const holder = objects.holder[o]!
  if (holder >= 0 && holder !== i && avoids(world, i, holder)) return holder
  for (const entry of objects.queue[o]!) {
    if (entry.agent === i) break
    if (avoids(world, i, entry.agent)) return entry.agent
  }
  return -1
}

/**
 * Whether `i` could go to another object of `o`'s type instead: one in its home or in public
 * (or, when `o` is in another home, any of the type), not on cooldown for `i`, stocked for one of
 * the affordances of `i`'s option, and with no rival of `i` at it.
 */
function hasRivalFreeAlternative(world: World, i: number, o: number): boolean {
  const { objects, agents } = world.state
  const type = objects.types[o]!
  const home = agents.cols.home[i]!
  const lists = [world.cache.objectsByHome[home]?.get(type), world.cache.publicObjectsByType.get(type)]
  if (objects.home[o]! >= 0 && objects.home[o] !== home) lists.push(world.cache.objectsByType.get(type))
  for (const list of lists) {
    for (const p of list ?? []) {
      if (p !== o && couldUse(world, i, p) && rivalAt(world, i, p) < 0) return true
    }
  }
  return false
}

function couldUse(world: World, i: number, p: number): boolean {
  const { objects, agents, tick } = world.state
  const cooldown = objects.cooldowns[p]!.get(i)
  if ((cooldown !== undefined && tick < cooldown) || objects.useTiles[p]!.length === 0) return false
  const type = objects.types[p]!
  const stock = objects.stock[p]!
  for (const c of world.registry.byOption.get(optionOf(agents, i)) ?? []) {
    if (c.spec.object_type !== type) continue
    let stocked = true
    for (const [key, amount] of Object.entries(c.spec.consumes)) if ((stock[key] ?? 0) < amount) stocked = false
    if (stocked) return true
  }
  return false
}
