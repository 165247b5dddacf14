/**
 * Objects, matched by id: stock, then reservations. A holder or a waiting agent is made whole on
 * the agent side too (the option that uses the object, the object as its target, a path to its
 * use tiles, phase holding or queued), because the engine keeps both sides in step: an agent
 * holds at most one object, is never in the queue of what it holds, and waits in one queue. A
 * reservation that would break that is dropped. Cooldown expiries keep their remaining ticks.
 */
import { AGENT_OPTIONS, type AgentOption } from '../../../shared/contract/dto/world-summary'
import { OPTION_INDEX, Phase } from '../../sim/state/agent-store'
import type { World } from '../../sim/state/world'
import { headFor } from '../../sim/agents/intent'
import { assignNext } from '../../sim/systems/queue-ops'
import { clamp, rebase, type ImportContext } from './import-context'

/** Stock keys the original spelled differently, per object type. */
const STOCK_RENAMES: Record<string, Record<string, string>> = { stove: { raw_ingredients: 'ingredients' } }
/** Why a legacy stock key has no place here, where the reason is known. */
const STOCK_REASONS: Record<string, string> = {
  power_on: 'utilities are town-wide here (economy.utilities, perturbations), not per object',
  water_on: 'utilities are town-wide here (economy.utilities, perturbations), not per object',
  sleep_slots: 'a bed here sleeps one at a time through its reservation',
  sleep_capacity: 'a bed here sleeps one at a time through its reservation'
}
const MAX_STOCK = 1_000_000

/** The option whose affordance uses an object of this type, or undefined (workstations, unknown types). */
export function optionFor(world: World, type: string): AgentOption | undefined {
  return AGENT_OPTIONS.find((o) => o !== 'work' && o !== 'idle' && o !== 'socialise' && (world.registry.byOption.get(o) ?? []).some((c) => c.spec.object_type === type))
}

export function importObjects(ctx: ImportContext): void {
  const { world, report } = ctx
  const objects = world.state.objects
  const seen = new Set<number>()
  for (const [id, legacy] of Object.entries(ctx.state.objects ?? {})) {
    const o = ctx.objects.get(id)
    if (o === undefined) {
      report.drop('objects', 'no object with this id in the target town', id)
      continue
    }
    if (objects.types[o] !== legacy.object_type) {
      report.drop('objects', 'the target object with this id is of another type', id)
      continue
    }
    seen.add(o)
    report.map('objects', 1, 'matched by id')
    const stock = objects.stock[o]!
    for (const [key, value] of Object.entries(legacy.stock ?? {})) {
      const ours = STOCK_RENAMES[legacy.object_type]?.[key] ?? key
      if (!Object.hasOwn(stock, ours)) {
        report.drop('objects.stock', STOCK_REASONS[key] ?? 'the target object type keeps no such stock', `${id}.${key}`)
        continue
      }
      stock[ours] = clamp(Math.round(value), 0, MAX_STOCK)
      report.map(`objects.stock.${ours}`, 1, ours !== key ? `from the original's ${key}` : undefined)
    }
  }
  report.keep('objects', "in the target town but not in the legacy document: the town's starting stock", objects.count - seen.size)
  importReservations(ctx)
}

