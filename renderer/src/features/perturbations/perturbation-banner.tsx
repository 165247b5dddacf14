/**
 * Perturbations at the top of the main column: what is active (kind, spec, targets, magnitude,
 * when it ends), what is pending and which specs are cooling down. Admins also get the Trigger
 * form and a Cancel per event (destructive: it asks first); viewers see the banner read-only.
 * Compact when nothing is active or pending, and absent when there is also nothing to do.
 */
import type { PerturbationRow, PerturbationsView } from '../../../../shared/contract/dto/society'
import { useObserverSampled } from '../../app/session-context'
import { useConfirm } from '../../components/use-confirm'
import type { ConfirmRequest } from '../../components/confirm-dialog'
import { perturbationCancelArgs } from '../operator/operator-commands'
import { useOperator } from '../operator/use-operator'
import { cooldownText, endsInText, hasPerturbations, magnitudeText, startsInText, targetsText } from './perturbation-text'
import { PerturbationTrigger } from './perturbation-trigger'

/** The banner; nothing before the first frame or when there is nothing to show or do. */
export function PerturbationBanner() {
  const view = useObserverSampled((s) => s.society?.perturbations ?? null, 500)
  const tick = useObserverSampled((s) => s.tick, 500)
  const operator = useOperator()
  const { ask, dialog } = useConfirm()
  if (!view) return null
  const admin = operator.gate.allowed
  const busy = view.active.length > 0 || view.pending.length > 0
  if (!hasPerturbations(view) && !(admin && view.specs.length > 0)) return null

  const cancel = (row: PerturbationRow, state: 'active' | 'pending') => () =>
    ask(cancelRequest(row, state, () => void operator.run('perturbation_cancel', perturbationCancelArgs(row.event_id))))

  return (
    <div className={`banner banner-perturbation${busy ? '' : ' compact'}`} data-testid="perturbation-banner" data-active={view.active.length} role="status" aria-label="Perturbations">
      <div className="banner-text">
        <strong>{busy ? 'Perturbations' : 'No perturbation active'}</strong>
        {busy ? (
          <ul className="perturbation-list">
            {view.active.map((row) => (
              <PerturbationItem key={row.event_id} row={row} state="active" when={endsInText(row, tick)} onCancel={admin ? cancel(row, 'active') : null} />
            ))}
            {view.pending.map((row) => (
              <PerturbationItem key={row.event_id} row={row} state="pending" when={startsInText(row, tick)} onCancel={admin ? cancel(row, 'pending') : null} />
            ))}
          </ul>
        ) : null}
        <Cooldowns view={view} tick={tick} />
      </div>
      {admin ? <PerturbationTrigger operator={operator} view={view} tick={tick} /> : null}
      {dialog}
    </div>
  )
}

/** One event: state, kind, spec, targets, magnitude, timing, and Cancel for admins. */
export function PerturbationItem(props: { row: PerturbationRow; state: 'active' | 'pending'; when: string; onCancel: (() => void) | null }) {
  const { row, state, when, onCancel } = props
  return (
    <li className={`perturbation-item perturbation-${state}`} data-testid={`perturbation-${state}`} data-event-id={row.event_id}>
      <span className={`perturbation-state state-${state}`}>{state}</span>
      <strong>{row.kind}</strong>
      <span className="mono dim">{row.spec}</span>
      <span className="mono" title={row.targets.join(', ')}>
        {targetsText(row.targets)}
      </span>
      {row.magnitude !== null ? <span className="mono">{magnitudeText(row.magnitude)}</span> : null}
      <span className="mono perturbation-when" data-testid="perturbation-when">
        {when}
      </span>
      {onCancel ? (
        <button type="button" className="danger small" data-testid="perturbation-cancel" title={`Cancel ${row.event_id}`} onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </li>
  )
}

function Cooldowns({ view, tick }: { view: PerturbationsView; tick: number }) {
  if (view.cooldowns.length === 0) return null
  return (
    <span className="banner-facts" data-testid="perturbation-cooldowns">
      cooldowns: {view.cooldowns.map((c) => `${c.spec} ${cooldownText(c.until, tick)}`).join(' · ')}
    </span>
  )
}

function cancelRequest(row: PerturbationRow, state: 'active' | 'pending', onConfirm: () => void): ConfirmRequest {
  return {
    title: `Cancel ${row.kind} ${row.event_id}?`,
    message: state === 'active' ? `${row.spec} stops now and its effects on ${targetsText(row.targets)} end.` : `${row.spec} will not start.`,
    confirmLabel: `Cancel event ${row.event_id}`,
    onConfirm
  }
}
