/**
 * The always-visible strip: what the shard is doing (state, tick, rates, config) and the clock
 * controls that change it.
 */
import { effectiveState } from '../../app/shard-sync'
import { useConfig, useConnection, useConsole, useFailures, useShard } from '../../app/session-context'
import { ConnectionIndicator } from '../../components/connection-indicator'
import { formatCount, formatSpeed, formatTps, shortSha } from '../../components/format'
import { Readout } from '../../components/readout'
import { RoleBadge } from '../../components/role-badge'
import { StateBadge } from '../../components/state-badge'
import { TimeControls } from '../time-controls/time-controls'

const formatTicks = (n: number): string => formatCount(n)

export function HeaderBar() {
  const status = useShard((s) => s.status)
  const failure = useFailures((s) => s.failure)
  const summary = useConfig((s) => s.summary)
  const connection = useConnection((s) => s.info)
  const role = useConsole((s) => s.session?.role ?? 'viewer')
  const pending = useShard((s) => s.pending)
  const config = status?.config ?? summary

  return (
    <header className="header-bar">
      <div className="brand" title="Townlet Workstation">
        Townlet
      </div>
      <StateBadge state={effectiveState(status, failure)} pending={pending} />
      {status?.stepping ? (
        <Readout label="step" testId="header-step" title="Ticks done of the step under way; Pause stops it">
          {formatTicks(status.stepping.done)}/{formatTicks(status.stepping.total)}
        </Readout>
      ) : null}
      <Readout label="tick" testId="header-tick">
        {status ? status.tick : '—'}
      </Readout>
      <Readout label="measured" testId="header-tps" unit="t/s" title="Ticks per second achieved over the last second">
        {status ? formatTps(status.measured_tps) : '—'}
      </Readout>
      <Readout label="target" testId="header-speed" unit={status?.speed === 'max' ? undefined : 't/s'} title="Target speed">
        {status ? formatSpeed(status.speed) : '—'}
      </Readout>
      <Readout
        label="config"
        testId="header-config-id"
        title={config ? `sha256 ${shortSha(config.sha256)} — ${config.source}` : 'No config loaded yet'}
      >
        {config?.config_id ?? '—'}
      </Readout>
      <TimeControls />
      <div className="header-spacer" />
      <RoleBadge role={role} />
      <ConnectionIndicator info={connection} />
    </header>
  )
}