function importReservations(ctx: ImportContext): void {
  const { world, report, state } = ctx
  const objects = world.state.objects
  const busy = new Set<number>()
  // Holders: the queue manager's `active`, then objects' `occupied_by` where active says nothing.
  const holders = new Map<string, string>(Object.entries(state.queues?.active ?? {}))
  for (const [id, o] of Object.entries(state.objects ?? {})) {
    if (o.occupied_by == null) continue
    const active = holders.get(id)
    if (active === undefined) holders.set(id, o.occupied_by)
    else if (active !== o.occupied_by) report.drop('objects.occupied_by', 'disagrees with queues.active, which wins', id)
  }
  for (const [id, agentId] of holders) {
    const o = ctx.objects.get(id)
    const slot = ctx.slots.get(agentId)
    const why = o === undefined ? 'the object is not in the target town' : slot === undefined ? 'the holder is not in the imported town' : busy.has(slot) ? 'the agent already holds another object' : undefined
    if (why) {
      report.drop('queues.active', why, id)
      continue
    }
    if (!engage(ctx, o!, slot!, Phase.holding)) continue
    objects.holder[o!] = slot!
    busy.add(slot!)
    report.map('queues.active', 1, 'the holder walks to the object (if not beside it) and starts afresh')
  }
  for (const [id, entries] of Object.entries(state.queues?.queues ?? {})) {
    const o = ctx.objects.get(id)
    if (o === undefined) {
      report.drop('queues.queues', 'the object is not in the target town', id, entries.length)
      continue
    }
    for (const entry of entries) {
      const slot = ctx.slots.get(entry.agent_id)
      if (slot === undefined) {
        report.drop('queues.queues', 'the waiting agent is not in the imported town', entry.agent_id)
        continue
      }
      if (busy.has(slot)) {
        report.drop('queues.queues', 'the agent already holds or waits for another object (an agent waits in one place)', entry.agent_id)
        continue
      }
      if (!engage(ctx, o, slot, Phase.queued)) continue
      busy.add(slot)
      const joined = clamp(rebase(ctx, entry.joined_tick ?? state.tick), 0, ctx.tick)
      objects.queue[o]!.push({ agent: slot, joined })
      report.map('queues.queues', 1, 'in order, with their join ticks')
    }
    // A free object with a line serves the next in it, as a release would.
    if (objects.holder[o]! < 0 && objects.queue[o]!.length > 0) {
      assignNext(world, o)
      report.warn(`${id} had a queue but no holder: the next in line holds it now`)
    }
  }
  importCooldowns(ctx)
  const stalls = Object.keys(state.queues?.stall_counts ?? {}).length
  if (stalls > 0) report.drop('queues.stall_counts', 'the original counted every tick a holder kept others waiting (and evicted busy users); ours counts stalled holders only, from 0', undefined, stalls)
  const running = Object.keys(state.affordances?.running ?? {})
  for (const id of running) report.drop('affordances.running', "its progress has no counterpart here: the holder starts the affordance afresh (and pays again) when it reaches the object", id)
}

/** Point the agent at object o: its option, target, path to a use tile and phase; false (reported) when it cannot. */
function engage(ctx: ImportContext, o: number, slot: number, phase: number): boolean {
  const { world, report } = ctx
  const a = world.state.agents.cols
  const field = phase === Phase.holding ? 'queues.active' : 'queues.queues'
  const option = optionFor(world, world.state.objects.types[o]!)
  if (!option) {
    report.drop(field, 'no option here uses this kind of object', world.state.objects.ids[o]!)
    return false
  }
  const here = a.y[slot]! * world.params.map.width + a.x[slot]!
  if (!headFor(world, slot, here, world.state.objects.useTiles[o] ?? [])) {
    report.drop(field, 'the object cannot be reached from where the agent stands', world.state.objects.ids[o]!)
    a.phase[slot] = Phase.none
    return false
  }
  a.option[slot] = OPTION_INDEX[option]
  a.optionSince[slot] = ctx.tick
  a.target[slot] = o
  a.phase[slot] = phase
  return true
}

function importCooldowns(ctx: ImportContext): void {
  const { world, report, state } = ctx
  for (const c of state.queues?.cooldowns ?? []) {
    const o = ctx.objects.get(c.object_id)
    const slot = ctx.slots.get(c.agent_id)
    if (o === undefined || slot === undefined) {
      report.drop('queues.cooldowns', o === undefined ? 'the object is not in the target town' : 'the agent is not in the imported town', o === undefined ? c.object_id : c.agent_id)
      continue
    }
    const expiry = rebase(ctx, c.expiry)
    if (expiry <= ctx.tick) {
      report.drop('queues.cooldowns', 'already expired at the imported tick', `${c.object_id}/${c.agent_id}`)
      continue
    }
    const map = world.state.objects.cooldowns[o]!
    map.set(slot, Math.max(map.get(slot) ?? 0, expiry))
    report.map('queues.cooldowns', 1, 'remaining ticks kept')
  }
}
