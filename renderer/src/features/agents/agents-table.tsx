/**
 * The sortable table of agents, virtualised: only the rows in view (plus a few) are rendered, so
 * 1,000 agents scroll and update smoothly. Headers sort; a row click selects the agent.
 */
import { useEffect, useRef, useState } from 'react'
import type { AgentRow as AgentRowDto } from '../../../../shared/contract/dto/observer'
import { elementHeight, scrollMetrics } from '../../components/field-value'
import type { AgentHistory, NeedSample } from '../../stores/agent-history'
import { AgentRow } from './agent-row'
import type { SortKey, TableQuery } from './agent-table'
import { rowWindow } from './virtual-window'

export const ROW_HEIGHT = 30
/** The viewport height assumed before the first measurement (and in static renders). */
const DEFAULT_VIEWPORT = 720

const COLUMNS: ReadonlyArray<{ key: SortKey; label: string; numeric?: boolean }> = [
  { key: 'id', label: 'id' },
  { key: 'hunger', label: 'hunger', numeric: true },
  { key: 'hygiene', label: 'hygiene', numeric: true },
  { key: 'energy', label: 'energy', numeric: true },
  { key: 'wallet', label: 'wallet', numeric: true },
  { key: 'job', label: 'job' },
  { key: 'shift', label: 'shift' },
  { key: 'option', label: 'doing' },
  { key: 'target', label: 'target' }
]

const NO_SAMPLES: readonly NeedSample[] = []

/** Header with sort buttons and the virtualised rows. */
export function AgentsTable(props: {
  rows: readonly AgentRowDto[]
  history: AgentHistory
  query: TableQuery
  selectedId: string | null
  /** The order is held (pointer over the rows, or pinned): shown on the table for styling and tests. */
  frozen: boolean
  onSort: (key: SortKey) => void
  onSelect: (id: string) => void
  /** The pointer entered (true) or left (false) the rows. */
  onPointerOver: (over: boolean) => void
}) {
  const { rows, history, query, selectedId } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [viewport, setViewport] = useState(DEFAULT_VIEWPORT)

  // Measured once here and again on every scroll, which is when a changed height matters.
  useEffect(() => {
    const height = elementHeight(scrollRef.current)
    if (height > 0) setViewport(height)
  }, [])

  const win = rowWindow(scrollTop, viewport, ROW_HEIGHT, rows.length)
  const visible = rows.slice(win.start, win.end)

  return (
    <div className="agents-table" role="table" aria-label="Agents" aria-rowcount={rows.length} data-frozen={props.frozen}>
      <div role="row" className="agent-row agent-head">
        {COLUMNS.map((col) => {
          const active = query.sortKey === col.key
          return (
            <div key={col.key} role="columnheader" className="cell" aria-sort={active ? (query.sortDir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button
                type="button"
                className={`sort-button${active ? ' active' : ''}${col.numeric ? ' right' : ''}`}
                data-testid={`agents-sort-${col.key}`}
                onClick={() => props.onSort(col.key)}
                title={`Sort by ${col.label}`}
              >
                {col.label}
                {active ? (query.sortDir === 'asc' ? ' ▲' : ' ▼') : ''}
              </button>
            </div>
          )
        })}
      </div>
      <div
        className="agents-scroll"
        ref={scrollRef}
        onScroll={(e) => {
          const { top, height } = scrollMetrics(e)
          setScrollTop(top)
          if (height > 0) setViewport(height)
        }}
        onPointerEnter={() => props.onPointerOver(true)}
        onPointerLeave={() => props.onPointerOver(false)}
        data-testid="agents-scroll"
      >
        <div style={{ height: win.padTop }} />
        {visible.map((agent) => (
          <AgentRow
            key={agent.id}
            agent={agent}
            samples={history.get(agent.id) ?? NO_SAMPLES}
            selected={agent.id === selectedId}
            onSelect={props.onSelect}
          />
        ))}
        <div style={{ height: win.padBottom }} />
        {rows.length === 0 ? <p className="dim empty-rows">no agents match</p> : null}
      </div>
    </div>
  )
}
