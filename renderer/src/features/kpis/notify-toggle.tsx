/**
 * "Notify me of priority alerts": opting in asks for the notification permission (the browser's
 * prompt; Electron answers for itself) and stays off when it is refused, saying why. The choice
 * is remembered in localStorage by the UI store.
 */
import { useState } from 'react'
import { useUi } from '../../app/session-context'
import { fieldChecked } from '../../components/field-value'
import { notificationPermission, permissionNote, requestNotificationPermission } from './notifications'

export function NotifyToggle() {
  const on = useUi((s) => s.notifyAlerts)
  const setOn = useUi((s) => s.setNotifyAlerts)
  const [asking, setAsking] = useState(false)
  const [refused, setRefused] = useState<string | null>(null)
  // Opted in earlier, but the permission was withdrawn since (or this window has none).
  const note = refused ?? (on ? permissionNote(notificationPermission()) : null)

  async function toggle(want: boolean): Promise<void> {
    setRefused(null)
    if (!want) {
      setOn(false)
      return
    }
    setAsking(true)
    const permission = await requestNotificationPermission()
    setAsking(false)
    if (permission === 'granted') setOn(true)
    else {
      setOn(false)
      setRefused(permissionNote(permission))
    }
  }

  return (
    <span className="notify-control">
      <label className="toolbar-field" title="A desktop notification for each new priority alert">
        <input type="checkbox" data-testid="notify-toggle" checked={on} disabled={asking} onChange={(e) => void toggle(fieldChecked(e))} />
        notify me of priority alerts
      </label>
      {note ? (
        <span className="warn-text notify-note" data-testid="notify-note" role="note">
          {note}
        </span>
      ) : null}
    </span>
  )
}
