/** Every job: where and when, what it pays, and how its people keep time. */
import type { JobRow } from '../../../../shared/contract/dto/observer'
import { formatCount, formatMoney, formatPercent, formatWage } from '../../components/format'

/** One row per job. */
export function JobsTable({ jobs }: { jobs: readonly JobRow[] }) {
  if (jobs.length === 0) return <p className="dim">This town has no jobs.</p>
  return (
    <table className="data-table" data-testid="jobs-table">
      <thead>
        <tr>
          <th>job</th>
          <th>workplace</th>
          <th>shift</th>
          <th className="right">wage/tick</th>
          <th className="right">employed</th>
          <th className="right">on shift</th>
          <th className="right">late</th>
          <th className="right" title="Mean attendance over finished shifts">attendance</th>
          <th className="right">late shifts</th>
          <th className="right">wages earned</th>
          <th className="right">withheld</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id} data-testid="job-row" data-job-id={job.id}>
            <td className="mono">{job.id}</td>
            <td className="mono">{job.workplace ?? '—'}</td>
            <td className="mono" data-testid="job-hours">
              {job.start}–{job.end}
            </td>
            <td className="mono num right" data-testid="job-wage">
              {formatWage(job.wage)}
            </td>
            <td className="mono num right" data-testid="job-employed">
              {formatCount(job.employed)}
            </td>
            <td className="mono num right">{formatCount(job.on_shift)}</td>
            <td className={`mono num right${job.late > 0 ? ' late-text' : ''}`}>{formatCount(job.late)}</td>
            <td className="mono num right" data-testid="job-attendance">
              {formatPercent(job.attendance)}
            </td>
            <td className="mono num right">{formatCount(job.late_shifts)}</td>
            <td className="mono num right" data-testid="job-wages-earned">
              {formatMoney(job.wages_earned)}
            </td>
            <td className="mono num right" data-testid="job-wages-withheld">
              {formatMoney(job.wages_withheld)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
