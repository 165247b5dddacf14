/**
 * Builds the observer stream in the shard: a full frame first (and after `reset`, e.g. a config
 * load), then diffs holding only the agents and objects whose rows changed since the previous
 * frame. Change detection compares compact per-agent columns, so an unchanged agent costs a few
 * comparisons and no allocation; only changed agents become row objects.
 */
import { OBSERVER_SCHEMA_VERSION, type ObserverEvent, type ObserverFrame } from '../../shared/contract/dto/observer'
import type { SimEvent, World } from '../sim/state/world'
import { clockText, dayOf } from '../sim/time/clock'
import { agentRow, economyRow, objectRow, townMap } from './observer-rows'
import { societyView, type TelemetryView } from './society-view'

/** Events carried per frame at most (newest kept): a burst must not make a frame huge. */
export const MAX_EVENTS_PER_FRAME = 200

/** Numbers per agent that decide whether its row changed. */
const FIELDS = 12

export class ObserverEmitter {
  private seq = -1
  private known = new Float64Array(0)
  private knownCount = 0
  private failReasons: string[] = []
  private objectKeys: string[] = []
  private events: ObserverEvent[] = []

  /** The next frame will be full (a new world, or a client that lost the thread). */
  reset(): void {
    this.seq = -1
    this.knownCount = 0
    this.events = []
  }

  /** Remember a tick's events for the next frame. */
  record(events: readonly SimEvent[]): void {
    for (const e of events) this.events.push(e as ObserverEvent)
    if (this.events.length > MAX_EVENTS_PER_FRAME * 2) this.events = this.events.slice(-MAX_EVENTS_PER_FRAME)
  }

  frame(world: World, configId: string, telemetry?: TelemetryView): ObserverFrame {
    const { state, params } = world
    const full = this.seq < 0
    const base = this.seq
    this.seq += 1
    const events = this.events.slice(-MAX_EVENTS_PER_FRAME)
    this.events = []
    const common = {
      schema_version: OBSERVER_SCHEMA_VERSION as typeof OBSERVER_SCHEMA_VERSION,
      seq: this.seq,
      tick: state.tick,
      day: dayOf(params.clock, state.tick),
      clock: clockText(params.clock, state.tick),
      economy: economyRow(world),
      events,
      society: societyView(world, telemetry)
    }
    const n = state.agents.count
    if (this.known.length < n * FIELDS) {
      const grown = new Float64Array(Math.max(n, 16) * FIELDS * 2)
      grown.set(this.known)
      this.known = grown
    }
    const agents = []
    const removed: string[] = []
    for (let i = 0; i < n; i++) {
      const alive = state.agents.cols.alive[i] === 1
      const wasKnown = i < this.knownCount && this.known[i * FIELDS] === 1
      if (!alive) {
        if (wasKnown) removed.push(state.agents.ids[i]!)
        this.known[i * FIELDS] = 0
        continue
      }
      if (this.changed(world, i) || !wasKnown || full) agents.push(agentRow(world, i))
    }
    this.knownCount = n
    const objects = []
    for (let o = 0; o < state.objects.count; o++) {
      const key = objectKey(world, o)
      if (full || this.objectKeys[o] !== key) objects.push(objectRow(world, o))
      this.objectKeys[o] = key
    }
    if (full) return { ...common, kind: 'full', config_id: configId, map: townMap(world), agents, objects }
    return { ...common, kind: 'diff', base_seq: base, agents, removed, objects }
  }

  /** Compare the agent's rounded state with what the last frame sent, updating the record. */
  private changed(world: World, i: number): boolean {
    const a = world.state.agents.cols
    const objects = world.state.objects
    const target = a.target[i]!
    let changed = world.state.agents.failReason[i] !== this.failReasons[i]
    this.failReasons[i] = world.state.agents.failReason[i] ?? ''
    const known = this.known
    const at = i * FIELDS
    let k = at
    const put = (v: number) => {
      if (known[k] !== v) {
        known[k] = v
        changed = true
      }
      k++
    }
    put(1)
    put(a.x[i]!)
    put(a.y[i]!)
    put(Math.round(a.hunger[i]! * 1000))
    put(Math.round(a.hygiene[i]! * 1000))
    put(Math.round(a.energy[i]! * 1000))
    put(Math.round(a.wallet[i]! * 100))
    put(a.option[i]!)
    put(a.phase[i]!)
    put(target)
    put(a.shift[i]!)
    put(target >= 0 ? objects.queue[target]!.length * 4 + (objects.holder[target] === i ? 1 : 0) + (objects.running[target]! >= 0 ? 2 : 0) : -1)
    return changed
  }
}

function objectKey(world: World, o: number): string {
  const objects = world.state.objects
  const stock = objects.stock[o]!
  let key = `${objects.holder[o]}|${objects.running[o]}|${objects.remaining[o]}|`
  for (const e of objects.queue[o]!) key += `${e.agent},`
  for (const k in stock) key += `${k}=${stock[k]};`
  return key
}
