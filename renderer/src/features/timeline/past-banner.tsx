/**
 * Says, above every panel, that this page shows a past tick and nothing there can be changed:
 * the tick, its time, what happened in it, and the two ways on: Back to live, or (an admin) Fork
 * here, which resumes the shard from this tick and keeps what came after as a branch.
 */
import { useState } from 'react'
import type { AppError } from '../../../../shared/result'
import { useCommands, useConsole, useTimeline } from '../../app/session-context'
import { formatCount } from '../../components/format'
import { useSimClock } from '../../components/sim-time'
import { useConfirm } from '../../components/use-confirm'
import { viewedTick } from '../../stores/timeline-state'
import { useAdminGate } from '../operator/use-operator'
import { ErrorLine } from '../snapshots/error-line'
import { forkConfirm, tickText } from '../snapshots/snapshot-text'

/** "eat 3 · work 1", the tick's events by type, busiest first. */
export function eventsText(events: Readonly<Record<string, number>>): string {
  const parts = Object.entries(events)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([type, n]) => `${type} ${formatCount(n)}`)
  return parts.length === 0 ? 'no events' : parts.join(' · ')
}

export function PastBanner() {
  const commands = useCommands()
  const tick = useTimeline(viewedTick)
  const frame = useTimeline((s) => s.frame)
  const loading = useTimeline((s) => s.loading)
  const frameError = useTimeline((s) => s.frameError)
  const admin = useConsole((s) => s.session?.role === 'admin')
  const gate = useAdminGate()
  const clock = useSimClock()
  const { ask, dialog } = useConfirm()
  const [forkError, setForkError] = useState<AppError | null>(null)
  if (tick === null) return null
  const label = tickText(clock, tick)

  function fork(at: number): void {
    ask(
      forkConfirm(tickText(clock, at), () =>
        void commands.forkAt(at).then((reply) => {
          setForkError(reply.ok ? null : reply.error)
        })
      )
    )
  }

  return (
    <div className="banner banner-past" role="status" data-testid="past-banner" data-tick={tick} data-loading={loading}>
      <div className="banner-text">
        <strong data-testid="past-banner-text">
          Viewing {label} (past, read-only){loading ? ' — loading…' : ''}
        </strong>
        {frame ? (
          <span className="dim" data-testid="past-events" title={`State hash ${frame.hash}`}>
            {frame.tick === tick ? eventsText(frame.events) : `showing tick ${formatCount(frame.tick)}`}
          </span>
        ) : null}
        {frameError ? <ErrorLine error={frameError} testId="past-frame-error" /> : null}
        {forkError ? <ErrorLine error={forkError} testId="fork-error" /> : null}
      </div>
      <button type="button" className="primary" data-testid="btn-back-to-live" onClick={() => commands.backToLive()}>
        Back to live
      </button>
      {admin ? (
        <button
          type="button"
          data-testid="btn-fork-here"
          disabled={!gate.allowed || loading || frame?.tick !== tick}
          title={gate.allowed ? 'Resume the shard from this tick as a fork; what came after is kept as a branch' : (gate.reason ?? undefined)}
          onClick={() => fork(tick)}
        >
          Fork here
        </button>
      ) : null}
      {dialog}
    </div>
  )
}
