/**
 * The town lives: with the default config loaded, stepping time moves the clock through the day,
 * agents go to work, eat, wash and sleep, and the Overview's World card shows it as it happens.
 */
import { becomeAdmin, loadConfigByPath, readNumber, snap, stepBy } from './fixtures/app'
import { expect, expectReady, test } from './fixtures/server'

test('agents live through a day on the Overview', async ({ page, server }) => {
  test.setTimeout(90_000)
  await page.goto(server.url)
  await expectReady(page)
  await becomeAdmin(page)
  await loadConfigByPath(page, 'configs/default.yaml')
  await expect(page.getByTestId('header-config-id')).toHaveText('default')

  await test.step('eight agents at home at 06:00, needs above zero', async () => {
    await expect(page.getByTestId('world-agents')).toHaveText('8')
    await expect(page.getByTestId('world-time')).toContainText('06:00')
    expect(await readNumber(page, 'need-hunger')).toBeGreaterThan(0)
    await snap(page, '20-town-morning')
  })

  await test.step('by mid-morning everyone is at work and paid', async () => {
    await stepBy(page, 240)
    await expect(page.getByTestId('world-time')).toContainText('10:00')
    await expect(page.getByTestId('activity-work')).toContainText('8')
    const wallet = await readNumber(page, 'wallet-mean')
    expect(wallet).toBeGreaterThan(5)
    await snap(page, '21-town-at-work')
  })

  await test.step('a day later they have eaten, washed and slept', async () => {
    await stepBy(page, 1200)
    await expect(page.getByTestId('world-time')).toContainText('day 1')
    expect(await readNumber(page, 'total-meals')).toBeGreaterThanOrEqual(8)
    expect(await readNumber(page, 'total-showers')).toBeGreaterThan(0)
    expect(await readNumber(page, 'total-sleeps')).toBeGreaterThan(0)
    expect(await readNumber(page, 'employment-attendance')).toBeGreaterThan(50)
    await snap(page, '22-town-next-morning')
  })

  await test.step('running, the clock and the needs keep moving', async () => {
    const before = (await page.getByTestId('world-time').textContent()) ?? ''
    await page.getByTestId('speed-select').selectOption('1000')
    await page.getByTestId('btn-start').click()
    await expect.poll(async () => (await page.getByTestId('world-time').textContent()) ?? '').not.toBe(before)
    await page.getByTestId('btn-pause').click()
    await snap(page, '23-town-running')
  })
})
