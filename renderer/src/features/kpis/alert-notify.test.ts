import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Alert } from '../../../../shared/contract/dto/society'
import { loadNotifyPref, NOTIFY_PREF_KEY, saveNotifyPref } from '../../stores/notify-pref'
import type { StorageLike } from '../../stores/notify-pref'
import { createUiStore } from '../../stores/ui-store'
import { alertNotification, decideNotifications, EMPTY_NOTIFY_STATE } from './alert-notify'
import type { NotifyState } from './alert-notify'
import { notificationPermission, permissionNote, requestNotificationPermission, showNotification } from './notifications'

const alert = (name: string, tick: number, overrides: Partial<Alert> = {}): Alert => ({ name, severity: 'critical', message: `${name} happened`, tick, priority: true, ...overrides })
const granted = { optedIn: true, permission: 'granted' as const }

describe('which alerts raise a notification', () => {
  it('notifies each new priority alert once, known by name and tick', () => {
    const first = decideNotifications([alert('starvation_spike', 10), alert('lateness_spike', 10, { priority: false })], EMPTY_NOTIFY_STATE, granted)
    expect(first.notify.map((a) => a.name)).toEqual(['starvation_spike'])
    const again = decideNotifications([alert('starvation_spike', 10)], first.state, granted)
    expect(again.notify).toEqual([])
    expect(again.state).toBe(first.state)
  })

  it('never notifies without the opt-in or a granted permission', () => {
    const alerts = [alert('starvation_spike', 10)]
    expect(decideNotifications(alerts, EMPTY_NOTIFY_STATE, { optedIn: false, permission: 'granted' }).notify).toEqual([])
    expect(decideNotifications(alerts, EMPTY_NOTIFY_STATE, { optedIn: true, permission: 'denied' }).notify).toEqual([])
    expect(decideNotifications(alerts, EMPTY_NOTIFY_STATE, { optedIn: true, permission: 'default' }).notify).toEqual([])
    expect(decideNotifications(alerts, EMPTY_NOTIFY_STATE, { optedIn: true, permission: 'unsupported' }).notify).toEqual([])
  })

  it('does not replay alerts seen before the opt-in', () => {
    const off = decideNotifications([alert('rivalry_spike', 5)], EMPTY_NOTIFY_STATE, { optedIn: false, permission: 'granted' })
    expect(decideNotifications([alert('rivalry_spike', 5)], off.state, granted).notify).toEqual([])
    expect(decideNotifications([alert('rivalry_spike', 5), alert('starvation_spike', 6)], off.state, granted).notify.map((a) => a.name)).toEqual(['starvation_spike'])
  })

  it('treats an alert that stays raised as one, and a raise after it cleared as another', () => {
    let state: NotifyState = decideNotifications([alert('queue_fairness_pressure', 10)], EMPTY_NOTIFY_STATE, granted).state
    // Still raised, its tick moved on: the same alert.
    const still = decideNotifications([alert('queue_fairness_pressure', 11)], state, granted)
    expect(still.notify).toEqual([])
    state = decideNotifications([], still.state, granted).state
    expect(state.active).toEqual([])
    expect(decideNotifications([alert('queue_fairness_pressure', 40)], state, granted).notify).toHaveLength(1)
  })

  it('remembers a bounded number of alerts', () => {
    let state: NotifyState = EMPTY_NOTIFY_STATE
    for (let t = 0; t < 10; t++) state = decideNotifications([alert('a', t)], { ...state, active: [] }, granted, 4).state
    expect(state.seen).toEqual(['a@6', 'a@7', 'a@8', 'a@9'])
  })

  it('titles the notification with severity and name', () => {
    expect(alertNotification(alert('starvation_spike', 42))).toEqual({ title: 'Townlet critical: starvation_spike', body: 'starvation_spike happened (tick 42)', tag: 'starvation_spike@42' })
  })
})

describe('the notification opt-in', () => {
  function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
    const data = { ...initial }
    return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) }
  }

  it('is off unless stored on, and is remembered by the UI store', () => {
    expect(loadNotifyPref(null)).toBe(false)
    expect(loadNotifyPref(memoryStorage())).toBe(false)
    expect(loadNotifyPref(memoryStorage({ [NOTIFY_PREF_KEY]: 'on' }))).toBe(true)
    const storage = memoryStorage()
    const ui = createUiStore('overview', storage)
    expect(ui.getState().notifyAlerts).toBe(false)
    ui.getState().setNotifyAlerts(true)
    expect(storage.data[NOTIFY_PREF_KEY]).toBe('on')
    expect(createUiStore('overview', storage).getState().notifyAlerts).toBe(true)
  })

  it('survives a storage that throws', () => {
    const broken: StorageLike = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      }
    }
    expect(loadNotifyPref(broken)).toBe(false)
    expect(() => saveNotifyPref(broken, true)).not.toThrow()
  })
})

describe('the Web Notification API wrapper', () => {
  afterEach(() => vi.unstubAllGlobals())

  function stubNotification(permission: string, answer = 'granted') {
    const shown: Array<{ title: string; body?: string }> = []
    const requested: number[] = []
    class FakeNotification {
      static permission = permission
      static requestPermission() {
        requested.push(1)
        FakeNotification.permission = answer
        return Promise.resolve(answer)
      }
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body })
      }
    }
    vi.stubGlobal('Notification', FakeNotification)
    return { shown, requested }
  }

  it('reads as unsupported where there is no API', () => {
    expect(notificationPermission()).toBe('unsupported')
    expect(showNotification('t', 'b')).toBe(false)
    expect(permissionNote('unsupported')).toContain('not available')
  })

  it('asks only when the user has not answered, and shows only when granted', async () => {
    const fake = stubNotification('default', 'granted')
    expect(notificationPermission()).toBe('default')
    expect(showNotification('early', 'b')).toBe(false)
    expect(await requestNotificationPermission()).toBe('granted')
    expect(await requestNotificationPermission()).toBe('granted')
    expect(fake.requested).toHaveLength(1)
    expect(showNotification('Townlet critical: x', 'body')).toBe(true)
    expect(fake.shown).toEqual([{ title: 'Townlet critical: x', body: 'body' }])
  })

  it('reports a refusal', async () => {
    stubNotification('default', 'denied')
    expect(await requestNotificationPermission()).toBe('denied')
    expect(permissionNote('denied')).toContain('blocked')
    expect(permissionNote('granted')).toBeNull()
  })
})
