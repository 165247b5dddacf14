/**
 * A first-time operator reloads mid-run: the page must not start blank. The host hands a page
 * that joins late its latest frame and recent history (session.history), so the World card, the
 * Log and the Tick-rate chart are full at once, running or paused; and the header shows the one
 * smoothed tick rate the Tick-rate card shows, the simulated day and time, and the tick with
 * thousands separators.
 */
import type { Page } from '@playwright/test'
import { becomeAdmin, readNumber, readTick, snap } from './fixtures/app'
import { expect, expectReady, test } from './fixtures/server'

/** How soon after the page is ready its panels must be full; a page without the history needs several seconds to gather ten tick-rate samples. */
const AT_ONCE_MS = 2_000

const samples = async (page: Page): Promise<number> => Number(await page.getByTestId('tps-chart-box').getAttribute('data-samples'))

/** The header's and the Tick-rate card's figures, read in one go (they render in the same commit). */
function tickRates(page: Page): Promise<[string, string]> {
  return page.evaluate(() => {
    // Runs in the page; tsconfig.node.json has no DOM lib, hence the narrow cast.
    const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document
    const text = (id: string) => doc.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''
    return [text('header-tps'), text('tps-now').replace(/\s*t\/s$/, '')] as [string, string]
  })
}

test('reloading mid-run shows the town, the log and the tick rate at once', async ({ page, server }) => {
  test.setTimeout(120_000)
  await page.goto(server.url)
  await expectReady(page)
  await becomeAdmin(page)

  await test.step('run at 30 t/s long enough for a chart', async () => {
    await page.getByTestId('speed-select').selectOption('30')
    await page.getByTestId('btn-start').click()
    await expect(page.getByTestId('header-state')).toHaveText('running')
    await expect.poll(() => samples(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(20)
  })

  await test.step('one smoothed tick rate in the header and the Tick-rate card', async () => {
    await expect.poll(() => readNumber(page, 'header-tps'), { timeout: 10_000 }).toBeGreaterThan(5)
    const [header, card] = await tickRates(page)
    expect(header).toBe(card)
    await expect(page.getByTestId('header-clock')).toHaveText(/^day \d+ · \d\d:\d\d$/)
  })

  await test.step('reload while running: the log and the chart are back at once', async () => {
    await page.reload()
    await expectReady(page)
    await expect.poll(() => samples(page), { timeout: AT_ONCE_MS }).toBeGreaterThanOrEqual(10)
    await expect(page.getByTestId('log-line').filter({ hasText: 'shard started' })).toHaveCount(1, { timeout: AT_ONCE_MS })
    await expect(page.getByTestId('world-agents')).toHaveText('8', { timeout: AT_ONCE_MS })
  })

  let pausedAt = 0
  await test.step('pause past a thousand ticks', async () => {
    await becomeAdmin(page)
    await page.getByTestId('speed-select').selectOption('1000')
    await expect.poll(() => readTick(page), { timeout: 30_000 }).toBeGreaterThan(1_000)
    await page.getByTestId('btn-pause').click()
    await expect(page.getByTestId('header-state')).toHaveText('paused')
    pausedAt = await readTick(page)
  })

  await test.step('reload while paused: no frame comes, and still everything is there', async () => {
    await page.reload()
    await expectReady(page)
    const world = page.getByTestId('world-card')
    await expect(page.getByTestId('world-agents')).toHaveText('8', { timeout: AT_ONCE_MS })
    await expect(page.getByTestId('world-time')).toHaveText(/^day \d+ · \d\d:\d\d$/)
    await expect(world).not.toContainText('waiting for the first frame')
    await expect(page.getByTestId('wallet-mean')).not.toBeEmpty()
    await expect(page.getByTestId('log-line').first()).toBeVisible({ timeout: AT_ONCE_MS })
    await expect.poll(() => samples(page), { timeout: AT_ONCE_MS }).toBeGreaterThanOrEqual(10)
    await expect(page.getByTestId('tps-now')).toHaveText('0.0 t/s')
    // The KPI history too: the host's windows, not an empty chart waiting for the next ones.
    await page.getByTestId('nav-kpis').click()
    await expect(page.getByTestId('kpi-chart').first()).toBeVisible({ timeout: AT_ONCE_MS })
    await page.getByTestId('nav-overview').click()
    await expect(page.getByTestId('header-tps')).toHaveText('0.0')
    // The tick, with its separator, and the same day and time the World card shows.
    expect(await readTick(page)).toBe(pausedAt)
    await expect(page.getByTestId('header-tick')).toHaveText(pausedAt.toLocaleString('en-US'))
    await expect(page.getByTestId('header-clock')).toHaveText((await page.getByTestId('world-time').textContent()) ?? '')
    // The clock joined the header, and a viewer's header still fits on one row.
    const brand = await page.locator('.brand').boundingBox()
    const session = await page.getByTestId('header-session').boundingBox()
    expect(session && brand && session.y < brand.y + brand.height).toBe(true)
    await snap(page, '78-after-reload')
    await page.getByTestId('log-card').scrollIntoViewIfNeeded()
    await snap(page, '78-after-reload-log')
  })
})
