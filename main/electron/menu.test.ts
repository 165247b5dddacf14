import type { MenuItemConstructorOptions } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { err } from '../../shared/result'
import { createRegistry, type Registry } from '../host/registry'
import { buildMenuTemplate, createMenuActions, MENU_CONTEXT, setupMenu, type MenuActions } from './menu'
import { dialog, Menu, resetFakeElectron } from './test-support/fake-electron'
import { fakeHandlers } from './test-support/fake-handlers'

vi.mock('electron', () => import('./test-support/fake-electron'))

beforeEach(() => resetFakeElectron())

const info = { version: '1.2.3', platform: 'linux' as const }

function fakeActions(): MenuActions & { log: unknown[][] } {
  const log: unknown[][] = []
  return {
    log,
    openConfig: async () => void log.push(['openConfig']),
    dispatch: async (channel, payload) => void log.push(['dispatch', channel, payload]),
    becomeAdmin: async () => void log.push(['becomeAdmin']),
    about: async () => void log.push(['about'])
  }
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const stack = [...template]
  while (stack.length) {
    const item = stack.shift()!
    if (item.label === label || item.role === label) return item
    if (Array.isArray(item.submenu)) stack.push(...item.submenu)
  }
  throw new Error(`no menu item '${label}'`)
}

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)()
const labels = (item: MenuItemConstructorOptions) =>
  (item.submenu as MenuItemConstructorOptions[]).filter((i) => i.type !== 'separator').map((i) => i.label ?? i.role)

describe('buildMenuTemplate', () => {
  it('has File, Shard, View and Help with the expected items', () => {
    const t = buildMenuTemplate(fakeActions(), info)
    expect(t.map((m) => m.label ?? m.role)).toEqual(['&File', '&Shard', '&View', 'help'])
    expect(labels(t[0]!)).toEqual(['Open Config…', 'Quit'])
    expect(labels(t[1]!)).toEqual(['Start / Resume', 'Pause', 'Step 10 Ticks', 'Become Admin in This Window'])
    expect(labels(t[2]!)).toEqual(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
    expect(labels(t[3]!)).toEqual(['About Townlet Workstation (1.2.3)'])
    expect(find(t, 'Open Config…').accelerator).toBe('CmdOrCtrl+O')
    expect(find(t, 'Quit').role).toBe('quit')
  })

  it('puts the app menu first on macOS and leaves Quit to it', () => {
    const t = buildMenuTemplate(fakeActions(), { ...info, platform: 'darwin' })
    expect(t[0]).toEqual({ role: 'appMenu' })
    expect(labels(t[1]!)).toEqual(['Open Config…'])
  })

  it('wires each item to its action and channel', () => {
    const actions = fakeActions()
    const t = buildMenuTemplate(actions, info)
    for (const label of ['Open Config…', 'Start / Resume', 'Pause', 'Step 10 Ticks', 'Become Admin in This Window', 'About Townlet Workstation (1.2.3)']) {
      click(find(t, label))
    }
    expect(actions.log).toEqual([
      ['openConfig'],
      ['dispatch', 'shard.start', {}],
      ['dispatch', 'shard.pause', {}],
      ['dispatch', 'shard.step', { ticks: 10 }],
      ['becomeAdmin'],
      ['about']
    ])
  })
})

describe('createMenuActions', () => {
  function withRegistry(pick: string | null, override?: Partial<Registry>) {
    const { handlers, calls } = fakeHandlers()
    const registry = { ...createRegistry(handlers, { roleOf: () => 'admin' }), ...override }
    const actions = createMenuActions({ registry, version: '1.2.3', pickFile: async () => pick })
    return { actions, calls }
  }

  it('Open Config picks a file and loads it as a trusted internal caller', async () => {
    const { actions, calls } = withRegistry('/configs/town.yaml')
    await actions.openConfig()
    expect(calls).toEqual([{ channel: 'config.load', req: { path: '/configs/town.yaml' }, ctx: MENU_CONTEXT }])
    expect(dialog.showErrorBox).not.toHaveBeenCalled()
  })

  it('does nothing when the picker is cancelled', async () => {
    const { actions, calls } = withRegistry(null)
    await actions.openConfig()
    expect(calls).toEqual([])
  })

  it('shows a bad config in an error box with its issues', async () => {
    const dispatch = vi.fn(async () =>
      err('config.invalid', 'town.yaml is not a valid config', {
        source: '/configs/town.yaml',
        issues: [{ path: 'runtime.tick_ms', line: 4, col: 12, message: 'must be positive' }]
      })
    )
    const { actions } = withRegistry('/configs/town.yaml', { dispatch })
    await actions.openConfig()
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Could not load config',
      'town.yaml is not a valid config\n\n• runtime.tick_ms (line 4, col 12): must be positive'
    )
  })

  it('dispatches shard commands through the registry', async () => {
    const { actions, calls } = withRegistry(null)
    await actions.dispatch('shard.step', { ticks: 10 })
    expect(calls).toEqual([{ channel: 'shard.step', req: { ticks: 10 }, ctx: MENU_CONTEXT }])
  })

  it('shows a failed shard command in an error box', async () => {
    const dispatch = vi.fn(async () => err('shard.not_ready', 'the shard is still starting'))
    const { actions } = withRegistry(null, { dispatch })
    await actions.dispatch('shard.start', {})
    expect(dialog.showErrorBox).toHaveBeenCalledWith("'shard.start' failed", 'the shard is still starting')
  })

  it('About shows the version', async () => {
    const { actions } = withRegistry(null)
    await actions.about()
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ message: 'Townlet Workstation 1.2.3' }))
  })
})

describe('setupMenu', () => {
  it('installs the application menu', () => {
    const { handlers } = fakeHandlers()
    setupMenu({ registry: createRegistry(handlers, { roleOf: () => 'admin' }), version: '1.2.3', pickFile: async () => null })
    expect(Menu.buildFromTemplate).toHaveBeenCalledOnce()
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce()
  })
})
