/**
 * The admin actions on one agent: set a need, teleport (typed or picked on the map), kill (after
 * a confirmation). Each runs through console.run; the latest one's outcome is shown under them.
 * Viewers see the controls disabled, with the reason.
 */
import { useState } from 'react'
import type { ConsoleArgs } from '../../../../shared/contract/console-commands'
import type { AgentRow } from '../../../../shared/contract/dto/observer'
import { useConsole, useObserver, useUi } from '../../app/session-context'
import { useConfirm } from '../../components/use-confirm'
import { NEEDS } from '../../stores/needs-history'
import type { Need } from '../../stores/needs-history'
import { resultSummary } from '../console/result-text'
import { DisabledReason } from '../operator/disabled-reason'
import { killArgs, setNeedArgs, teleportArgs } from '../operator/operator-commands'
import { useOperator } from '../operator/use-operator'
import { parseNeedValue, parseTileCoord } from './action-inputs'
import { CollapsibleSection } from './collapsible-section'
import { fieldValue } from '../../components/field-value'

/** Set need, teleport, kill for one agent. */
export function InspectorActions({ agent }: { agent: AgentRow }) {
  const operator = useOperator()
  const { ask, dialog } = useConfirm()
  const width = useObserver((s) => s.map?.width ?? null)
  const height = useObserver((s) => s.map?.height ?? null)
  const draft = useUi((s) => s.teleportDraft)
  const setDraft = useUi((s) => s.setTeleportDraft)
  const picking = useUi((s) => s.picking)
  const startPicking = useUi((s) => s.startPicking)
  const cancelPicking = useUi((s) => s.cancelPicking)
  const [need, setNeed] = useState<Need>('hunger')
  const [valueText, setValueText] = useState('0.5')
  const [lastCmd, setLastCmd] = useState<string | null>(null)
  const last = useConsole((s) => (lastCmd === null ? null : (s.results.find((e) => e.result.cmd_id === lastCmd)?.result ?? null)))
  const off = !operator.gate.allowed
  const value = parseNeedValue(valueText)
  const x = parseTileCoord(draft.x, width)
  const y = parseTileCoord(draft.y, height)

  async function run<N extends 'setneed' | 'teleport' | 'kill'>(name: N, args: ConsoleArgs<N>): Promise<void> {
    const result = await operator.run(name, args)
    setLastCmd(result.cmd_id)
  }

  const summary = last ? resultSummary(last) : null

  return (
    <CollapsibleSection id="actions" title="actions" className="inspector-actions">
      <DisabledReason gate={operator.gate} />
      <div className="action-row">
        <select data-testid="inspector-setneed-need" aria-label="Need" value={need} disabled={off} onChange={(e) => setNeed(fieldValue(e) as Need)}>
          {NEEDS.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
        <input
          type="range"
          data-testid="inspector-setneed-slider"
          aria-label="Need value"
          min={0}
          max={1}
          step={0.05}
          disabled={off}
          value={value ?? 0}
          onChange={(e) => setValueText(fieldValue(e))}
        />
        <input
          type="number"
          className="narrow"
          data-testid="inspector-setneed-value"
          aria-label="Need value (0–1)"
          min={0}
          max={1}
          step={0.05}
          disabled={off}
          value={valueText}
          aria-invalid={value === null}
          onChange={(e) => setValueText(fieldValue(e))}
        />
        <button
          type="button"
          data-testid="inspector-setneed-apply"
          disabled={off || value === null}
          onClick={() => value !== null && void run('setneed', setNeedArgs(agent.id, need, value))}
        >
          Set need
        </button>
      </div>
      <div className="action-row">
        <input
          type="number"
          className="narrow"
          data-testid="inspector-teleport-x"
          aria-label="Teleport x"
          placeholder="x"
          min={0}
          disabled={off}
          value={draft.x}
          aria-invalid={draft.x !== '' && x === null}
          onChange={(e) => setDraft({ ...draft, x: fieldValue(e) })}
        />
        <input
          type="number"
          className="narrow"
          data-testid="inspector-teleport-y"
          aria-label="Teleport y"
          placeholder="y"
          min={0}
          disabled={off}
          value={draft.y}
          aria-invalid={draft.y !== '' && y === null}
          onChange={(e) => setDraft({ ...draft, y: fieldValue(e) })}
        />
        <button
          type="button"
          data-testid="inspector-teleport-pick"
          disabled={off}
          aria-pressed={picking}
          title="Click a floor tile on the map"
          onClick={() => (picking ? cancelPicking() : startPicking())}
        >
          {picking ? 'Picking…' : 'Pick on map'}
        </button>
        <button
          type="button"
          data-testid="inspector-teleport-apply"
          disabled={off || x === null || y === null}
          onClick={() => x !== null && y !== null && void run('teleport', teleportArgs(agent.id, x, y))}
        >
          Teleport
        </button>
      </div>
      <div className="action-row">
        <button
          type="button"
          className="danger"
          data-testid="inspector-kill"
          disabled={off}
          onClick={() =>
            ask({
              title: `Kill ${agent.id}?`,
              message: `${agent.id} leaves the town for good: its current action stops and its job is freed.`,
              confirmLabel: `Kill ${agent.id}`,
              onConfirm: () => void run('kill', killArgs(agent.id))
            })
          }
        >
          Kill
        </button>
        {summary ? (
          <span className={`last-result status-${summary.status}`} data-testid="inspector-last-result" data-status={summary.status}>
            {last?.name} {summary.status}
            {summary.code ? ` ${summary.code}` : ''}: {summary.message}
          </span>
        ) : null}
      </div>
      {dialog}
    </CollapsibleSection>
  )
}
