/**
 * The scrubber's bar: ticks from the earliest kept (left) to live (right), the marks on it, the
 * loop range, the shared hover line and the cursor (the viewed tick, or the live end). Pressing
 * or dragging seeks; hovering moves the time cursor every chart shares; the arrow keys step.
 */
import { useRef } from 'react'
import type { KeyboardEvent, PointerEvent } from 'react'
import type { TimelineMark } from '../../../../shared/contract/dto/timeline'
import { useCommands, useHover, useStores, useTimeline } from '../../app/session-context'
import { useSimClock } from '../../components/sim-time'
import type { TickSpan } from '../../stores/timeline-state'
import { viewedTick } from '../../stores/timeline-state'
import { tickText } from '../snapshots/snapshot-text'
import { leftOf, pointerFraction, tickAt } from './scrubber-geometry'

/** The element's box, typed loosely: renderer tests typecheck without the DOM lib. */
function boxOf(target: unknown): { left: number; width: number } {
  const rect = (target as { getBoundingClientRect?: () => { left: number; width: number } }).getBoundingClientRect?.()
  return rect ?? { left: 0, width: 0 }
}

function Marks({ marks, span }: { marks: readonly TimelineMark[]; span: TickSpan }) {
  const commands = useCommands()
  const clock = useSimClock()
  return (
    <>
      {marks
        .filter((m) => m.tick >= span.earliest && m.tick <= span.live)
        .map((mark, i) => (
          <button
            key={`${mark.kind}-${mark.tick}-${i}`}
            type="button"
            className={`timeline-mark mark-${mark.kind}`}
            style={{ left: leftOf(span, mark.tick) }}
            data-testid="timeline-mark"
            data-kind={mark.kind}
            data-tick={mark.tick}
            title={`${mark.kind}: ${mark.label} — ${tickText(clock, mark.tick)}`}
            aria-label={`${mark.kind} ${mark.label}`}
            onPointerDown={(e) => e.stopPropagation()}
            onClick={() => void commands.seekTick(mark.tick)}
          />
        ))}
    </>
  )
}

export function TimelineTrack({ span, compact }: { span: TickSpan; compact: boolean }) {
  const commands = useCommands()
  const stores = useStores()
  const clock = useSimClock()
  const viewed = useTimeline(viewedTick)
  const loop = useTimeline((s) => s.loop)
  const marks = useTimeline((s) => s.status?.marks)
  const hover = useHover((s) => s.hoverTick)
  const dragging = useRef(false)
  const cursor = viewed ?? span.live

  const tickOf = (e: PointerEvent) => tickAt(span, pointerFraction(e.clientX, boxOf(e.currentTarget)))

  function onPointerDown(e: PointerEvent): void {
    dragging.current = true
    ;(e.currentTarget as { setPointerCapture?: (id: number) => void }).setPointerCapture?.(e.pointerId)
    void commands.seekTick(tickOf(e))
  }

  function onPointerMove(e: PointerEvent): void {
    const tick = tickOf(e)
    stores.hover.getState().setHoverTick(tick)
    if (dragging.current) void commands.seekTick(tick)
  }

  function onKeyDown(e: KeyboardEvent): void {
    const keys: Record<string, () => void> = {
      ArrowLeft: () => void commands.stepTick(-1),
      ArrowRight: () => void commands.stepTick(1),
      Home: () => void commands.seekTick(span.earliest),
      End: () => commands.backToLive()
    }
    const run = keys[e.key]
    if (!run) return
    e.preventDefault()
    run()
  }

  return (
    <div
      className={compact ? 'timeline-track compact' : 'timeline-track'}
      role="slider"
      tabIndex={0}
      aria-label="Session timeline"
      aria-valuemin={span.earliest}
      aria-valuemax={span.live}
      aria-valuenow={cursor}
      aria-valuetext={viewed === null ? `live, ${tickText(clock, span.live)}` : tickText(clock, viewed)}
      data-testid={compact ? 'timeline-strip-track' : 'timeline-track'}
      data-earliest={span.earliest}
      data-live={span.live}
      data-cursor={cursor}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => {
        dragging.current = false
      }}
      onPointerCancel={() => {
        dragging.current = false
      }}
      onPointerLeave={() => stores.hover.getState().setHoverTick(null)}
      onKeyDown={onKeyDown}
    >
      <div className="timeline-rail" />
      {loop ? (
        <div
          className="timeline-loop"
          data-testid="timeline-loop"
          style={{ left: leftOf(span, loop.from), width: `calc(${leftOf(span, loop.to)} - ${leftOf(span, loop.from)})` }}
        />
      ) : null}
      {marks ? <Marks marks={marks} span={span} /> : null}
      {hover !== null && hover >= span.earliest && hover <= span.live ? (
        <div className="timeline-hover" data-testid="timeline-hover" data-tick={hover} style={{ left: leftOf(span, hover) }}>
          {compact ? null : <span className="timeline-hover-label">{tickText(clock, hover)}</span>}
        </div>
      ) : null}
      <div className={viewed === null ? 'timeline-cursor live' : 'timeline-cursor past'} data-testid="timeline-cursor" style={{ left: leftOf(span, cursor) }} />
    </div>
  )
}
