/** Identity and clock settings of the live config. */
import { useConfig } from '../../app/session-context'
import { Card } from '../../components/card'
import { shortSha } from '../../components/format'
import { defaultCadence } from '../time-controls/speed-options'

export function ConfigCard() {
  const config = useConfig((s) => s.summary)
  return (
    <Card title="Config" testId="config-card">
      {config ? (
        <dl className="facts">
          <dt>config_id</dt>
          <dd className="mono">{config.config_id}</dd>
          <dt>seed</dt>
          <dd className="mono num">{config.seed}</dd>
          <dt>tick_ms</dt>
          <dd className="mono num">
            {config.tick_ms} <span className="dim">({defaultCadence(config.tick_ms)} t/s default)</span>
          </dd>
          <dt>source</dt>
          <dd className="mono ellipsis" title={config.source}>
            {config.source}
          </dd>
          <dt>sha256</dt>
          <dd className="mono" title={config.sha256}>
            {shortSha(config.sha256)}
          </dd>
        </dl>
      ) : (
        <p className="dim">No config reported yet.</p>
      )}
    </Card>
  )
}
