/**
 * Per-agent state as columns (typed arrays indexed by agent slot), so a 10,000-agent town stays
 * fast and compact: a tick walks flat arrays instead of chasing objects. Slots are never reused
 * within a run, so a slot index is a stable handle for the input log; a removed agent keeps its
 * slot with `alive` 0, and every system skips it.
 */
import type { AgentOption } from '../../../shared/contract/dto/world-summary'
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import { indexOfId } from './id-index'

export const OPTION_INDEX: Record<AgentOption, number> = Object.fromEntries(AGENT_OPTIONS.map((o, i) => [o, i])) as Record<AgentOption, number>

/** Where an agent is in carrying out its option. */
export const Phase = { none: 0, walking: 1, queued: 2, holding: 3, using: 4, arrived: 5, done: 6, failed: 7 } as const
export const PHASE_NAMES = ['none', 'walking', 'queued', 'holding', 'using', 'arrived', 'done', 'failed'] as const

/** Where an agent is in today's shift. */
export const Shift = { off: 0, await: 1, on_time: 2, late: 3, absent: 4 } as const
export const SHIFT_NAMES = ['off', 'await', 'on_time', 'late', 'absent'] as const

const F64 = ['hunger', 'hygiene', 'energy', 'wallet', 'wagesEarned', 'wagesWithheld', 'attendance'] as const
const I32 = [
  'alive', 'x', 'y', 'home', 'homeTile', 'job', 'workplace', 'workTile',
  'option', 'optionSince', 'target', 'phase', 'dest', 'pathPos', 'blocked', 'lastMoved',
  'avoidObject', 'avoidUntil', 'shift', 'shiftTicks', 'shiftPresent', 'shiftArrived', 'latenessCount', 'shiftsDone',
  'mealsEaten', 'mealsCooked', 'showers', 'sleeps',
  // 1 while an operator drives the agent (console `possess`): the policy leaves it alone.
  'possessed',
  // The agent a `socialise` option seeks out (slot), or -1.
  'partner'
] as const

export type F64Key = (typeof F64)[number]
export type I32Key = (typeof I32)[number]
export type AgentColumnName = F64Key | I32Key
/** The column names by type, in allocation order (the snapshot readers check against them). */
export const AGENT_F64_COLUMNS: readonly F64Key[] = F64
export const AGENT_I32_COLUMNS: readonly I32Key[] = I32

export type AgentColumns = { [K in F64Key]: Float64Array } & { [K in I32Key]: Int32Array }

export class AgentStore {
  count = 0
  ids: string[] = []
  /** The current path (tile indices), shared with the path cache: never mutate it. */
  paths: (Int32Array | null)[] = []
  /** Why the last option failed ('' when it did not). */
  failReason: string[] = []
  /** The last few attendance ratios, newest last. */
  attendanceSamples: number[][] = []
  cols: AgentColumns
  private capacity: number

  constructor(capacity = 16) {
    this.capacity = Math.max(1, capacity)
    this.cols = allocate(this.capacity)
  }

  /**
   * Append an agent and return its slot. Every column starts at its neutral value. Growing
   * replaces the column arrays: read `cols` again after calling this.
   */
  add(id: string): number {
    if (this.count === this.capacity) this.grow(this.capacity * 2)
    const i = this.count++
    this.ids.push(id)
    this.paths.push(null)
    this.failReason.push('')
    this.attendanceSamples.push([])
    const c = this.cols
    for (const k of ['home', 'homeTile', 'job', 'workplace', 'workTile', 'target', 'dest', 'avoidObject', 'lastMoved', 'partner'] as const) c[k][i] = -1
    c.alive[i] = 1
    return i
  }

  private grow(capacity: number): void {
    const next = allocate(capacity)
    for (const k of [...F64, ...I32] as const) (next[k] as Float64Array | Int32Array).set(this.cols[k] as never)
    this.cols = next
    this.capacity = capacity
  }
}

/**
 * The columns as one object literal, keys in F64 then I32 order (the order iteration sees). Not
 * built by adding keys one by one in a loop: V8 turns an object that gains this many properties
 * through keyed stores into a dictionary, and every `cols.hunger` read in the per-agent loops of
 * the engine, the policy and telemetry became a hash lookup (a 1,000-agent loop over four columns
 * took 26 µs instead of 5).
 */
function allocate(n: number): AgentColumns {
  const f = () => new Float64Array(n)
  const i = () => new Int32Array(n)
  return {
    hunger: f(), hygiene: f(), energy: f(), wallet: f(), wagesEarned: f(), wagesWithheld: f(), attendance: f(),
    alive: i(), x: i(), y: i(), home: i(), homeTile: i(), job: i(), workplace: i(), workTile: i(),
    option: i(), optionSince: i(), target: i(), phase: i(), dest: i(), pathPos: i(), blocked: i(), lastMoved: i(),
    avoidObject: i(), avoidUntil: i(), shift: i(), shiftTicks: i(), shiftPresent: i(), shiftArrived: i(), latenessCount: i(), shiftsDone: i(),
    mealsEaten: i(), mealsCooked: i(), showers: i(), sleeps: i(),
    possessed: i(),
    partner: i()
  } satisfies AgentColumns
}

export function optionOf(store: AgentStore, agent: number): AgentOption {
  return AGENT_OPTIONS[store.cols.option[agent] ?? 0] ?? 'idle'
}

/** Slot of a living agent by id, or -1 (a removed agent's id may be taken again by a newer slot). */
export function findAgent(store: AgentStore, id: string): number {
  const i = indexOfId(store.ids, id)
  return i >= 0 && store.cols.alive[i] === 1 ? i : -1
}
