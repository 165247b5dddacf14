/**
 * The Narration feed: the town's story lines accumulated across frames (deduplicated by tick and
 * text, the newest 500 kept), newest first, each stamped with its day and time, filtered by
 * category chips and priority. An agent's name in a line selects it (the inspector opens beside).
 */
import { useMemo, useState } from 'react'
import { useObserverSampled } from '../../app/session-context'
import { Card } from '../../components/card'
import { fieldChecked } from '../../components/field-value'
import { useSimClock } from '../../components/sim-time'
import { ObserverLayout } from '../inspector/observer-layout'
import { ObserverStatus } from '../inspector/observer-status'
import { CategoryChips } from './category-chips'
import { filterNarrations, NO_FILTER, narrationCategories } from './narration-filter'
import type { NarrationFilter } from './narration-filter'
import { NarrationLine } from './narration-line'

export function NarrationPanel() {
  const lines = useObserverSampled((s) => s.narrations, 500)
  const clock = useSimClock()
  const [filter, setFilter] = useState<NarrationFilter>(NO_FILTER)
  const categories = useMemo(() => narrationCategories(lines, filter.categories), [lines, filter.categories])
  const shown = useMemo(() => filterNarrations(lines, filter), [lines, filter])

  return (
    <ObserverLayout>
      <Card title="Narration" testId="narration-panel" className="narration-card">
        <div className="toolbar" role="toolbar" aria-label="Narration filters">
          <CategoryChips categories={categories} chosen={filter.categories} onChange={(categories) => setFilter({ ...filter, categories })} />
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
              <NarrationLine key={`${line.tick}|${line.text}`} line={line} clock={clock} />
            ))}
          </ol>
        )}
      </Card>
    </ObserverLayout>
  )
}
