/**
 * The always-visible strip: what the shard is doing (state, tick, simulated time, rates, config)
 * and the clock controls that change it. The tick rate is the one smoothed figure the shard store
 * computes, the same the Tick-rate card shows.
 */
import { effectiveState } from '../../app/shard-sync'
import { useConfig, useConnection, useConsole, useFailures, useShard } from '../../app/session-context'
import { ConnectionIndicator } from '../../components/connection-indicator'
import { formatCount, formatSpeed, formatTps, shortSha } from '../../components/format'
import { Readout } from '../../components/readout'
import { RoleBadge } from '../../components/role-badge'
import { formatSimTime, useSimClock } from '../../components/sim-time'
import { StateBadge } from '../../components/state-badge'
import { TPS_SMOOTHING_MS } from '../../stores/tps-history'
import { TimeControls } from '../time-controls/time-controls'


export function HeaderBar() {
  const status = useShard((s) => s.status)
  const failure = useFailures((s) => s.failure)
  const summary = useConfig((s) => s.summary)
  const connection = useConnection((s) => s.info)
  const role = useConsole((s) => s.session?.role ?? 'viewer')
  const pending = useShard((s) => s.pending)
  const smoothedTps = useShard((s) => s.smoothedTps)
  const simClock = useSimClock()
  const config = status?.config ?? summary

  return (
    <header className="header-bar">
      <div className="brand" title="Townlet Workstation">
        Townlet
      </div>
      <StateBadge state={effectiveState(status, failure)} pending={pending} />
      {status?.stepping ? (
        <Readout label="step" testId="header-step" title="Ticks done of the step under way; Pause stops it">
          {formatCount(status.stepping.done)}/{formatCount(status.stepping.total)}
        </Readout>
      ) : null}
      <Readout label="tick" testId="header-tick">
        {status ? formatCount(status.tick) : '—'}
      </Readout>
      <Readout label="time" testId="header-clock" title="Simulated day (from 0) and time of day, from the config's day length and start time">
        {status ? formatSimTime(simClock, status.tick) : '—'}
      </Readout>
      <Readout label="measured" testId="header-tps" unit="t/s" title={`Ticks per second achieved, averaged over the last ${TPS_SMOOTHING_MS / 1000} seconds`}>
        {smoothedTps === null ? '—' : formatTps(smoothedTps)}
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
      {/* Who this page is and whether it is connected, stacked: the row keeps its room for the clock. */}
      <div className="header-session" data-testid="header-session">
        <RoleBadge role={role} />
        <ConnectionIndicator info={connection} />
      </div>
    </header>
  )
}
