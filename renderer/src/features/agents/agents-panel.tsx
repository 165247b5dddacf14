/**
 * The Agents panel: every agent in a sortable, filterable table beside the inspector. The table
 * reads the town at most four times a second; the stream may run at thirty.
 */
import { useMemo, useState } from 'react'
import { AGENT_OPTIONS } from '../../../../shared/contract/dto/world-summary'
import { useObserverSampled, useUi } from '../../app/session-context'
import { Card } from '../../components/card'
import { ObserverLayout } from '../inspector/observer-layout'
import { ObserverStatus } from '../inspector/observer-status'
import { SpawnControl } from '../operator/spawn-control'
import { DEFAULT_QUERY, nextSort, queryAgents } from './agent-table'
import type { TableQuery } from './agent-table'
import { AgentsTable } from './agents-table'
import { fieldValue } from '../../components/field-value'

/** How often the table takes the latest agents. */
const TABLE_REFRESH_MS = 250

/** The panel: toolbar (filter, option, count, Spawn), the table, the inspector. */
export function AgentsPanel() {
  const agents = useObserverSampled((s) => s.agents, TABLE_REFRESH_MS)
  const history = useObserverSampled((s) => s.history, TABLE_REFRESH_MS)
  const selectedId = useUi((s) => s.selectedAgentId)
  const select = useUi((s) => s.select)
  const [query, setQuery] = useState<TableQuery>(DEFAULT_QUERY)
  const rows = useMemo(() => queryAgents(agents.values(), query), [agents, query])

  return (
    <ObserverLayout>
      <Card title="Agents" testId="agents-panel" className="agents-card">
        <div className="toolbar" role="toolbar" aria-label="Agents">
          <input
            type="search"
            data-testid="agents-filter"
            aria-label="Filter by id, job, option or action"
            placeholder="filter id, job, option…"
            spellCheck={false}
            value={query.text}
            onChange={(e) => setQuery({ ...query, text: fieldValue(e) })}
          />
          <select
            data-testid="agents-option-filter"
            aria-label="Only agents doing"
            value={query.option}
            onChange={(e) => setQuery({ ...query, option: fieldValue(e) as TableQuery['option'] })}
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
          <SpawnControl />
        </div>
        <ObserverStatus />
        <AgentsTable rows={rows} history={history} query={query} selectedId={selectedId} onSort={(key) => setQuery(nextSort(query, key))} onSelect={select} />
      </Card>
    </ObserverLayout>
  )
}
