/**
 * The operator's first session, end to end against the real browser-mode host: load a config,
 * run, pause, step, change speed, use the keyboard, survive a broken config and a crashed worker.
 * Time moves only through the UI (start, step); the spec waits on what the page shows.
 */
import {
  becomeAdmin,
  blurControls,
  configIdOf,
  expectTickStill,
  loadConfigByPath,
  readNumber,
  readTick,
  snap,
  stepBy
} from './fixtures/app'
import type { Page } from '@playwright/test'
import { expect, expectReady, test } from './fixtures/server'

/** The tick-rate chart's latest sample, as its card header shows it ("989.0 t/s"). */
async function chartTps(page: Page): Promise<number> {
  const text = (await page.getByTestId('tps-chart').textContent()) ?? ''
  const m = /([\d,]+(?:\.\d+)?)\s*t\/s/.exec(text)
  return m?.[1] ? Number(m[1].replace(/,/g, '')) : Number.NaN
}

const DEFAULT_CONFIG = 'configs/default.yaml'
const FAST_CONFIG = 'e2e/fixtures/fast.yaml'
const BROKEN_CONFIG = 'e2e/fixtures/broken.yaml'

test('run, pause, step, speed, keys, a broken config and a worker crash', async ({ page, server }) => {
  test.setTimeout(120_000)
  const defaultId = configIdOf(DEFAULT_CONFIG)
  const fastId = configIdOf(FAST_CONFIG)
  const state = page.getByTestId('header-state')
  const configId = page.getByTestId('header-config-id')

  await test.step('open the app', async () => {
    await page.goto(server.url)
    await expectReady(page)
    await expect(state).toHaveText('idle')
    await snap(page, '01-ready')
  })

  await test.step('a viewer watches: the clock and config loads are read-only and say why', async () => {
    await expect(page.getByTestId('role-badge')).toHaveText(/viewer/i)
    await expect(page.getByTestId('btn-start')).toBeDisabled()
    await expect(page.getByTestId('btn-step')).toBeDisabled()
    await expect(page.getByTestId('clock-disabled-reason')).toHaveAttribute('title', /admin token/i)
    await expect(page.getByTestId('config-disabled-reason')).toContainText(/admin token/i)
    await page.keyboard.press('.')
    await expectTickStill(page, 0)
    await snap(page, '01b-viewer-read-only')
    await becomeAdmin(page)
    await expect(page.getByTestId('btn-start')).toBeEnabled()
    await expect(page.getByTestId('clock-disabled-reason')).toBeHidden()
  })

  await test.step('load configs/default.yaml by path; the list offers it too', async () => {
    await loadConfigByPath(page, DEFAULT_CONFIG)
    await expect(configId).toHaveText(defaultId)
    await expect(page.getByTestId('config-item').and(page.locator('[data-name="default.yaml"]'))).toBeVisible()
    await expect(page.getByTestId('config-errors')).toBeHidden()
    await snap(page, '02-config-default')
  })

  await test.step('start: the tick advances', async () => {
    const t0 = await readTick(page)
    await expect(page.getByTestId('btn-start')).toHaveText(/start/i)
    await page.getByTestId('btn-start').click()
    await expect(state).toHaveText('running')
    await expect(page.getByTestId('btn-pause')).toBeVisible()
    await expect.poll(() => readTick(page)).toBeGreaterThan(t0)
    await snap(page, '03-running')
  })

  await test.step('speed 1000: the header shows it and the tick rate rises', async () => {
    const tpsBefore = await readNumber(page, 'header-tps')
    await page.getByTestId('speed-select').selectOption('1000')
    await expect(page.getByTestId('header-speed')).toContainText('1000')
    // The default config runs 4 ticks a second; the measured rate must clear that by far.
    await expect.poll(() => readNumber(page, 'header-tps'), { timeout: 15_000 }).toBeGreaterThan(Math.max(50, tpsBefore * 5))
    // The chart's latest sample (its card header) follows within its half-second throttle.
    await expect.poll(() => chartTps(page), { timeout: 5_000 }).toBeGreaterThan(50)
    await snap(page, '04-speed-1000')
  })

  await test.step('pause: the tick stops', async () => {
    await page.getByTestId('btn-pause').click()
    await expect(state).toHaveText('paused')
    await expect(page.getByTestId('btn-start')).toHaveText(/resume/i)
    await expect(page.getByTestId('btn-pause')).toBeHidden()
    // At 1000 ticks a second a clock that kept running would move within a frame or two.
    await expectTickStill(page, await readTick(page))
    await snap(page, '05-paused')
  })

  await test.step('step 10: exactly +10', async () => {
    await stepBy(page, 10)
    await expect(state).toHaveText('paused')
    await snap(page, '06-stepped')
  })

  await test.step('keyboard: space toggles run and pause, "." steps', async () => {
    await page.getByTestId('step-count').fill('1')
    await blurControls(page)
    const t0 = await readTick(page)
    await page.keyboard.press('Space')
    await expect(state).toHaveText('running')
    await expect.poll(() => readTick(page)).toBeGreaterThan(t0)
    await page.keyboard.press('Space')
    await expect(state).toHaveText('paused')
    const t1 = await readTick(page)
    await expectTickStill(page, t1)
    await page.keyboard.press('.')
    await expect.poll(() => readTick(page)).toBe(t1 + 1)
    await expectTickStill(page, t1 + 1)
    await snap(page, '07-keyboard')
  })

  await test.step('load a second good config by path', async () => {
    await loadConfigByPath(page, FAST_CONFIG)
    await expect(configId).toHaveText(fastId)
    await expect(page.getByTestId('config-errors')).toBeHidden()
    await snap(page, '08-config-fast')
  })

  await test.step('a broken config lists its errors; the shard keeps its config and still steps', async () => {
    await loadConfigByPath(page, BROKEN_CONFIG)
    const errors = page.getByTestId('config-errors')
    await expect(errors).toBeVisible()
    const rows = errors.getByTestId('config-error-row')
    // broken.yaml: seed on line 4, runtime.tick_ms on line 6, the unknown key runtim on line 7.
    // A row reads `path — line:col — message` (the dashes may be table cell borders instead).
    await expect(rows).toHaveCount(3)
    await expect(rows.filter({ hasText: /^\s*seed\s*(—\s*)?4:\d+\s*(—\s*)?\S/ })).toHaveCount(1)
    await expect(rows.filter({ hasText: /^\s*runtime\.tick_ms\s*(—\s*)?6:\d+\s*(—\s*)?\S/ })).toHaveCount(1)
    await expect(rows.filter({ hasText: /^\s*runtim\s*(—\s*)?7:\d+\s*(—\s*)?.*"runtime"/ })).toHaveCount(1)
    await expect(configId).toHaveText(fastId)
    await snap(page, '09-config-errors')
    await stepBy(page, 10)
    await page.getByTestId('btn-dismiss-config-errors').click()
    await expect(errors).toBeHidden()
    await expect(configId).toHaveText(fastId)
  })

  await test.step('crash the worker: a failure banner with the reason, state failed', async () => {
    await page.getByTestId('btn-crash-worker').click()
    const banner = page.getByTestId('failure-banner')
    await expect(banner).toBeVisible()
    await expect(banner).toContainText(/\S{3,}/)
    await expect(state).toHaveText('failed')
    await expect(page.getByTestId('btn-restart')).toBeVisible()
    await snap(page, '10-failed')
  })

  await test.step('restart: a working shard with the last good config', async () => {
    await page.getByTestId('btn-restart').click()
    await expect(page.getByTestId('failure-banner')).toBeHidden()
    await expect(state).not.toHaveText('failed')
    await expect(configId).toHaveText(fastId)
    await stepBy(page, 10)
    await snap(page, '11-restarted')
  })
})

test('clicking a file in the config list loads it', async ({ page, server }) => {
  await page.goto(server.url)
  await expectReady(page)
  await becomeAdmin(page)
  await loadConfigByPath(page, FAST_CONFIG)
  await expect(page.getByTestId('header-config-id')).toHaveText(configIdOf(FAST_CONFIG))
  await page.getByTestId('config-item').and(page.locator('[data-name="default.yaml"]')).click()
  await expect(page.getByTestId('header-config-id')).toHaveText(configIdOf(DEFAULT_CONFIG))
  await expect(page.getByTestId('config-errors')).toBeHidden()
})
