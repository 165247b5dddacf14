/**
 * The anneal ratio (chance a decision comes from the model): a slider in steps of 0.05 and Apply,
 * which sends `anneal_set`; then the schedule still ahead. The slider follows the live ratio until
 * moved, and again once an Apply has been answered.
 */
import { useEffect, useState } from 'react'
import type { PolicyStatus } from '../../../../shared/contract/dto/policy'
import { Card } from '../../components/card'
import { fieldValue } from '../../components/field-value'
import { LastResult, useLastResult } from '../operator/last-result'
import { ANNEAL_STEP, annealArgs, parseAnneal } from './policy-commands'
import type { PolicyOperator } from './use-policy-operator'
import { formatFixed } from '../../components/format'

/** Schedule steps shown; the rest are counted. */
export const MAX_SCHEDULE = 8

export function AnnealControl({ status, operator }: { status: PolicyStatus; operator: PolicyOperator }) {
  const live = status.identity.anneal_ratio
  const [draft, setDraft] = useState<string | null>(null)
  const { track, last } = useLastResult()
  const value = draft === null ? live : parseAnneal(draft)
  const off = !operator.gate.allowed
  const scripted = status.identity.backend === 'scripted'

  useEffect(() => {
    // Answered: follow the live ratio again (it shows the applied one from the next status).
    if (last && last.status !== 'queued') setDraft(null)
  }, [last])

  return (
    <Card title="Anneal" testId="anneal-control" actions={<span className="mono dim">live {formatFixed(live)}</span>}>
      <div className="action-row">
        <span className="dim">scripted</span>
        <input
          type="range"
          data-testid="anneal-slider"
          aria-label="Anneal ratio"
          min={0}
          max={1}
          step={ANNEAL_STEP}
          disabled={off}
          value={value ?? live}
          onChange={(e) => setDraft(fieldValue(e))}
        />
        <span className="dim">learned</span>
        <span className="mono anneal-value" data-testid="anneal-value">
          {formatFixed(value)}
        </span>
        <button
          type="button"
          className="primary"
          data-testid="anneal-apply"
          disabled={off || value === null}
          title={operator.gate.reason ?? 'Set the anneal ratio from the next tick'}
          onClick={() => value !== null && void operator.run('anneal_set', annealArgs(value)).then(track)}
        >
          Apply
        </button>
      </div>
      {scripted ? <p className="dim">the scripted backend decides every time; the ratio applies once a model runs</p> : null}
      <div className="action-row">
        <LastResult result={last} testId="anneal-result" />
      </div>
      <AnnealSchedule schedule={status.anneal_schedule} />
    </Card>
  )
}

function AnnealSchedule({ schedule }: { schedule: PolicyStatus['anneal_schedule'] }) {
  if (schedule.length === 0) {
    return (
      <p className="dim" data-testid="anneal-schedule">
        no scheduled changes
      </p>
    )
  }
  const shown = schedule.slice(0, MAX_SCHEDULE)
  return (
    <div data-testid="anneal-schedule">
      <p className="list-caption">upcoming</p>
      <ul className="chips">
        {shown.map((s) => (
          <li key={s.tick} className="chip mono" data-testid="anneal-step">
            <span className="chip-label">tick {s.tick}</span>→ {formatFixed(s.ratio)}
          </li>
        ))}
        {schedule.length > shown.length ? <li className="chip dim">+{schedule.length - shown.length} more</li> : null}
      </ul>
    </div>
  )
}
