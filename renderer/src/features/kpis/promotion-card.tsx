/** Promotion windows (pass or fail, with the reasons a window failed) and whether the candidate is ready. */
import type { SocietyView } from '../../../../shared/contract/dto/society'
import { Card } from '../../components/card'
import { formatCount } from '../../components/format'

export function PromotionCard({ promotion }: { promotion: SocietyView['promotion'] }) {
  const windows = [...promotion.windows].reverse()
  return (
    <Card
      title="Promotion windows"
      testId="kpi-promotion"
      actions={
        promotion.candidate_ready ? (
          <span className="badge badge-ready" data-testid="candidate-ready">
            candidate ready
          </span>
        ) : (
          <span className="dim" data-testid="candidate-not-ready">
            candidate not ready
          </span>
        )
      }
    >
      {windows.length === 0 ? (
        <p className="dim">No window has closed yet.</p>
      ) : (
        <ol className="promotion-list">
          {windows.map((w) => (
            <li key={`${w.start_tick}-${w.end_tick}`} className={`promotion-window ${w.passed ? 'passed' : 'failed'}`} data-testid="promotion-window" data-passed={String(w.passed)}>
              <span className={`status-text ${w.passed ? 'status-ok' : 'status-error'}`}>{w.passed ? 'pass' : 'fail'}</span>{' '}
              <span className="mono dim">
                ticks {formatCount(w.start_tick)}–{formatCount(w.end_tick)}
              </span>
              {w.reasons.length > 0 ? (
                <ul className="promotion-reasons">
                  {w.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
