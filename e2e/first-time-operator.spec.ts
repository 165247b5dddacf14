/**
 * A first-time operator's walk through the whole app, as issue 12's reviewer took it: open the
 * app, become admin, load a config, start the town, open every panel, select and inspect a
 * person, run a console command, open the shortcuts list, and reload mid-run. Each stop is a
 * screenshot (reports/screenshots/9x-…) and an assertion that the panel shows the town, not a
 * placeholder.
 */
import type { ObserverFull } from '../shared/contract/dto/observer'
import { becomeAdmin, loadConfigByPath, readTick, snap } from './fixtures/app'
import { invokeHost } from './fixtures/host-client'
import { expect, expectReady, test } from './fixtures/server'

/** Each panel's nav id and the element that says it shows the running town. */
const PANELS: readonly [string, string][] = [
  ['overview', 'world-card'],
  ['map', 'map-panel'],
  ['agents', 'agents-panel'],
  ['economy', 'economy-panel'],
  ['conflict', 'conflict-panel'],
  ['narration', 'narration-panel'],
  ['kpis', 'kpi-panel'],
  ['policy', 'policy-panel'],
  ['console', 'console-runner']
]

test('a first-time operator: open, load, start, every panel, inspect, console, shortcuts, reload', async ({ page, server }) => {
  test.setTimeout(120_000)

  await test.step('open the app: a viewer sees the town and the clock in the header', async () => {
    await page.goto(server.url)
    await expectReady(page)
    await expect(page.getByTestId('role-badge')).toHaveText(/viewer/i)
    await expect(page.getByTestId('world-agents')).toHaveText(/^\d+$/)
    await expect(page.getByTestId('header-clock')).toHaveText(/^day \d+ · \d\d:\d\d$/)
    await snap(page, '90-first-open')
  })

  await test.step('become admin, load the default town and start it', async () => {
    await becomeAdmin(page)
    await loadConfigByPath(page, 'configs/default.yaml')
    await page.getByTestId('speed-select').selectOption('30')
    await page.getByTestId('btn-start').click()
    await expect(page.getByTestId('header-state')).toHaveText('running')
    await expect.poll(() => readTick(page), { timeout: 20_000 }).toBeGreaterThan(60)
  })

  for (const [id, content] of PANELS) {
    await test.step(`the ${id} panel shows the running town`, async () => {
      await page.getByTestId(`nav-${id}`).click()
      await expect(page.getByTestId(content).first()).toBeVisible()
      await expect(page.getByTestId('observer-status')).toHaveCount(0)
      await snap(page, `91-panel-${id}`)
    })
  }

  await test.step('select a person in the Agents table and read the inspector', async () => {
    await page.getByTestId('nav-agents').click()
    await page.getByTestId('agent-row').first().click()
    const inspector = page.getByTestId('inspector')
    await expect(inspector).toBeVisible()
    await expect(page.getByTestId('inspector-event').first()).toBeVisible({ timeout: 20_000 })
    // Events read as sentences, not key=value dumps.
    expect(await page.getByTestId('inspector-event').allTextContents()).not.toContainEqual(expect.stringMatching(/\w=\S/))
    // The Map was last seen fitted to a wider canvas: it opens fitted to the one the inspector left.
    await page.getByTestId('nav-map').click()
    await expect(inspector).toBeVisible()
    const { map } = await invokeHost<ObserverFull>(server, 'observer.full')
    const canvas = page.getByTestId('map-canvas')
    await expect(canvas).toHaveAttribute('data-view', /\d/)
    const [scale, ox, oy] = ((await canvas.getAttribute('data-view')) ?? '').split(' ').map(Number) as [number, number, number]
    const box = (await canvas.boundingBox())!
    expect(ox).toBeGreaterThanOrEqual(-0.5)
    expect(ox + map.width * scale).toBeLessThanOrEqual(box.width + 0.5)
    expect(oy + map.height * scale).toBeLessThanOrEqual(box.height + 0.5)
    await snap(page, '92-map-inspector')
  })

  await test.step('run help in the console: the answer is a table', async () => {
    await page.getByTestId('nav-console').click()
    await page.getByTestId('console-command').selectOption('help')
    await page.getByTestId('console-run').click()
    await expect(page.getByTestId('console-result-table').first()).toBeVisible()
    await expect(page.getByTestId('console-result-meta').first()).toContainText(/tick/)
    await snap(page, '93-console-help')
  })

  await test.step('? lists every shortcut, Esc closes the list', async () => {
    await page.locator('body').click({ position: { x: 5, y: 400 } })
    await page.keyboard.press('?')
    await expect(page.getByTestId('shortcuts-overlay')).toBeVisible()
    expect(await page.getByTestId('shortcut-row').count()).toBeGreaterThanOrEqual(7)
    await snap(page, '94-shortcuts')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('shortcuts-overlay')).toHaveCount(0)
  })

  await test.step('reload mid-run: the town, the log and the tick rate are there at once', async () => {
    await page.reload()
    await expectReady(page)
    await expect(page.getByTestId('world-agents')).toHaveText(/^[1-9]\d*$/, { timeout: 2_000 })
    await expect(page.getByTestId('log-line').first()).toBeVisible({ timeout: 2_000 })
    await expect(page.getByTestId('header-state')).toHaveText('running')
    await snap(page, '95-after-reload')
  })
})
