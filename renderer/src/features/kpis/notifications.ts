/**
 * The Web Notification API, reached without DOM types (renderer tests typecheck under Node) and
 * never throwing: the browser and Electron's renderer both have it; a page without it, or a
 * permission the host refuses, reads as 'unsupported' or 'denied'.
 */

export type NotifyPermission = 'granted' | 'denied' | 'default' | 'unsupported'

interface NotificationApi {
  readonly permission: string
  requestPermission(): Promise<string>
  new (title: string, options?: { body?: string; tag?: string }): unknown
}

function notificationApi(): NotificationApi | null {
  const api = (globalThis as { Notification?: NotificationApi }).Notification
  return typeof api === 'function' ? api : null
}

function asPermission(value: unknown): NotifyPermission {
  return value === 'granted' || value === 'denied' || value === 'default' ? value : 'denied'
}

/** The permission as it stands, without asking. */
export function notificationPermission(): NotifyPermission {
  const api = notificationApi()
  return api ? asPermission(api.permission) : 'unsupported'
}

/** Asks the user (only when they have not answered yet) and returns the answer. */
export async function requestNotificationPermission(): Promise<NotifyPermission> {
  const api = notificationApi()
  if (!api) return 'unsupported'
  if (api.permission !== 'default') return asPermission(api.permission)
  try {
    return asPermission(await api.requestPermission())
  } catch {
    return 'denied'
  }
}

/** Shows one notification; false when it could not be shown. */
export function showNotification(title: string, body: string, tag?: string): boolean {
  const api = notificationApi()
  if (!api || api.permission !== 'granted') return false
  try {
    new api(title, tag === undefined ? { body } : { body, tag })
    return true
  } catch {
    return false
  }
}

/** Why notifications are off although the operator asked for them; null when they work. */
export function permissionNote(permission: NotifyPermission): string | null {
  if (permission === 'granted') return null
  if (permission === 'unsupported') return 'notifications are not available in this window'
  if (permission === 'denied') return 'notifications are blocked for this page (allow them in the browser or app settings)'
  return 'notification permission not granted yet'
}
