/**
 * The operator's choice to be notified of priority alerts, remembered in localStorage. Off unless
 * the operator turned it on; any storage failure (a sandboxed page, tests under Node) reads as off
 * and writes nothing.
 */

/** The part of the Web Storage API used here. */
export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

export const NOTIFY_PREF_KEY = 'townlet.notify-priority-alerts'

/** The page's localStorage, or null where there is none or it may not be used. */
export function browserStorage(): StorageLike | null {
  try {
    return (globalThis as { localStorage?: StorageLike }).localStorage ?? null
  } catch {
    return null
  }
}

/** True only when the stored choice says on. */
export function loadNotifyPref(storage: StorageLike | null): boolean {
  try {
    return storage?.getItem(NOTIFY_PREF_KEY) === 'on'
  } catch {
    return false
  }
}

export function saveNotifyPref(storage: StorageLike | null, on: boolean): void {
  try {
    storage?.setItem(NOTIFY_PREF_KEY, on ? 'on' : 'off')
  } catch {
    // Not remembered; the choice still holds for this page.
  }
}
