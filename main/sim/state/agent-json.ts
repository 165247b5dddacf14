/**
 * The agent store as JSON and back: every column as a plain number list over the agents' slots,
 * their ids, current paths, last failure reasons and attendance samples. Reading checks each
 * column in one pass against what the town allows (tiles on the map, homes, jobs and objects that
 * exist, slots of agents that exist), so a restored store never indexes outside its town.
 */
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import { at, COUNT, INT32, numberArray, objectWithKeys, Problems, SANE, stringArray, UNIT, type NumberBounds, type Parsed, describe } from '../snapshot/json-problems'
import { AGENT_F64_COLUMNS, AGENT_I32_COLUMNS, AgentStore, PHASE_NAMES, SHIFT_NAMES, type AgentColumnName } from './agent-store'
import type { World } from './world'

export interface AgentsJson {
  ids: string[]
  columns: Record<AgentColumnName, number[]>
  /** Tile indices of each agent's current path, or null. */
  paths: (number[] | null)[]
  fail_reason: string[]
  attendance_samples: number[][]
}

/** What the town allows, for the range checks. */
export interface AgentBounds {
  width: number
  height: number
  homes: number
  workplaces: number
  jobs: number
  objects: number
  attendanceWindow: number
}

/** Agent slots a saved town may hold (slots are never reused, so spawns count too). */
export const MAX_AGENT_SLOTS = 1_000_000
/** Longest id and failure reason kept. */
const MAX_ID = 200
const MAX_REASON = 2000

const AGENT_KEYS = ['ids', 'columns', 'paths', 'fail_reason', 'attendance_samples'] as const
const COLUMN_KEYS: readonly AgentColumnName[] = [...AGENT_F64_COLUMNS, ...AGENT_I32_COLUMNS]

export function agentBoundsOf(world: World): AgentBounds {
  const { params, state } = world
  return {
    width: params.map.width,
    height: params.map.height,
    homes: params.homes.length,
    workplaces: params.workplaces.length,
    jobs: params.jobs.length,
    objects: state.objects.count,
    attendanceWindow: params.attendanceWindow
  }
}

export function agentsToJSON(store: AgentStore): AgentsJson {
  const n = store.count
  const columns = {} as Record<AgentColumnName, number[]>
  for (const key of COLUMN_KEYS) columns[key] = Array.from(store.cols[key].subarray(0, n))
  return {
    ids: store.ids.slice(0, n),
    columns,
    paths: store.paths.slice(0, n).map((p) => (p ? Array.from(p) : null)),
    fail_reason: store.failReason.slice(0, n),
    attendance_samples: store.attendanceSamples.slice(0, n).map((s) => s.slice())
  }
}

/** The range a column's values must lie in, in a town of `b` with `n` agent slots. */
export function agentColumnBounds(key: AgentColumnName, b: AgentBounds, n: number): NumberBounds {
  const index = (count: number): NumberBounds => ({ min: -1, max: count - 1, integer: true })
  const tiles = b.width * b.height
  switch (key) {
    case 'hunger':
    case 'hygiene':
    case 'energy':
      return UNIT
    case 'wallet':
    case 'wagesEarned':
    case 'wagesWithheld':
    case 'attendance':
      return SANE
    case 'alive':
    case 'possessed':
      return { min: 0, max: 1, integer: true }
    case 'x':
      return { min: 0, max: b.width - 1, integer: true }
    case 'y':
      return { min: 0, max: b.height - 1, integer: true }
    case 'home':
      return index(b.homes)
    case 'workplace':
      return index(b.workplaces)
    case 'job':
      return index(b.jobs)
    case 'homeTile':
    case 'workTile':
    case 'dest':
      return index(tiles)
    case 'target':
    case 'avoidObject':
      return index(b.objects)
    case 'partner':
      return index(n)
    case 'option':
      return { min: 0, max: AGENT_OPTIONS.length - 1, integer: true }
    case 'phase':
      return { min: 0, max: PHASE_NAMES.length - 1, integer: true }
    case 'shift':
      return { min: 0, max: SHIFT_NAMES.length - 1, integer: true }
    case 'pathPos':
      return { min: 0, max: INT32.max, integer: true }
    default:
      return INT32
  }
}

export function agentsFromJSON(json: unknown, b: AgentBounds, path = 'agents'): Parsed<AgentStore> {
  const p = new Problems()
  const o = objectWithKeys(p, path, json, AGENT_KEYS)
  if (!o) return p.failed()
  const ids = stringArray(p, at(path, 'ids'), o.ids, { maxLength: MAX_AGENT_SLOTS }, MAX_ID, 1)
  if (!ids) return p.failed()
  const n = ids.length
  const columnsPath = at(path, 'columns')
  const columns = objectWithKeys(p, columnsPath, o.columns, COLUMN_KEYS)
  const values = {} as Record<AgentColumnName, number[]>
  if (columns) {
    for (const key of COLUMN_KEYS) {
      const column = numberArray(p, at(columnsPath, key), columns[key], { length: n }, agentColumnBounds(key, b, n))
      if (column) values[key] = column
    }
  }
  const paths = readPaths(p, at(path, 'paths'), o.paths, n, b.width * b.height)
  const reasons = stringArray(p, at(path, 'fail_reason'), o.fail_reason, { length: n }, MAX_REASON)
  const samples = readSamples(p, at(path, 'attendance_samples'), o.attendance_samples, n, b.attendanceWindow)
  return p.result(() => {
    const store = new AgentStore(Math.max(16, n))
    store.count = n
    store.ids = ids.slice()
    for (const key of COLUMN_KEYS) store.cols[key].set(values[key])
    store.paths = paths!
    store.failReason = reasons!.slice()
    store.attendanceSamples = samples!
    return store
  })
}

function readPaths(p: Problems, path: string, v: unknown, n: number, tiles: number): (Int32Array | null)[] | null {
  if (!Array.isArray(v) || v.length !== n) {
    p.add(path, Array.isArray(v) ? `${v.length} entries for ${n} agents` : `expected a list, got ${describe(v)}`)
    return null
  }
  const out: (Int32Array | null)[] = new Array<Int32Array | null>(n)
  const tile: NumberBounds = { min: 0, max: tiles - 1, integer: true }
  for (let i = 0; i < n; i++) {
    const entry: unknown = v[i]
    if (entry === null) {
      out[i] = null
      continue
    }
    const list = numberArray(p, at(path, i), entry, { maxLength: tiles }, tile)
    if (!list) return null
    out[i] = Int32Array.from(list)
  }
  return out
}

function readSamples(p: Problems, path: string, v: unknown, n: number, window: number): number[][] | null {
  if (!Array.isArray(v) || v.length !== n) {
    p.add(path, Array.isArray(v) ? `${v.length} entries for ${n} agents` : `expected a list, got ${describe(v)}`)
    return null
  }
  const out: number[][] = new Array<number[]>(n)
  for (let i = 0; i < n; i++) {
    const list = numberArray(p, at(path, i), v[i], { maxLength: Math.max(1, window) }, { min: 0, max: COUNT.max })
    if (!list) return null
    out[i] = list.slice()
  }
  return out
}
