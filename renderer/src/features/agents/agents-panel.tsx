/**
 * The Agents panel: every agent in a sortable, filterable table beside the inspector. The table
 * reads the town at most four times a second; the stream may run at thirty. The order holds
 * still under the pointer or when frozen, and the visible rows export as CSV.
 */
import { useMemo, useState } from 'react'
import { AGENT_OPTIONS } from '../../../../shared/contract/dto/world-summary'
import { useObserverSampled, useStores, useUi } from '../../app/session-context'
import { Card } from '../../components/card'
import { downloadText } from '../../components/download-file'
import { ObserverLayout } from '../inspector/observer-layout'
import { ObserverStatus } from '../inspector/observer-status'
import { SpawnControl } from '../operator/spawn-control'
import { DEFAULT_QUERY, nextSort, queryAgents } from './agent-table'
import type { TableQuery } from './agent-table'
import { AgentsTable } from './agents-table'
import { agentsCsv, agentsCsvName } from './agents-csv'
import { FreezeIndicator } from './freeze-indicator'
import { useFrozenOrder } from './use-frozen-order'
import { fieldValue } from '../../components/field-value'

/** How often the table takes the latest agents. */
const TABLE_REFRESH_MS = 250

/** The panel: toolbar (filter, option, count, Spawn), the table, the inspector. */
export function AgentsPanel() {
  const agents = useObserverSampled((s) => s.agents, TABLE_REFRESH_MS)
  const history = useObserverSampled((s) => s.history, TABLE_REFRESH_MS)
  const selectedId = useUi((s) => s.selectedAgentId)
  const select = useUi((s) => s.select)
  const stores = useStores()
  const [query, setQuery] = useState<TableQuery>(DEFAULT_QUERY)
  const live = useMemo(() => queryAgents(agents.values(), query), [agents, query])
  const frozen = useFrozenOrder(live, agents)
  const rows = frozen.rows

  function changeQuery(next: TableQuery): void {
    setQuery(next)
    frozen.refreeze(queryAgents(agents.values(), next))
  }

  return (
    <ObserverLayout>
      <Card title="Agents" testId="agents-panel" className="agents-card">
        <div className="toolbar" role="toolbar" aria-label="Agents">
          <input
            type="search"
            data-testid="agents-filter"
            data-shortcut-filter
            aria-label="Filter by id, job, option or action"
            placeholder="filter id, job, option…"
            spellCheck={false}
            value={query.text}
            onChange={(e) => changeQuery({ ...query, text: fieldValue(e) })}
          />
          <select
            data-testid="agents-option-filter"
            aria-label="Only agents doing"
            value={query.option}
            onChange={(e) => changeQuery({ ...query, option: fieldValue(e) as TableQuery['option'] })}
          >
            <option value="all">all options</option>
            {AGENT_OPTIONS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          <span className="dim mono" data-testid="agents-count">
            {rows.length} of {agents.size}
          </span>
          <FreezeIndicator reason={frozen.reason} pinned={frozen.pinned} onToggle={frozen.togglePinned} />
          <button
            type="button"
            data-testid="agents-export-csv"
            title="Download the rows shown (filtered, in this order) as a CSV file"
            disabled={rows.length === 0}
            onClick={() => {
              const { configId, tick } = stores.observerView.getState()
              downloadText(agentsCsvName(configId, tick), agentsCsv(rows), 'text/csv;charset=utf-8')
            }}
          >
            Export CSV
          </button>
          <SpawnControl />
        </div>
        <ObserverStatus />
        <AgentsTable
          rows={rows}
          history={history}
          query={query}
          selectedId={selectedId}
          frozen={frozen.reason !== null}
          onSort={(key) => changeQuery(nextSort(query, key))}
          onSelect={select}
          onPointerOver={frozen.pointerOver}
        />
      </Card>
    </ObserverLayout>
  )
}
