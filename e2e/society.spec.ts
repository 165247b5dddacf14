/**
 * The society panels against the real host: an admin triggers a price spike and sees the banner,
 * the narration line, the prices and the KPIs move; an absent worker lands in the employment
 * review list and the admin approves her exit.
 */
import { readNumber, snap, stepBy } from './fixtures/app'
import { expect, expectReady, test } from './fixtures/server'

const ADMIN_TOKEN = 'e2e-society-token-0123456789'
test.use({ serveOptions: { config: 'e2e/fixtures/society.yaml', env: { TOWNLET_ADMIN_TOKEN: ADMIN_TOKEN } } })

test('price spike and employment exit review as admin', async ({ page, server }) => {
  test.setTimeout(120_000)
  await page.goto(server.url)
  await expectReady(page)
  await expect(page.getByTestId('header-config-id')).toHaveText('e2e-society')

  await test.step('become admin', async () => {
    await page.getByTestId('nav-console').click()
    await page.getByTestId('admin-token').fill(ADMIN_TOKEN)
    await page.getByTestId('btn-admin').click()
    await expect(page.getByTestId('role-badge')).toHaveText(/admin/i)
  })

  await test.step('KPIs before the shock', async () => {
    await stepBy(page, 30)
    await page.getByTestId('nav-kpis').click()
    await expect(page.getByTestId('kpi-self_sufficiency')).toContainText(/\d/)
    await snap(page, '40-kpis-before')
  })

  await test.step('trigger a price spike: banner, prices and a narration line', async () => {
    await page.getByTestId('nav-economy').click()
    const before = await readNumber(page, 'price-meal-cost')
    await page.getByTestId('perturbation-trigger-spec').selectOption('market_spike')
    await page.getByTestId('perturbation-trigger').click()
    await stepBy(page, 1)
    await expect(page.getByTestId('perturbation-active')).toBeVisible()
    await expect(page.getByTestId('perturbation-banner')).toContainText(/market_spike/)
    await expect.poll(() => readNumber(page, 'price-meal-cost')).toBeCloseTo(before * 1.5, 2)
    await snap(page, '41-price-spike-banner')
    await page.getByTestId('nav-narration').click()
    await expect(page.locator('[data-testid="narration-line"]').filter({ hasText: /market_spike|price/i }).first()).toBeVisible()
    await snap(page, '42-narration')
  })

  await test.step('the KPIs move as the day goes on', async () => {
    await page.getByTestId('nav-kpis').click()
    const windowBefore = (await page.getByTestId('kpi-window').textContent()) ?? ''
    await stepBy(page, 120)
    await expect.poll(async () => (await page.getByTestId('kpi-window').textContent()) ?? '').not.toBe(windowBefore)
    await snap(page, '43-kpis-after')
  })

  await test.step('an absent worker waits in the review list; approving her exit removes her', async () => {
    await page.getByTestId('nav-economy').click()
    const row = page.locator('[data-testid="employment-row"][data-agent-id="erin"]')
    await expect(row).toBeVisible()
    await snap(page, '44-employment-review')
    await row.getByTestId('employment-approve').click()
    await page.getByTestId('confirm-yes').click()
    await stepBy(page, 2)
    await expect(row).toBeHidden()
    await page.getByTestId('nav-narration').click()
    await expect(page.locator('[data-testid="narration-line"]').filter({ hasText: /erin/ }).first()).toBeVisible()
    await snap(page, '45-after-exit')
  })
})
