/**
 * Which priority alerts raise a notification: pure, so the rules are tested without a browser.
 *
 * - Never without the operator's opt-in and a granted permission.
 * - Once per alert, known by name and tick; an alert that stays in the list while its tick moves
 *   on is still the same alert (its name was already active in the previous frame).
 * - Alerts that arrive while notifications are off are remembered as seen, so opting in later
 *   does not replay what the panel already shows.
 */
import type { Alert } from '../../../../shared/contract/dto/society'
import type { NotifyPermission } from './notifications'

export interface NotifyState {
  /** Keys (name@tick) of priority alerts already handled, oldest first, bounded. */
  seen: readonly string[]
  /** Names of the priority alerts in the previous list. */
  active: readonly string[]
}

export const EMPTY_NOTIFY_STATE: NotifyState = { seen: [], active: [] }
export const MAX_SEEN_ALERTS = 500

export function alertKey(alert: Pick<Alert, 'name' | 'tick'>): string {
  return `${alert.name}@${alert.tick}`
}

/** The alerts to notify now and the state for the next list. */
export function decideNotifications(
  alerts: readonly Alert[],
  state: NotifyState,
  options: { optedIn: boolean; permission: NotifyPermission },
  maxSeen = MAX_SEEN_ALERTS
): { notify: Alert[]; state: NotifyState } {
  const allowed = options.optedIn && options.permission === 'granted'
  const seen = new Set(state.seen)
  const wasActive = new Set(state.active)
  const added: string[] = []
  const notify: Alert[] = []
  const active: string[] = []
  for (const alert of alerts) {
    if (!alert.priority) continue
    if (!active.includes(alert.name)) active.push(alert.name)
    const key = alertKey(alert)
    if (seen.has(key)) continue
    seen.add(key)
    added.push(key)
    if (allowed && !wasActive.has(alert.name)) notify.push(alert)
  }
  const nextSeen = added.length === 0 ? state.seen : bounded([...state.seen, ...added], maxSeen)
  const sameActive = active.length === state.active.length && active.every((name, i) => state.active[i] === name)
  return { notify, state: nextSeen === state.seen && sameActive ? state : { seen: nextSeen, active } }
}

/** The notification's title and body. */
export function alertNotification(alert: Alert): { title: string; body: string; tag: string } {
  return { title: `Townlet ${alert.severity}: ${alert.name}`, body: `${alert.message} (tick ${alert.tick})`, tag: alertKey(alert) }
}

function bounded(list: string[], max: number): string[] {
  return list.length > max ? list.slice(list.length - max) : list
}
