/**
 * An in-page confirmation for destructive commands (never `window.confirm`, which blocks the page
 * and cannot be styled or tested). "No" has the focus, so Enter or Escape keeps things as they are.
 */
import type { KeyboardEvent } from 'react'

export interface ConfirmRequest {
  title: string
  message: string
  /** The Yes button's label, naming the action: "Kill alice". */
  confirmLabel: string
  onConfirm: () => void
  /** A safer second way through, beside Yes: "Save, then load". */
  alternative?: { label: string; onChoose: () => void }
}

/** The dialog itself; `onClose` runs on No, Escape and after Yes. */
export function ConfirmDialog(props: { request: ConfirmRequest; onClose: () => void }) {
  const { request, onClose } = props
  function onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation()
      onClose()
    }
  }
  return (
    <div className="dialog-backdrop" onKeyDown={onKeyDown}>
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" data-testid="confirm-dialog">
        <h2 id="confirm-title">{request.title}</h2>
        <p>{request.message}</p>
        <div className="dialog-actions">
          <button type="button" data-testid="confirm-no" autoFocus onClick={onClose}>
            No
          </button>
          {request.alternative ? (
            <button
              type="button"
              className="primary"
              data-testid="confirm-alternative"
              onClick={() => {
                onClose()
                request.alternative?.onChoose()
              }}
            >
              {request.alternative.label}
            </button>
          ) : null}
          <button
            type="button"
            className="danger"
            data-testid="confirm-yes"
            onClick={() => {
              onClose()
              request.onConfirm()
            }}
          >
            {request.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  )
}
