/**
 * The session's timeline: the track with its marks, the step and follow buttons, and in the full
 * variant (the Snapshots panel) playback, loop, bookmark, the timeline's memory and its branches.
 * The compact variant is the strip above every panel. Either keeps the timeline status fresh
 * while it is shown.
 */
import { useEffect } from 'react'
import { useCommands, useTimeline } from '../../app/session-context'
import { formatBytes, formatCount } from '../../components/format'
import { useSimClock } from '../../components/sim-time'
import { tickText } from '../snapshots/snapshot-text'
import { useSnapshotAdmin } from '../snapshots/use-snapshot-admin'
import { BranchList } from './branch-list'
import { BookmarkForm, PlaybackControls, StepControls } from './timeline-controls'
import { TimelineTrack } from './timeline-track'
import { useTickSpan } from './use-tick-span'

function TimelineFacts() {
  const status = useTimeline((s) => s.status)
  const error = useTimeline((s) => s.statusError)
  if (error) {
    return (
      <p className="dim" data-testid="timeline-status-error">
        Timeline unavailable: {error}
      </p>
    )
  }
  if (!status) return null
  return (
    <p className="dim" data-testid="timeline-facts">
      {formatCount(status.keyframes)} keyframes every {formatCount(status.keyframe_every)} ticks · {formatBytes(status.bytes)} of {formatBytes(status.byte_budget)}
    </p>
  )
}

export function TimelineScrubber({ variant }: { variant: 'full' | 'compact' }) {
  const commands = useCommands()
  const span = useTickSpan()
  const clock = useSimClock()
  const branches = useTimeline((s) => s.status?.branches)
  const admin = useSnapshotAdmin()
  useEffect(() => commands.watchTimeline(), [commands])
  const compact = variant === 'compact'
  return (
    <div className={compact ? 'timeline compact' : 'timeline'} data-testid={compact ? 'timeline-strip' : 'timeline-scrubber'}>
      <div className="timeline-row">
        <StepControls span={span} />
        <span className="timeline-end mono dim" title="The oldest tick the timeline keeps">
          {compact ? formatCount(span.earliest) : tickText(clock, span.earliest)}
        </span>
        <TimelineTrack span={span} compact={compact} />
        <span className="timeline-end mono dim" title="The live tick">
          {compact ? formatCount(span.live) : tickText(clock, span.live)}
        </span>
      </div>
      {compact ? null : (
        <>
          <div className="timeline-row">
            <PlaybackControls />
            <BookmarkForm span={span} />
          </div>
          <TimelineFacts />
          <BranchList branches={branches ?? []} show={admin.show} gate={admin.townGate} />
        </>
      )}
    </div>
  )
}
