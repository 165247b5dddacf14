/**
 * The town as the observer panels see it, rebuilt from the observer stream: a full frame replaces
 * everything; a diff applies only on top of the frame it names (`base_seq`). Any other diff means
 * frames were dropped (a slow client) or we never had a base, so the slice turns `stale` and the
 * caller fetches a full frame. Frames arrive as columns (validated by the contract at the
 * socket) and are decoded here into the rows the panels read, against the roster and
 * dictionaries of the last full frame (`codec`); a frame that names an unknown slot or code is
 * dropped whole, its reason shown, and the town fetched again. Pure functions; the store and the
 * wiring live elsewhere.
 */
import type { AgentRow, EconomyRow, ObjectRow, ObserverDiffRows, ObserverEvent, ObserverFrame, ObserverFull, ObserverFullRows, TownMapDto } from '../../../shared/contract/dto/observer'
import { decodeObserverFrame, type DecoderState } from '../../../shared/contract/dto/observer-decode'
import type { Narration, SocietyView } from '../../../shared/contract/dto/society'
import { appendAgentEvents, appendBounded, MAX_EVENTS } from './agent-events'
import type { AgentEvents } from './agent-events'
import { sampleAgents } from './agent-history'
import { emptyEconomyHistory, recordEconomy } from './economy-history'
import type { EconomyHistory } from './economy-history'
import type { AgentHistory } from './agent-history'
import { appendNarrations, emptySocietyHistory, recordSociety } from './society-history'
import type { SocietyHistory } from './society-history'

export interface ObserverSlice {
  /** seq of the last applied frame; -1 before the first. */
  seq: number
  /** True when the next diff cannot apply (no full frame yet, a gap, a reconnection). */
  stale: boolean
  configId: string | null
  tick: number
  day: number
  clock: string
  map: TownMapDto | null
  agents: ReadonlyMap<string, AgentRow>
  objects: ReadonlyMap<string, ObjectRow>
  economy: EconomyRow | null
  /** Prices, stock and wages over time, for the Economy charts. */
  economyHistory: EconomyHistory
  /** Town-wide recent events, newest last. */
  events: readonly ObserverEvent[]
  agentEvents: AgentEvents
  history: AgentHistory
  lastSampleAt: number
  /** The latest frame's society block (conflict, narration, KPIs, perturbations, employment); null before the first. */
  society: SocietyView | null
  /** Fairness per frame and KPIs per window, for the charts. */
  societyHistory: SocietyHistory
  /** Narration lines accumulated across frames, newest last, bounded. */
  narrations: readonly Narration[]
  /** Why the last `observer.full` failed, or why a frame was refused; cleared by the next full frame. */
  error: string | null
  /** The roster and dictionaries diffs are read against (null before the first full frame). */
  codec: DecoderState | null
}

/** 'gap': a full frame must be fetched; 'invalid': the frame was refused (see `error`), and one must be too. */
export type FrameOutcome = 'applied' | 'ignored' | 'gap' | 'invalid'

/** No town yet: stale until the first full frame. */
export function initialObserver(): ObserverSlice {
  return {
    seq: -1,
    stale: true,
    configId: null,
    tick: 0,
    day: 0,
    clock: '00:00',
    map: null,
    agents: new Map(),
    objects: new Map(),
    economy: null,
    economyHistory: emptyEconomyHistory(),
    events: [],
    agentEvents: new Map(),
    history: new Map(),
    lastSampleAt: Number.NEGATIVE_INFINITY,
    society: null,
    societyHistory: emptySocietyHistory(),
    narrations: [],
    error: null,
    codec: null
  }
}

/** An event from the stream: a full frame always applies; a diff only on its base. */
export function receiveFrame(slice: ObserverSlice, frame: ObserverFrame, now: number): { slice: ObserverSlice; outcome: FrameOutcome } {
  if (frame.kind === 'diff') {
    if (slice.stale) return { slice, outcome: 'gap' }
    // Already covered by a newer full frame (its reply overtook the stream).
    if (frame.seq <= slice.seq) return { slice, outcome: 'ignored' }
    if (frame.base_seq !== slice.seq) return { slice: { ...slice, stale: true }, outcome: 'gap' }
  }
  const decoded = decodeObserverFrame(slice.codec, frame)
  if (!decoded.ok) return { slice: { ...slice, stale: true, error: decoded.error }, outcome: 'invalid' }
  const rows = decoded.frame
  return { slice: rows.kind === 'full' ? applyFull(slice, rows, now, decoded.state) : applyDiff(slice, rows, now, decoded.state), outcome: 'applied' }
}

/** A full frame as it came (columns): the town it holds, or the slice stale with the reason it was refused. */
export function applyFullFrame(slice: ObserverSlice, full: ObserverFull, now: number): ObserverSlice {
  const decoded = decodeObserverFrame(null, full)
  if (!decoded.ok) return { ...slice, stale: true, error: decoded.error }
  return applyFull(slice, decoded.frame as ObserverFullRows, now, decoded.state)
}

