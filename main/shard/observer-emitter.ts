/**
 * Builds the observer stream in the shard: a full frame first (and after `reset`, e.g. a config
 * load, or when the town's dictionaries change: an affordance reload), then diffs holding only the
 * agents and objects whose values changed since the previous frame. Both are columns
 * (shared/contract/dto/observer-columns.ts) copied from the engine's own columns: the engine's
 * slot of an agent is its wire slot, its home, job, target and affordance indexes are the codes,
 * so a changed agent costs fifteen pushes and an unchanged one fifteen comparisons, with no row
 * objects at all.
 */
import { OBSERVER_SCHEMA_VERSION, type ObserverEvent, type ObserverFrame } from '../../shared/contract/dto/observer'
import { AGENT_COLUMNS, type AgentColumns, type ObjectColumns } from '../../shared/contract/dto/observer-columns'
import { AGENT_OPTIONS } from '../../shared/contract/dto/world-summary'
import { AGENT_PHASES, SHIFT_STATES } from '../../shared/contract/dto/observer'
import { Phase } from '../sim/state/agent-store'
import type { SimEvent, World } from '../sim/state/world'
import { clockText, dayOf } from '../sim/time/clock'
import { townNames, townVocabulary } from './observer-names'
import { economyRow, townMap } from './observer-rows'
import { societyView, type TelemetryView } from './society-view'

/** Events carried per frame at most (newest kept): a burst must not make a frame huge. */
export const MAX_EVENTS_PER_FRAME = 200

/** Numbers remembered per agent slot: alive, then the columns in AGENT_COLUMNS order but fail_reason. */
const FIELDS = AGENT_COLUMNS.length
const IDLE = AGENT_OPTIONS.indexOf('idle')
const NO_PHASE = AGENT_PHASES.indexOf('none')
const OFF = SHIFT_STATES.indexOf('off')

const emptyAgents = (): AgentColumns => Object.fromEntries(['index', ...AGENT_COLUMNS].map((k) => [k, []])) as unknown as AgentColumns
const emptyObjects = (): ObjectColumns => ({ index: [], holder: [], running: [], remaining: [], queue_len: [], queue: [], stock: [] })

