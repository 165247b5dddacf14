/**
 * The Narration feed: the town's story lines accumulated across frames (deduplicated by tick and
 * text, the newest 500 kept), newest first, filtered by category and priority. Clicking a line
 * opens the inspector on the first agent it is about.
 */
import { useMemo, useState } from 'react'
import { useObserverSampled, useUi } from '../../app/session-context'
import { Card } from '../../components/card'
import { fieldChecked, selectedValues } from '../../components/field-value'
import { ObserverLayout } from '../inspector/observer-layout'
import { ObserverStatus } from '../inspector/observer-status'
import { filterNarrations, NO_FILTER, narrationCategories } from './narration-filter'
import type { NarrationFilter } from './narration-filter'
import { NarrationLine } from './narration-line'

export function NarrationPanel() {
  const lines = useObserverSampled((s) => s.narrations, 500)
  const select = useUi((s) => s.select)
  const [filter, setFilter] = useState<NarrationFilter>(NO_FILTER)
  const categories = useMemo(() => narrationCategories(lines, filter.categories), [lines, filter.categories])
  const shown = useMemo(() => filterNarrations(lines, filter), [lines, filter])

  return (
    <ObserverLayout>
      <Card title="Narration" testId="narration-panel" className="narration-card">
        <div className="toolbar" role="toolbar" aria-label="Narration filters">
          <label className="toolbar-field narration-categories">
            categories
            <select
              multiple
              data-testid="narration-filter-category"
              data-shortcut-filter
              aria-label="Show only these categories (none: all)"
              size={Math.min(4, Math.max(2, categories.length))}
              value={[...filter.categories]}
              onChange={(e) => setFilter({ ...filter, categories: selectedValues(e) })}
            >
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          {filter.categories.length > 0 ? (
            <button type="button" data-testid="narration-filter-clear" onClick={() => setFilter({ ...filter, categories: [] })}>
              All categories
            </button>
          ) : null}
          <label className="toolbar-field">
            <input type="checkbox" data-testid="narration-priority-only" checked={filter.priorityOnly} onChange={(e) => setFilter({ ...filter, priorityOnly: fieldChecked(e) })} />
            priority only
          </label>
          <span className="dim mono" data-testid="narration-count">
            {shown.length} of {lines.length}
          </span>
        </div>
        <ObserverStatus />
        {shown.length === 0 ? (
          <p className="dim" data-testid="narration-empty">
            {lines.length === 0 ? 'No narration yet.' : 'No line matches the filter.'}
          </p>
        ) : (
          <ol className="narration-feed">
            {shown.map((line) => (
              <NarrationLine key={`${line.tick}|${line.text}`} line={line} onFocus={select} />
            ))}
          </ol>
        )}
      </Card>
    </ObserverLayout>
  )
}
