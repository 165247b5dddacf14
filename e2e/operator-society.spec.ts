/**
 * Issue 12, findings 7, 8 and 10, against the real host on the small society town: the conflict
 * chart plots the queue conflicts the contention table counts and the leaderboard ranks the pairs
 * the feed names; narration lines read "day N · HH:MM", agent names select the agent and the
 * category chips filter; the KPI charts' time axis reads in days and hours, and erin at 0 %
 * energy raises need_depleted naming her.
 */
import type { Page } from '@playwright/test'
import { becomeAdmin, readNumber, snap, stepBy } from './fixtures/app'
import { expect, expectReady, test } from './fixtures/server'

test.use({ serveOptions: { config: 'e2e/fixtures/society.yaml' } })

/** Sum of the contention table's counts. */
async function contentionTotal(page: Page): Promise<number> {
  const counts = await page.getByTestId('contention-count').allTextContents()
  return counts.reduce((sum, text) => sum + Number(text.replace(/,/g, '')), 0)
}

test('society panels as an operator reads them: conflicts charted, narration stamped and linked, KPIs in days', async ({ page, server }) => {
  test.setTimeout(150_000)
  await page.goto(server.url)
  await expectReady(page)
  await expect(page.getByTestId('header-config-id')).toHaveText('e2e-society')
  await becomeAdmin(page)

  await test.step('erin sits at 0 % energy: need_depleted names her and the need', async () => {
    await stepBy(page, 150)
    await page.getByTestId('nav-kpis').click()
    const row = page.locator('[data-testid="alert-row"][data-name="need_depleted"]')
    await expect(row).toBeVisible()
    await expect(page.getByTestId('alerts-empty')).toHaveCount(0)
    const erin = row.locator('[data-testid="depleted-need"][data-agent-id="erin"]')
    await expect(erin).toHaveAttribute('data-need', 'energy')
    await expect(erin).toContainText(/at 0 since day \d+ · \d\d:\d\d/)
    await snap(page, '81-kpis-need-depleted')
  })

  await test.step('the fairness chart counts the queue conflicts the contention table shows', async () => {
    await stepBy(page, 750)
    await page.getByTestId('nav-conflict').click()
    await expect(page.getByTestId('contention-row').first()).toBeVisible()
    const counted = await contentionTotal(page)
    expect(counted).toBeGreaterThan(0)
    await expect(page.getByTestId('fairness-chart').locator('.recharts-legend-item-text', { hasText: 'queue conflicts' })).toBeVisible()
    const charted = Number((/conflicts (\d+)/.exec((await page.getByTestId('fairness-totals').textContent()) ?? '') ?? [])[1])
    // Every conflict the table counts is on the chart, however the host folded the frames.
    expect(charted).toBe(counted)
    // One source: every pair the feed names is on the leaderboard.
    const events = page.getByTestId('rivalry-event')
    await expect(events.first()).toBeVisible()
    await expect(events.first().getByTestId('rivalry-event-time')).toHaveText(/^day \d+ · \d\d:\d\d$/)
    await expect(page.getByText('No rivalries yet.')).toHaveCount(0)
    for (const event of await events.all()) {
      const [a, b] = [await event.getAttribute('data-agent-id'), await event.getAttribute('data-other')].sort()
      await expect(page.locator(`[data-testid="leaderboard-row"][data-a="${a}"][data-b="${b}"]`)).toHaveCount(1)
    }
    await snap(page, '80-conflict')
  })

  await test.step('narration: day and time on every line, names that select, chips that filter', async () => {
    await page.getByTestId('nav-narration').click()
    const lines = page.getByTestId('narration-line')
    await expect(lines.first()).toBeVisible()
    for (const time of await page.getByTestId('narration-time').allTextContents()) expect(time).toMatch(/^day \d+ · \d\d:\d\d$/)
    expect(await page.getByTestId('narration-time').count()).toBe(await lines.count())
    const name = page.getByTestId('narration-agent').first()
    const id = await name.getAttribute('data-agent-id')
    await name.click()
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-agent-id', id ?? '')
    const chips = page.getByTestId('narration-chip')
    expect(await chips.count()).toBeGreaterThan(1)
    const chip = chips.first()
    const category = (await chip.getAttribute('data-category')) ?? ''
    const all = await lines.count()
    await chip.click()
    await expect(chip).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByTestId('narration-filter-all')).toHaveAttribute('aria-pressed', 'false')
    const shown = await lines.count()
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(all)
    for (const line of await lines.all()) await expect(line).toHaveAttribute('data-category', category)
    await snap(page, '79-narration')
    await page.getByTestId('narration-filter-all').click()
    await expect(lines).toHaveCount(all)
  })

  await test.step('KPI charts label time in days and hours', async () => {
    // Two KPI windows (a day each) close by tick 2,880.
    await stepBy(page, 2880 - (await readNumber(page, 'header-tick')) + 20)
    await page.getByTestId('nav-kpis').click()
    const chart = page.locator('[data-testid="kpi-chart"][data-kpi="self_sufficiency"]')
    const ticks = chart.locator('.recharts-cartesian-axis-tick-value')
    await expect(ticks.first()).toBeVisible()
    const labels = await ticks.allTextContents()
    // The x axis reads "d1 07:41"; the y axis its percentages; never a bare tick number.
    expect(labels.filter((l) => /^d\d+ \d\d:\d\d$/.test(l)).length).toBeGreaterThanOrEqual(2)
    for (const label of labels) expect(label).toMatch(/^(d\d+ \d\d:\d\d|\d+%)$/)
    await snap(page, '81-kpis')
  })
})