export class ObserverEmitter {
  private seq = -1
  private known = new Float64Array(0)
  private knownCount = 0
  private sentIds: string[] = []
  private failReasons: string[] = []
  private objectKeys: string[] = []
  private events: ObserverEvent[] = []
  private vocabulary: readonly unknown[] = []
  private readonly scratch = new Float64Array(FIELDS)

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
    const vocabulary = townVocabulary(world)
    const full = this.seq < 0 || vocabulary.some((v, i) => v !== this.vocabulary[i])
    this.vocabulary = vocabulary
    if (full) this.knownCount = 0
    const base = this.seq
    this.seq += 1
    const events = this.events.slice(-MAX_EVENTS_PER_FRAME)
    this.events = []
    const n = state.agents.count
    if (this.known.length < n * (FIELDS + 1)) {
      const grown = new Float64Array(Math.max(n, 16) * (FIELDS + 1) * 2)
      grown.set(this.known)
      this.known = grown
    }
    const agents = emptyAgents()
    const reasons: string[] = []
    const reasonCodes = new Map<string, number>()
    const removed: number[] = []
    const roster = { index: [] as number[], id: [] as string[] }
    const ids = state.agents.ids
    for (let i = 0; i < n; i++) {
      if (!full && (i >= this.knownCount || this.sentIds[i] !== ids[i])) {
        roster.index.push(i)
        roster.id.push(ids[i]!)
      }
      this.sentIds[i] = ids[i]!
      const at = i * (FIELDS + 1)
      const wasAlive = i < this.knownCount && this.known[at] === 1
      if (state.agents.cols.alive[i] !== 1) {
        if (wasAlive) removed.push(i)
        this.known[at] = 0
        continue
      }
      const reason = state.agents.failReason[i] ?? ''
      if (this.fill(world, i) || !wasAlive || reason !== this.failReasons[i]) {
        this.failReasons[i] = reason
        let code = -1
        if (reason !== '') {
          code = reasonCodes.get(reason) ?? reasons.push(reason) - 1
          reasonCodes.set(reason, code)
        }
        push(agents, i, this.scratch, code)
      }
      this.known[at] = 1
    }
    this.knownCount = n
    const objects = emptyObjects()
    for (let o = 0; o < state.objects.count; o++) {
      const key = objectKey(world, o)
      if (full || this.objectKeys[o] !== key) pushObject(objects, world, o)
      this.objectKeys[o] = key
    }
    const common = {
      schema_version: OBSERVER_SCHEMA_VERSION as typeof OBSERVER_SCHEMA_VERSION,
      seq: this.seq,
      tick: state.tick,
      day: dayOf(params.clock, state.tick),
      clock: clockText(params.clock, state.tick),
      economy: economyRow(world),
      events,
      society: societyView(world, telemetry),
      reasons
    }
    if (full) {
      const { names, statics } = townNames(world)
      return { ...common, kind: 'full', config_id: configId, map: townMap(world), names, roster: ids.slice(0, n), agents, statics, objects }
    }
    return { ...common, kind: 'diff', base_seq: base, roster, agents, removed, objects }
  }

  /** The agent's wire values into `scratch`; whether any differs from what the last frame sent (the record is updated). */
  private fill(world: World, i: number): boolean {
    const { params, state, registry } = world
    const a = state.agents.cols
    const objects = state.objects
    const v = this.scratch
    const target = a.target[i]!
    const phase = a.phase[i]!
    const hasTarget = target >= 0 && target < objects.count
    const running = hasTarget && objects.holder[target] === i ? objects.running[target]! : -1
    const home = a.home[i]!
    const job = a.job[i]!
    const option = a.option[i]!
    const shift = a.shift[i]!
    v[0] = a.x[i]!
    v[1] = a.y[i]!
    v[2] = Math.round(a.hunger[i]! * 1000)
    v[3] = Math.round(a.hygiene[i]! * 1000)
    v[4] = Math.round(a.energy[i]! * 1000)
    v[5] = Math.round(a.wallet[i]! * 100)
    v[6] = option >= 0 && option < AGENT_OPTIONS.length ? option : IDLE
    v[7] = phase >= 0 && phase < AGENT_PHASES.length ? phase : NO_PHASE
    v[8] = shift >= 0 && shift < SHIFT_STATES.length ? shift : OFF
    v[9] = hasTarget ? target : -1
    v[10] = running >= 0 && running < registry.affordances.length ? running : -1
    v[11] = phase === Phase.queued && hasTarget ? objects.queue[target]!.findIndex((e) => e.agent === i) : -1
    v[12] = home >= 0 && home < params.homes.length ? home : -1
    v[13] = job >= 0 && job < params.jobs.length ? job : -1
    const known = this.known
    const at = i * (FIELDS + 1) + 1
    let changed = false
    for (let k = 0; k < FIELDS - 1; k++) {
      if (known[at + k] !== v[k]) {
        known[at + k] = v[k]!
        changed = true
      }
    }
    return changed
  }
}

/** Append slot `i`'s values (scratch, in AGENT_COLUMNS order) to the columns. */
function push(cols: AgentColumns, i: number, v: Float64Array, reason: number): void {
  cols.index.push(i)
  cols.x.push(v[0]!)
  cols.y.push(v[1]!)
  cols.hunger.push(v[2]!)
  cols.hygiene.push(v[3]!)
  cols.energy.push(v[4]!)
  cols.wallet.push(v[5]!)
  cols.option.push(v[6]!)
  cols.phase.push(v[7]!)
  cols.shift.push(v[8]!)
  cols.target.push(v[9]!)
  cols.action.push(v[10]!)
  cols.queue_pos.push(v[11]!)
  cols.home.push(v[12]!)
  cols.job.push(v[13]!)
  cols.fail_reason.push(reason)
}

function pushObject(cols: ObjectColumns, world: World, o: number): void {
  const objects = world.state.objects
  const holder = objects.holder[o]!
  const running = objects.running[o]!
  const known = running >= 0 && running < world.registry.affordances.length
  cols.index.push(o)
  cols.holder.push(holder >= 0 && holder < world.state.agents.count ? holder : -1)
  cols.running.push(known ? running : -1)
  cols.remaining.push(running >= 0 ? objects.remaining[o]! : 0)
  const queue = objects.queue[o]!
  cols.queue_len.push(queue.length)
  for (const e of queue) cols.queue.push(e.agent)
  cols.stock.push({ ...objects.stock[o]! })
}

function objectKey(world: World, o: number): string {
  const objects = world.state.objects
  const stock = objects.stock[o]!
  let key = `${objects.holder[o]}|${objects.running[o]}|${objects.remaining[o]}|`
  for (const e of objects.queue[o]!) key += `${e.agent},`
  for (const k in stock) key += `${k}=${stock[k]};`
  return key
}
