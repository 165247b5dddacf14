/** The trace's named features as a compact table, grouped by prefix, with a filter box. */
import { useState } from 'react'
import type { DecisionTrace } from '../../../../shared/contract/dto/policy'
import { fieldValue } from '../../components/field-value'
import { formatFeature, groupFeatures } from './trace-data'

export function TraceFeatures({ features }: { features: DecisionTrace['features'] }) {
  const [query, setQuery] = useState('')
  const groups = groupFeatures(features, query)
  const shown = groups.reduce((n, g) => n + g.features.length, 0)
  return (
    <div className="trace-features" data-testid="trace-features">
      <div className="trace-features-head">
        <input
          type="search"
          data-testid="trace-feature-filter"
          aria-label="Filter features"
          placeholder="filter features"
          spellCheck={false}
          value={query}
          onChange={(e) => setQuery(fieldValue(e))}
        />
        <span className="dim mono" data-testid="trace-feature-count">
          {shown}/{features.length}
        </span>
      </div>
      <div className="trace-features-scroll">
        <table className="data-table compact">
          <tbody>
            {groups.map((g) => [
              <tr key={`g:${g.group}`} className="feature-group">
                <th colSpan={2}>{g.group}</th>
              </tr>,
              ...g.features.map((f) => (
                <tr key={f.name} data-testid="trace-feature">
                  <td className="mono">{f.name}</td>
                  <td className="mono num right">{formatFeature(f.value)}</td>
                </tr>
              ))
            ])}
          </tbody>
        </table>
        {shown === 0 ? <p className="dim">no feature matches</p> : null}
      </div>
    </div>
  )
}
