/**
 * The buttons beside the scrubber: Follow live (the view pinned to the live tick; off freezes it
 * at the tick it showed), one tick back and forward, and in the full scrubber playback with a
 * loop range and an admin's bookmark.
 */
import { useState } from 'react'
import type { FormEvent } from 'react'
import { useCommands, useConsole, useTimeline } from '../../app/session-context'
import { fieldValue } from '../../components/field-value'
import { formatCount } from '../../components/format'
import { viewedTick } from '../../stores/timeline-state'
import type { TickSpan } from '../../stores/timeline-state'
import { useAdminGate } from '../operator/use-operator'
import { shortcut } from '../shortcuts/shortcut-table'

export function StepControls({ span }: { span: TickSpan }) {
  const commands = useCommands()
  const tick = useTimeline(viewedTick)
  const live = tick === null
  return (
    <>
      <button
        type="button"
        className="toggle-button"
        data-testid="timeline-follow"
        aria-pressed={live}
        title={live ? 'Following the live tick: press to hold the view at this tick' : `Back to the live tick (${shortcut('timeline-live').label})`}
        onClick={() => (live ? void commands.seekTick(span.live) : commands.backToLive())}
      >
        {live ? 'Live' : 'Follow live'}
      </button>
      <button type="button" className="icon" data-testid="timeline-step-back" disabled={!live && tick <= span.earliest} title={`One tick back (${shortcut('timeline-back').label})`} onClick={() => void commands.stepTick(-1)}>
        ◀
      </button>
      <button type="button" className="icon" data-testid="timeline-step-forward" disabled={live || tick >= span.live} title={`One tick forward (${shortcut('timeline-forward').label})`} onClick={() => void commands.stepTick(1)}>
        ▶
      </button>
    </>
  )
}

export function PlaybackControls() {
  const commands = useCommands()
  const tick = useTimeline(viewedTick)
  const playing = useTimeline((s) => s.playing)
  const loop = useTimeline((s) => s.loop)
  if (tick === null) return null
  return (
    <div className="timeline-playback" data-testid="timeline-playback">
      <button type="button" data-testid={playing ? 'timeline-pause' : 'timeline-play'} onClick={() => (playing ? commands.pause() : void commands.play())}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" data-testid="timeline-loop-from" title="Start the loop at this tick" onClick={() => commands.setLoop({ from: tick, to: loop?.to ?? tick })}>
        Loop from here
      </button>
      <button type="button" data-testid="timeline-loop-to" title="End the loop at this tick" onClick={() => commands.setLoop({ from: loop?.from ?? tick, to: tick })}>
        Loop to here
      </button>
      {loop ? (
        <>
          <span className="mono dim" data-testid="timeline-loop-range">
            loop {formatCount(loop.from)}–{formatCount(loop.to)}
          </span>
          <button type="button" className="icon" data-testid="timeline-loop-clear" title="Clear the loop" onClick={() => commands.setLoop(null)}>
            ×
          </button>
        </>
      ) : null}
    </div>
  )
}

/** An admin's bookmark at the viewed tick (or the live one): a mark on everyone's scrubber. */
export function BookmarkForm({ span }: { span: TickSpan }) {
  const commands = useCommands()
  const admin = useConsole((s) => s.session?.role === 'admin')
  const gate = useAdminGate()
  const tick = useTimeline(viewedTick) ?? span.live
  const [label, setLabel] = useState('')
  const [error, setError] = useState<string | null>(null)
  if (!admin) return null

  function submit(event: FormEvent): void {
    event.preventDefault()
    const text = label.trim()
    if (text === '') return
    void commands.bookmarkTick(tick, text).then((reply) => {
      setError(reply.ok ? null : `${reply.error.code}: ${reply.error.message}`)
      if (reply.ok) setLabel('')
    })
  }

  return (
    <form className="timeline-bookmark" onSubmit={submit}>
      <input type="text" aria-label="Bookmark label" placeholder="bookmark label" maxLength={200} data-testid="bookmark-label" value={label} onChange={(e) => setLabel(fieldValue(e))} />
      <button type="submit" data-testid="btn-bookmark" disabled={!gate.allowed || label.trim() === ''} title={gate.allowed ? `Bookmark tick ${formatCount(tick)}` : (gate.reason ?? undefined)}>
        Bookmark
      </button>
      {error ? (
        <span className="snapshot-error" role="alert" data-testid="bookmark-error">
          {error}
        </span>
      ) : null}
    </form>
  )
}