/**
 * The reply of an `observer.full` request. It loses to a newer frame that the stream delivered
 * meanwhile, unless the slice is stale (then any full frame is better than what we have).
 */
export function receiveFetchedFull(slice: ObserverSlice, full: ObserverFull, now: number): ObserverSlice {
  if (!slice.stale && full.seq < slice.seq) return slice
  return applyFullFrame(slice, full, now)
}

/** A full frame replaces the town. History, events and narration survive only within the same world. */
export function applyFull(slice: ObserverSlice, full: ObserverFullRows, now: number, codec: DecoderState | null = null): ObserverSlice {
  const sameWorld = slice.configId === full.config_id && full.tick >= slice.tick
  const base = sameWorld ? slice : initialObserver()
  const agents = new Map(full.agents.map((a) => [a.id, a]))
  const sampled = sampleAgents({ history: keepKnown(base.history, agents), lastSampleAt: base.lastSampleAt }, agents.values(), full.tick, now)
  return {
    seq: full.seq,
    stale: false,
    configId: full.config_id,
    tick: full.tick,
    day: full.day,
    clock: full.clock,
    // Same layout, same object: the map canvas rebuilds its tile layer only for a new one.
    map: slice.map !== null && sameMap(slice.map, full.map) ? slice.map : full.map,
    agents,
    objects: new Map(full.objects.map((o) => [o.id, o])),
    economy: full.economy,
    economyHistory: recordEconomy(base.economyHistory, full.economy, full.tick),
    events: appendBounded(base.events, full.events, MAX_EVENTS),
    agentEvents: appendAgentEvents(keepKnown(base.agentEvents, agents), full.events, agents),
    history: sampled.history,
    lastSampleAt: sampled.lastSampleAt,
    society: full.society,
    societyHistory: recordSociety(base.societyHistory, full.society, full.tick),
    narrations: appendNarrations(base.narrations, full.society.narrations),
    error: null,
    codec
  }
}

/** Upserts agents and objects by id, drops the removed, replaces the economy and society, appends events and narration. */
export function applyDiff(slice: ObserverSlice, diff: ObserverDiffRows, now: number, codec: DecoderState | null = slice.codec): ObserverSlice {
  let agents = slice.agents
  if (diff.agents.length > 0 || diff.removed.length > 0) {
    const next = new Map(slice.agents)
    for (const agent of diff.agents) next.set(agent.id, agent)
    for (const id of diff.removed) next.delete(id)
    agents = next
  }
  let objects = slice.objects
  if (diff.objects.length > 0) {
    const next = new Map(slice.objects)
    for (const object of diff.objects) next.set(object.id, object)
    objects = next
  }
  // Every agent is sampled, changed or not, so all sparklines share one time axis.
  const sampled = sampleAgents({ history: slice.history, lastSampleAt: slice.lastSampleAt }, agents.values(), diff.tick, now)
  return {
    ...slice,
    seq: diff.seq,
    tick: diff.tick,
    day: diff.day,
    clock: diff.clock,
    agents,
    objects,
    economy: diff.economy,
    economyHistory: recordEconomy(slice.economyHistory, diff.economy, diff.tick),
    events: appendBounded(slice.events, diff.events, MAX_EVENTS),
    agentEvents: keepKnown(appendAgentEvents(slice.agentEvents, diff.events, agents), agents),
    history: keepKnown(sampled.history, agents),
    lastSampleAt: sampled.lastSampleAt,
    society: diff.society,
    societyHistory: recordSociety(slice.societyHistory, diff.society, diff.tick),
    narrations: appendNarrations(slice.narrations, diff.society.narrations),
    codec
  }
}

/** On a (re)connection the host may be a new session whose seq starts again: the next diff needs a full frame first. */
export function markStale(slice: ObserverSlice): ObserverSlice {
  return slice.stale ? slice : { ...slice, stale: true }
}

/** Records why a full-frame fetch failed (null clears it). */
export function setError(slice: ObserverSlice, error: string | null): ObserverSlice {
  return { ...slice, error }
}

/** The entries of `byId` whose id is still in `known` (the same map when none left). */
function keepKnown<T>(byId: ReadonlyMap<string, T>, known: ReadonlyMap<string, unknown>): ReadonlyMap<string, T> {
  let dropped = false
  for (const id of byId.keys()) {
    if (!known.has(id)) {
      dropped = true
      break
    }
  }
  if (!dropped) return byId
  return new Map([...byId].filter(([id]) => known.has(id)))
}

function sameMap(a: TownMapDto, b: TownMapDto): boolean {
  return a.width === b.width && a.height === b.height && JSON.stringify(a) === JSON.stringify(b)
}
