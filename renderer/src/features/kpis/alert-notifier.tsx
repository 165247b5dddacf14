/**
 * Raises a notification for each new priority alert while the operator has opted in. Mounted
 * once in the app shell, so it works whichever panel is open; it watches the observer store
 * outside React and renders nothing.
 */
import { useEffect } from 'react'
import type { Alert } from '../../../../shared/contract/dto/society'
import { useStores } from '../../app/session-context'
import { alertNotification, decideNotifications, EMPTY_NOTIFY_STATE } from './alert-notify'
import type { NotifyState } from './alert-notify'
import { notificationPermission, showNotification } from './notifications'

const NO_ALERTS: readonly Alert[] = []

export function AlertNotifier() {
  const stores = useStores()
  useEffect(() => {
    let state: NotifyState = EMPTY_NOTIFY_STATE
    let last: readonly Alert[] | null = null
    const check = () => {
      const alerts = stores.observer.getState().society?.alerts ?? NO_ALERTS
      if (alerts === last) return
      last = alerts
      const decision = decideNotifications(alerts, state, { optedIn: stores.ui.getState().notifyAlerts, permission: notificationPermission() })
      state = decision.state
      for (const alert of decision.notify) {
        const { title, body, tag } = alertNotification(alert)
        showNotification(title, body, tag)
      }
    }
    check()
    return stores.observer.subscribe(check)
  }, [stores])
  return null
}
