/**
 * The employment exit review: agents whose absences put them up for leaving their job, with
 * Approve (destructive: the agent loses the job, so it asks first) and Defer, sent as
 * `employment_exit`; and how many exits today against the daily cap. Viewers see the buttons
 * disabled, with the reason.
 */
import type { EmploymentView } from '../../../../shared/contract/dto/society'
import { Card } from '../../components/card'
import { formatCount } from '../../components/format'
import { useConfirm } from '../../components/use-confirm'
import { DisabledReason } from '../operator/disabled-reason'
import { LastResult, useLastResult } from '../operator/last-result'
import { employmentExitArgs } from '../operator/operator-commands'
import { useOperator } from '../operator/use-operator'

type PendingExit = EmploymentView['pending'][number]

export function EmploymentReview({ view }: { view: EmploymentView }) {
  const operator = useOperator()
  const { ask, dialog } = useConfirm()
  const { track, last } = useLastResult()
  const off = !operator.gate.allowed
  const atCap = view.daily_exit_cap > 0 && view.exits_today >= view.daily_exit_cap

  async function run(action: 'approve' | 'defer', agent: string): Promise<void> {
    track(await operator.run('employment_exit', employmentExitArgs(action, agent)))
  }

  function approve(row: PendingExit): void {
    ask({
      title: `Approve ${row.agent_id}'s exit?`,
      message: `${row.agent_id} leaves ${row.job_id ?? 'their job'} for good after ${row.absences} absences (pending since tick ${row.since_tick}).`,
      confirmLabel: `Approve exit of ${row.agent_id}`,
      onConfirm: () => void run('approve', row.agent_id)
    })
  }

  return (
    <Card
      title="Employment review"
      testId="economy-employment"
      className="span-3"
      actions={
        <span className={`mono${atCap ? ' warn-text' : ' dim'}`} data-testid="employment-exits" title="Exits approved today against the daily cap">
          exits today {formatCount(view.exits_today)} / {formatCount(view.daily_exit_cap)}
        </span>
      }
    >
      {view.pending.length === 0 ? (
        <p className="dim" data-testid="employment-empty">
          No exits pending review.
        </p>
      ) : (
        <>
          <DisabledReason gate={operator.gate} testId="employment-disabled-reason" />
          {atCap ? <p className="warn-text">The daily exit cap is reached: further approvals wait for tomorrow.</p> : null}
          <table className="data-table" data-testid="employment-table">
            <thead>
              <tr>
                <th>agent</th>
                <th>job</th>
                <th className="right">absences</th>
                <th className="right">since tick</th>
                <th className="right">review</th>
              </tr>
            </thead>
            <tbody>
              {view.pending.map((row) => (
                <tr key={row.agent_id} data-testid="employment-row" data-agent-id={row.agent_id}>
                  <td className="mono">{row.agent_id}</td>
                  <td className="mono">{row.job_id ?? '—'}</td>
                  <td className="mono num right">{formatCount(row.absences)}</td>
                  <td className="mono num right">{formatCount(row.since_tick)}</td>
                  <td className="right row-actions">
                    <button type="button" className="danger" data-testid="employment-approve" disabled={off} title={operator.gate.reason ?? `Let ${row.agent_id} leave the job`} onClick={() => approve(row)}>
                      Approve
                    </button>
                    <button type="button" data-testid="employment-defer" disabled={off} title={operator.gate.reason ?? `Keep ${row.agent_id} on for now`} onClick={() => void run('defer', row.agent_id)}>
                      Defer
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <LastResult result={last} testId="employment-last-result" />
      {dialog}
    </Card>
  )
}
