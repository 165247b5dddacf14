/** Failed requests, newest last, each dismissible; the code is shown so it can be searched for. */
import { useFailures } from '../../app/session-context'
import { formatClock } from '../../components/format'

export function NoticeList() {
  const notices = useFailures((s) => s.notices)
  const dismiss = useFailures((s) => s.dismissNotice)
  if (notices.length === 0) return null
  return (
    <ul className="notices" aria-live="polite">
      {notices.map((notice) => (
        <li key={notice.id} className="notice" data-testid="notice" data-code={notice.code}>
          <span className="notice-time mono">{formatClock(notice.at)}</span>
          <code className="notice-code">{notice.code}</code>
          <span className="notice-message">{notice.message}</span>
          <button type="button" className="icon" aria-label="Dismiss" title="Dismiss" onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  )
}
