/**
 * The session's branches: the one the shard runs, and each future abandoned by a fork, which an
 * admin can reopen (the shard then runs that branch from where it stopped; it asks first).
 */
import { useState } from 'react'
import type { TimelineBranch } from '../../../../shared/contract/dto/timeline'
import type { AppError } from '../../../../shared/result'
import { useCommands } from '../../app/session-context'
import { formatCount } from '../../components/format'
import { useConfirm } from '../../components/use-confirm'
import type { Gate } from '../operator/command-gate'
import { ErrorLine } from '../snapshots/error-line'

export function BranchList({ branches, show, gate }: { branches: readonly TimelineBranch[]; show: boolean; gate: Gate }) {
  const commands = useCommands()
  const { ask, dialog } = useConfirm()
  const [error, setError] = useState<AppError | null>(null)
  if (branches.length === 0) return null

  function reopen(branch: TimelineBranch): void {
    ask({
      title: `Reopen ${branch.label}?`,
      message: `The shard switches to this branch at tick ${formatCount(branch.to_tick)}. The branch it runs now is kept, to be reopened in turn.`,
      confirmLabel: 'Reopen',
      onConfirm: () =>
        void commands.reopenBranch(branch.id).then((reply) => {
          setError(reply.ok ? null : reply.error)
        })
    })
  }

  return (
    <div className="timeline-branches">
      <h3 className="subhead">Branches</h3>
      <ul className="branch-list" data-testid="timeline-branches">
        {branches.map((branch) => (
          <li key={branch.id} className={branch.current ? 'branch current' : 'branch'} data-testid="timeline-branch" data-id={branch.id} data-current={branch.current}>
            <span className="branch-label">{branch.label}</span>{' '}
            <span className="dim mono">
              {formatCount(branch.from_tick)}–{formatCount(branch.to_tick)}
            </span>
            {branch.current ? <span className="branch-now"> running</span> : null}
            {show && !branch.current ? (
              <button type="button" data-testid="btn-reopen-branch" disabled={!gate.allowed} title={gate.allowed ? 'Run this branch again' : (gate.reason ?? undefined)} onClick={() => reopen(branch)}>
                Reopen
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {error ? <ErrorLine error={error} testId="branch-error" /> : null}
      {dialog}
    </div>
  )
}
