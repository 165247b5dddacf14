/**
 * Issue 12, findings 6, 12 and 13, as an operator meets them against the real host: the console
 * gives `utility` a select and a true/false toggle, refuses bad arguments before the destructive
 * confirmation, says a command queued while paused waits for Resume or Step, and shows `help` as
 * a table; loading a config over a town that ran asks first, and a refused load lands in the Log
 * with its first error, the bad value quoted; the Policy card says the scripted controller runs
 * and no model is loaded.
 */
import { join } from 'node:path'
import { becomeAdmin, snap, stepBy } from './fixtures/app'
import { expect, expectReady, ROOT, test } from './fixtures/server'

test.use({ serveOptions: { config: 'configs/default.yaml' } })

test('console form and results, config-load confirmation and log, policy card', async ({ page, server }) => {
  test.setTimeout(120_000)
  await page.goto(server.url)
  await expectReady(page)
  await becomeAdmin(page)
  // One tick: the town has run (the config load below must ask) and the clock stands paused.
  await stepBy(page, 1)

  await test.step('utility: a select of utilities and a true/false toggle', async () => {
    await page.getByTestId('nav-console').click()
    await page.getByTestId('console-command').selectOption('utility')
    const utility = page.getByTestId('console-arg-utility')
    await expect(utility).toHaveJSProperty('tagName', 'SELECT')
    await expect(utility.locator('option')).toHaveText(['choose', 'power', 'water'])
    const on = page.getByTestId('console-arg-on')
    await expect(on).toHaveAttribute('role', 'radiogroup')
    await expect(on.getByRole('radio')).toHaveCount(2)
  })

  await test.step('arguments that do not parse are refused before the confirmation', async () => {
    await page.getByTestId('console-arg-utility').selectOption('water')
    await page.getByTestId('console-run').click()
    await expect(page.getByTestId('console-args-error')).toHaveText('on is required')
    await expect(page.getByTestId('confirm-dialog')).toBeHidden()
    // Out of range, for a command that is not destructive: refused here too, nothing sent.
    await page.getByTestId('console-command').selectOption('setneed')
    await page.getByTestId('console-arg-agent').fill('ada')
    await page.getByTestId('console-arg-need').selectOption('hunger')
    await page.getByTestId('console-arg-value').fill('1.5')
    await page.getByTestId('console-run').click()
    await expect(page.getByTestId('console-args-error')).toHaveText('value must be from 0 to 1, got 1.5')
    await expect(page.getByTestId('console-result')).toHaveCount(0)
  })

  await test.step('false by the toggle: confirmed, then queued while paused until Step', async () => {
    await page.getByTestId('console-command').selectOption('utility')
    await page.getByTestId('console-arg-utility').selectOption('water')
    await page.getByTestId('console-arg-on').getByRole('radio', { name: 'false' }).check()
    await page.getByTestId('console-run').click()
    const dialog = page.getByTestId('confirm-dialog')
    await expect(dialog).toContainText('"on":false')
    await dialog.getByTestId('confirm-yes').click()
    const row = page.getByTestId('console-result').first()
    await expect(row).toHaveAttribute('data-status', 'queued')
    await expect(row.getByTestId('console-result-message')).toHaveText(/waits for Resume or Step/)
    await stepBy(page, 1)
    await expect(row).toHaveAttribute('data-status', 'ok')
  })

  await test.step('help answers with a table, Copy JSON, and the meta line whole', async () => {
    await page.getByTestId('console-command').selectOption('help')
    await page.getByTestId('console-run').click()
    const row = page.locator('[data-testid="console-result"][data-status="ok"]').first()
    await expect(row.getByTestId('console-result-table')).toHaveAttribute('data-caption', 'commands')
    expect(await row.getByTestId('console-result-row').count()).toBeGreaterThan(10)
    await expect(row.getByTestId('console-result-copy')).toBeVisible()
    const meta = row.getByTestId('console-result-meta')
    await expect(meta).toContainText(/tick \d+ · ui-\d+-\d+/)
    // Not cut off: the line is as wide as its text needs, or wraps.
    // Runs in the page; tsconfig.node.json has no DOM lib, hence the narrow cast.
    expect(await meta.evaluate((el) => { const box = el as unknown as { scrollWidth: number; clientWidth: number }; return box.scrollWidth <= box.clientWidth })).toBe(true)
    await snap(page, '74-console-result')
  })

  await test.step('loading a config over a town that ran asks first', async () => {
    await page.getByTestId('nav-overview').click()
    await page.getByTestId('config-path').fill(join(ROOT, 'e2e/fixtures/broken.yaml'))
    await page.getByTestId('btn-load-config').click()
    const dialog = page.getByTestId('confirm-dialog')
    await expect(dialog).toContainText(/The current town \(.+, tick 2\) will be replaced when broken\.yaml loads/)
    await snap(page, '75-config-confirm')
    await dialog.getByTestId('confirm-no').click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('config-errors')).toBeHidden()
  })

  await test.step('a refused load: its errors in line order, the bad value quoted, and a Log line', async () => {
    await page.getByTestId('btn-load-config').click()
    await page.getByTestId('confirm-dialog').getByTestId('confirm-yes').click()
    const rows = page.getByTestId('config-errors').getByTestId('config-error-row')
    await expect(rows).toHaveCount(3)
    await expect(rows.first()).toContainText('got "not-a-number"')
    await expect(rows.nth(1)).toContainText('got -5')
    const line = page.getByTestId('log-card').getByTestId('log-line').filter({ hasText: 'config not loaded' })
    await expect(line).toHaveCount(1)
    await expect(line).toContainText('broken.yaml: seed (line 4:7)')
    await expect(line).toContainText('got "not-a-number"')
  })

  await test.step('the policy card says the scripted controller runs and no model is loaded', async () => {
    await page.getByTestId('nav-policy').click()
    await expect(page.getByTestId('policy-model')).toHaveText('scripted controller; no model loaded')
    await expect(page.getByTestId('model-loaded')).toHaveText('scripted controller; no model loaded')
    await expect(page.getByTestId('model-would-load')).toHaveText(/^would load \S+\.onnx on Swap/)
  })
})
