/**
 * Spawn: a button in the Map and Agents toolbars that opens a small form (id, and optionally a
 * home and a job from the town's own lists). Spawning is not destructive, so it runs without a
 * confirmation. Disabled for viewers, with the reason beside it unless the inspector shows it.
 */
import { useState } from 'react'
import type { FormEvent } from 'react'
import { useObserver, useUi } from '../../app/session-context'
import { resultSummary } from '../console/result-text'
import { DisabledReason } from './disabled-reason'
import { spawnArgs } from './operator-commands'
import { useOperator } from './use-operator'
import { fieldValue } from '../../components/field-value'

/** Agent ids as the console accepts them: letters, digits and _ . - */
export const AGENT_ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/

/** The Spawn button and its form. */
export function SpawnControl() {
  const operator = useOperator()
  const inspectorOpen = useUi((s) => s.selectedAgentId !== null)
  // Joined to one string so a new economy object every frame does not re-render the form.
  const homes = useObserver((s) => (s.map?.homes ?? []).map((h) => h.id).join('\n'))
  const jobs = useObserver((s) => (s.economy?.jobs ?? []).map((j) => j.id).join('\n'))
  const [open, setOpen] = useState(false)
  const [id, setId] = useState('')
  const [home, setHome] = useState('')
  const [job, setJob] = useState('')
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const validId = AGENT_ID_PATTERN.test(id.trim())

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!validId || !operator.gate.allowed) return
    setBusy(true)
    const args = spawnArgs(id, home, job)
    const result = await operator.run('spawn', args)
    setBusy(false)
    const summary = resultSummary(result)
    const code = summary.code ? ` ${summary.code}` : ''
    setStatus({ ok: result.status !== 'error', text: `spawn ${String(args.id)} ${summary.status}${code}: ${summary.message}` })
    if (result.status !== 'error') {
      setId('')
      setOpen(false)
    }
  }

  return (
    <span className="spawn-control">
      <button
        type="button"
        data-testid="btn-spawn"
        disabled={!operator.gate.allowed}
        title={operator.gate.reason ?? 'Add a person to the town'}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        + Spawn
      </button>
      {!inspectorOpen ? <DisabledReason gate={operator.gate} /> : null}
      {status ? (
        <span className={`spawn-status ${status.ok ? 'ok' : 'bad'}`} data-testid="spawn-status">
          {status.text}
        </span>
      ) : null}
      {open && operator.gate.allowed ? (
        <form className="popover spawn-form" data-testid="spawn-form" onSubmit={(e) => void submit(e)}>
          <label>
            id
            <input
              type="text"
              data-testid="spawn-id"
              value={id}
              autoFocus
              spellCheck={false}
              aria-invalid={id !== '' && !validId}
              placeholder="new_agent"
              onChange={(e) => setId(fieldValue(e))}
            />
          </label>
          <label>
            home
            <select data-testid="spawn-home" value={home} onChange={(e) => setHome(fieldValue(e))}>
              <option value="">(default)</option>
              {homes === '' ? null : homes.split('\n').map((h) => <option key={h}>{h}</option>)}
            </select>
          </label>
          <label>
            job
            <select data-testid="spawn-job" value={job} onChange={(e) => setJob(fieldValue(e))}>
              <option value="">(default)</option>
              {jobs === '' ? null : jobs.split('\n').map((j) => <option key={j}>{j}</option>)}
            </select>
          </label>
          <div className="form-actions">
            <button type="button" data-testid="spawn-cancel" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="primary" data-testid="spawn-confirm" disabled={!validId || busy}>
              Spawn
            </button>
          </div>
        </form>
      ) : null}
    </span>
  )
}
