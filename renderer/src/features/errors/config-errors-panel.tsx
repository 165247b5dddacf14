/**
 * The issues of the last failed config load, one row per issue in line order, each pointing into
 * the file and quoting the bad value (the host writes it into the message).
 * Loads are all-or-nothing on the host, so the panel says the shard kept its previous config.
 */
import { useConfig } from '../../app/session-context'
import { formatIssue } from '../../components/format'
import { inLineOrder } from '../../stores/config-store'

export function ConfigErrorsPanel() {
  const loadError = useConfig((s) => s.loadError)
  const setLoadError = useConfig((s) => s.setLoadError)
  const live = useConfig((s) => s.summary?.config_id)
  if (!loadError) return null

  return (
    <section className="banner banner-config" role="alert" data-testid="config-errors">
      <div className="banner-text">
        <strong>Config not loaded</strong>
        <span className="mono banner-source" title={loadError.source}>
          {loadError.source}
        </span>
        {/* The host's message repeats the issues below, so it goes in the tooltip only. */}
        <span className="banner-facts" title={loadError.message}>
          The shard kept its previous config{live ? ` (${live})` : ''}.
        </span>
        <table className="issue-table">
          <thead>
            <tr>
              <th>path</th>
              <th>line:col</th>
              <th>problem</th>
            </tr>
          </thead>
          <tbody>
            {inLineOrder(loadError.issues).map((issue, index) => {
              const row = formatIssue(issue)
              return (
                <tr key={index} data-testid="config-error-row" title={`${row.path} — ${row.location} — ${row.message}`}>
                  <td className="mono">{row.path}</td>
                  <td className="mono num">{row.location}</td>
                  <td>{row.message}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <button type="button" data-testid="btn-dismiss-config-errors" onClick={() => setLoadError(null)} title="Dismiss">
        Dismiss
      </button>
    </section>
  )
}
