/** The "Freeze order" toggle and what says the order is held, and why. */
import type { FreezeReason } from './use-frozen-order'

const REASON_TEXT: Record<Exclude<FreezeReason, null>, string> = {
  pinned: 'order frozen',
  pointer: 'order held under the pointer'
}

export function FreezeIndicator(props: { reason: FreezeReason; pinned: boolean; onToggle: () => void }) {
  return (
    <>
      <button
        type="button"
        className={`toggle-button${props.pinned ? ' active' : ''}`}
        data-testid="agents-freeze"
        aria-pressed={props.pinned}
        title={props.pinned ? 'Let the rows follow the sort again' : 'Keep the rows in their current order while the town runs'}
        onClick={props.onToggle}
      >
        Freeze order
      </button>
      {props.reason === null ? null : (
        <span className="freeze-badge mono" data-testid="agents-frozen" data-reason={props.reason} role="status">
          ❄ {REASON_TEXT[props.reason]}
        </span>
      )}
    </>
  )
}
