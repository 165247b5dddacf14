/**
 * Trigger a perturbation (admins only): a spec from the config's list, and optionally a magnitude
 * and a duration in ticks; sent as `perturbation_trigger`. The engine decides whether it starts
 * now, waits, or is refused (a spec on cooldown); the outcome shows beside the button.
 */
import { useState } from 'react'
import type { FormEvent } from 'react'
import type { PerturbationsView } from '../../../../shared/contract/dto/society'
import { fieldValue } from '../../components/field-value'
import { LastResult, useLastResult } from '../operator/last-result'
import { perturbationTriggerArgs } from '../operator/operator-commands'
import type { Operator } from '../operator/use-operator'
import { ticksUntil } from './perturbation-text'

/** The inline trigger form over the config's specs. */
export function PerturbationTrigger(props: { operator: Operator; view: PerturbationsView; tick: number }) {
  const { operator, view, tick } = props
  const [spec, setSpec] = useState('')
  const [magnitude, setMagnitude] = useState('')
  const [duration, setDuration] = useState('')
  const [busy, setBusy] = useState(false)
  const { track, last } = useLastResult()
  const chosen = view.specs.some((s) => s.name === spec) ? spec : (view.specs[0]?.name ?? '')
  const args = perturbationTriggerArgs(chosen, magnitude, duration)
  const cooling = new Set(view.cooldowns.filter((c) => ticksUntil(c.until, tick) > 0).map((c) => c.spec))

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!args || busy) return
    setBusy(true)
    track(await operator.run('perturbation_trigger', args))
    setBusy(false)
  }

  if (view.specs.length === 0) return <span className="dim">no perturbation specs in this config</span>
  return (
    <form className="perturbation-trigger" aria-label="Trigger a perturbation" onSubmit={(e) => void submit(e)}>
      <select data-testid="perturbation-trigger-spec" aria-label="Perturbation spec" value={chosen} onChange={(e) => setSpec(fieldValue(e))}>
        {view.specs.map((s) => (
          <option key={s.name} value={s.name}>
            {s.name} ({s.kind}){cooling.has(s.name) ? ' — cooling down' : ''}
          </option>
        ))}
      </select>
      <input
        type="number"
        className="narrow"
        data-testid="perturbation-trigger-magnitude"
        aria-label="Magnitude (optional)"
        placeholder="magnitude"
        step="any"
        value={magnitude}
        aria-invalid={magnitude.trim() !== '' && !Number.isFinite(Number(magnitude))}
        onChange={(e) => setMagnitude(fieldValue(e))}
      />
      <input
        type="number"
        className="narrow"
        data-testid="perturbation-trigger-duration"
        aria-label="Duration in ticks (optional)"
        placeholder="ticks"
        min={1}
        step={1}
        value={duration}
        aria-invalid={duration.trim() !== '' && perturbationTriggerArgs('x', '', duration) === null}
        onChange={(e) => setDuration(fieldValue(e))}
      />
      <button type="submit" data-testid="perturbation-trigger" disabled={args === null || busy} title="Start this perturbation (the engine may queue or refuse it)">
        Trigger
      </button>
      <LastResult result={last} testId="perturbation-last-result" />
    </form>
  )
}
