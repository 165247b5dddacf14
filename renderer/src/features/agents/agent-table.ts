/**
 * The Agents table's rows: filtered by text (id, job, option, action) and by option, then
 * sorted by a column with ties broken by id, so the order is stable while values change. Text
 * sorts in natural order (ada, ada_2, ada_10).
 */
import type { AgentRow } from '../../../../shared/contract/dto/observer'
import type { AgentOption } from '../../../../shared/contract/dto/world-summary'
import { naturalCompare } from './natural-order'

export const SORT_KEYS = ['id', 'hunger', 'hygiene', 'energy', 'wallet', 'job', 'shift', 'option', 'target'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export type SortDir = 'asc' | 'desc'

export interface TableQuery {
  text: string
  option: AgentOption | 'all'
  sortKey: SortKey
  sortDir: SortDir
}

export const DEFAULT_QUERY: TableQuery = { text: '', option: 'all', sortKey: 'id', sortDir: 'asc' }

/** True when the agent matches the text (case-insensitive, any of id, job, option, action) and the option. */
export function matchesFilter(agent: AgentRow, text: string, option: TableQuery['option']): boolean {
  if (option !== 'all' && agent.option !== option) return false
  const needle = text.trim().toLowerCase()
  if (needle === '') return true
  return [agent.id, agent.job ?? '', agent.option, agent.action ?? ''].some((field) => field.toLowerCase().includes(needle))
}

/** Missing values (no job, no target) sort after present ones in either direction. */
function compareBy(a: AgentRow, b: AgentRow, key: SortKey): number {
  const va = a[key]
  const vb = b[key]
  if (typeof va === 'number' && typeof vb === 'number') return va - vb
  return naturalCompare(String(va ?? ''), String(vb ?? ''))
}

const ID_ORDER = (a: AgentRow, b: AgentRow) => naturalCompare(a.id, b.id)

/** A sorted copy of the rows; ties broken by id. */
export function sortAgents(rows: readonly AgentRow[], key: SortKey, dir: SortDir): AgentRow[] {
  const sign = dir === 'asc' ? 1 : -1
  return rows.slice().sort((a, b) => {
    const aMissing = a[key] === null
    const bMissing = b[key] === null
    if (aMissing !== bMissing) return aMissing ? 1 : -1
    return sign * compareBy(a, b, key) || ID_ORDER(a, b)
  })
}

/** The filtered, sorted rows the table shows. */
export function queryAgents(agents: Iterable<AgentRow>, query: TableQuery): AgentRow[] {
  const kept: AgentRow[] = []
  for (const agent of agents) if (matchesFilter(agent, query.text, query.option)) kept.push(agent)
  return sortAgents(kept, query.sortKey, query.sortDir)
}

/** Clicking a header: the same column flips direction; another column starts ascending (needs: lowest first). */
export function nextSort(query: TableQuery, key: SortKey): TableQuery {
  if (query.sortKey === key) return { ...query, sortDir: query.sortDir === 'asc' ? 'desc' : 'asc' }
  return { ...query, sortKey: key, sortDir: 'asc' }
}
