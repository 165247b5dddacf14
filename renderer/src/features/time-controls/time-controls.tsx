/**
 * Start/Resume/Pause, Step N and the speed selector. Disabled while the shard is failed (the
 * failure banner offers Restart), while the host is unreachable, before the first status, and for
 * a viewer (they change the shard: admin only; the reason shows beside them).
 */
import { useState } from 'react'
import { MAX_STEP_TICKS } from '../../../../shared/contract/channels'
import { effectiveState } from '../../app/shard-sync'
import { useCommands, useConnection, useFailures, useShard } from '../../app/session-context'
import type { ShortcutAction } from './shortcut-decision'
import { SHORTCUT_HINTS } from './shortcut-decision'
import { speedOptions, speedToValue, valueToSpeed } from './speed-options'
import { useShortcuts } from './use-shortcuts'
import { useAdminGate } from '../operator/use-operator'
import { fieldValue } from '../../components/field-value'

export const DEFAULT_STEP_TICKS = 10

function parseStepCount(text: string): number | null {
  const n = Number(text)
  return Number.isInteger(n) && n >= 1 && n <= MAX_STEP_TICKS ? n : null
}

export function TimeControls() {
  const commands = useCommands()
  const status = useShard((s) => s.status)
  const failure = useFailures((s) => s.failure)
  const connected = useConnection((s) => s.info.state === 'connected')
  const [stepText, setStepText] = useState(String(DEFAULT_STEP_TICKS))
  const state = effectiveState(status, failure)
  const stepTicks = parseStepCount(stepText)
  const gate = useAdminGate()
  const disabled = !connected || state === null || state === 'failed' || !gate.allowed
  const why = gate.allowed ? undefined : (gate.reason ?? undefined)

  function run(action: ShortcutAction): void {
    if (action === 'step') {
      if (stepTicks !== null) void commands.step(stepTicks)
      return
    }
    void commands[action]()
  }
  // A null state turns the shortcuts off, like the buttons.
  useShortcuts(disabled ? null : state, run)

  const playLabel = state === 'paused' ? 'Resume' : 'Start'
  const options = speedOptions(status?.config.tick_ms ?? null, status?.speed ?? null)

  return (
    <div className="time-controls" role="group" aria-label="Clock">
      {state === 'running' ? (
        <button type="button" data-testid="btn-pause" disabled={disabled} onClick={() => run('pause')} title={why ?? `Pause (${SHORTCUT_HINTS.toggle})`}>
          ❚❚ Pause
        </button>
      ) : (
        <button
          type="button"
          className="primary"
          data-testid="btn-start"
          disabled={disabled}
          onClick={() => run(state === 'paused' ? 'resume' : 'start')}
          title={why ?? `${playLabel} (${SHORTCUT_HINTS.toggle})`}
        >
          ▶ {playLabel}
        </button>
      )}
      <span className="step-group">
        <input
          type="number"
          data-testid="step-count"
          aria-label="Ticks per step"
          min={1}
          max={MAX_STEP_TICKS}
          step={1}
          value={stepText}
          onChange={(e) => setStepText(fieldValue(e))}
          aria-invalid={stepTicks === null}
          title={`Ticks per step (1–${MAX_STEP_TICKS})`}
        />
        <button
          type="button"
          data-testid="btn-step"
          disabled={disabled || stepTicks === null}
          onClick={() => run('step')}
          title={why ?? `Pause, then advance ${stepTicks ?? 'N'} ticks (${SHORTCUT_HINTS.step})`}
        >
          Step
        </button>
      </span>
      <select
        data-testid="speed-select"
        aria-label="Target speed"
        title={why ?? 'Target speed (ticks per second)'}
        disabled={disabled}
        value={status ? speedToValue(status.speed) : ''}
        onChange={(e) => {
          const speed = valueToSpeed(fieldValue(e))
          if (speed !== null) void commands.setSpeed(speed)
        }}
      >
        {status ? null : <option value="">speed</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {connected && !gate.allowed ? (
        <span className="clock-readonly" data-testid="clock-disabled-reason" role="note" title={gate.reason ?? undefined}>
          read-only
        </span>
      ) : null}
    </div>
  )
}
