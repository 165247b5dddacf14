/**
 * Every control that changes the shard is disabled for a viewer, with the reason beside it; an
 * admin gets them enabled. (The host refuses a viewer anyway: this only saves a click in vain.)
 */
import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { sampleSession, sampleStatus } from '../../../shared/testing/contract-samples'
import { SessionProvider } from '../app/session-context'
import type { Stores } from '../stores/stores'
import { isDisabled, textOf } from '../testing/markup'
import { createTestSession } from '../testing/session-fixture'
import { FailureBanner } from './errors/failure-banner'
import { DiagnosticsCard } from './overview/diagnostics-card'
import { ConfigPicker } from './overview/config-picker'
import { TimeControls } from './time-controls/time-controls'

function render(element: ReactElement, role: 'viewer' | 'admin'): string {
  const session = createTestSession((s: Stores) => {
    s.console.getState().setSession({ ...sampleSession, role })
    s.shard.getState().setStatus(sampleStatus({ state: 'failed' }), 0)
    s.appInfo.getState().setInfo({ mode: 'browser', version: '1', can_pick_file: false, test_hooks: true, configs_dir: '/configs' })
    s.config.getState().setFiles([{ name: 'default.yaml', path: '/configs/default.yaml' }])
  })
  return renderToStaticMarkup(<SessionProvider session={session}>{element}</SessionProvider>).replace(/<!-- -->/g, '')
}

describe('the failure banner', () => {
  it('offers the autosave the failure names, for an admin only', () => {
    const banner = (role: 'viewer' | 'admin', autosave: string | null) => {
      const session = createTestSession((s: Stores) => {
        s.console.getState().setSession({ ...sampleSession, role })
        s.shard.getState().setStatus(sampleStatus({ state: 'failed' }), 0)
        s.failures.getState().recordFailure({ reason: 'boom', tick: 240, exit_code: 1, autosave }, 0)
      })
      return renderToStaticMarkup(<SessionProvider session={session}><FailureBanner /></SessionProvider>)
    }
    const admin = banner('admin', 'autosave-200-ab12cd.json')
    expect(admin).toContain('data-name="autosave-200-ab12cd.json"')
    expect(isDisabled(admin, 'btn-restart-autosave')).toBe(false)
    expect(isDisabled(banner('viewer', 'autosave-200-ab12cd.json'), 'btn-restart-autosave')).toBe(true)
    expect(banner('admin', null)).not.toContain('btn-restart-autosave')
  })
})

describe('admin-only controls', () => {
  it('disables the clock for a viewer and says why, and enables it for an admin', () => {
    const running = (role: 'viewer' | 'admin') => {
      const session = createTestSession((s) => {
        s.console.getState().setSession({ ...sampleSession, role })
        s.shard.getState().setStatus(sampleStatus({ state: 'paused' }), 0)
      })
      return renderToStaticMarkup(<SessionProvider session={session}><TimeControls /></SessionProvider>)
    }
    const viewer = running('viewer')
    for (const id of ['btn-start', 'btn-step', 'speed-select']) expect(isDisabled(viewer, id), id).toBe(true)
    expect(textOf(viewer, 'clock-disabled-reason')).toBe('read-only')
    expect(viewer).toContain('admin token required')
    const admin = running('admin')
    for (const id of ['btn-start', 'btn-step', 'speed-select']) expect(isDisabled(admin, id), id).toBe(false)
    expect(admin).not.toContain('clock-disabled-reason')
  })

  it('disables config loads, restart and the crash hook for a viewer, with the reason', () => {
    for (const [element, ids, reason] of [
      [<ConfigPicker key="c" />, ['config-item'], 'config-disabled-reason'],
      [<FailureBanner key="f" />, ['btn-restart'], 'restart-disabled-reason'],
      [<DiagnosticsCard key="d" />, ['btn-crash-worker'], 'diagnostics-disabled-reason']
    ] as const) {
      const viewer = render(element, 'viewer')
      for (const id of ids) expect(isDisabled(viewer, id), id).toBe(true)
      expect(textOf(viewer, reason)).toContain('admin token required')
      const admin = render(element, 'admin')
      for (const id of ids) expect(isDisabled(admin, id), id).toBe(false)
      expect(admin).not.toContain(reason)
    }
  })
})
