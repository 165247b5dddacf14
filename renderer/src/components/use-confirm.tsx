import { useState } from 'react'
import type { ReactNode } from 'react'
import { ConfirmDialog } from './confirm-dialog'
import type { ConfirmRequest } from './confirm-dialog'

/** `ask` opens the confirmation; render `dialog` somewhere in the component. */
export function useConfirm(): { ask: (request: ConfirmRequest) => void; dialog: ReactNode } {
  const [request, setRequest] = useState<ConfirmRequest | null>(null)
  const dialog = request ? <ConfirmDialog request={request} onClose={() => setRequest(null)} /> : null
  return { ask: setRequest, dialog }
}
