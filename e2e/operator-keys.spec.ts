/**
 * The operator's keyboard and colours (issue 12, findings 14 and 15), in the real page:
 * `?` lists every shortcut and Esc closes it; a digit opens that panel; `/` focuses the panel's
 * filter; `f` fits the map as the Fit button does; Esc closes the inspector; Space with a button
 * focused presses that button and leaves the clock alone, and toggles the clock otherwise. Then a
 * society town shows the admin badge, a perturbation, a late worker and a config that failed,
 * each in its own colour.
 */
import type { Page } from '@playwright/test'
import { becomeAdmin, blurControls, loadConfigByPath, readTick, snap, stepBy, waitFrames } from './fixtures/app'
import { expect, expectReady, test } from './fixtures/server'

/** The resolved value of a CSS custom property on :root, e.g. `#2dd4bf`. */
async function token(page: Page, name: string): Promise<string> {
  return page.evaluate((n) => {
    // Runs in the page; tsconfig.node.json has no DOM lib, hence the narrow cast.
    const g = globalThis as unknown as { document: { documentElement: unknown }; getComputedStyle(el: unknown): { getPropertyValue(p: string): string } }
    return g.getComputedStyle(g.document.documentElement).getPropertyValue(n).trim()
  }, name)
}

/** `#rrggbb` as the `rgb(r, g, b)` computed styles report. */
function rgb(hex: string): string {
  const n = parseInt(hex.replace('#', ''), 16)
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`
}

test('keyboard: shortcuts list, panels, filter, fit, Esc, and Space beside a focused button', async ({ page, server }) => {
  test.setTimeout(90_000)
  await page.goto(server.url)
  await expectReady(page)
  await becomeAdmin(page)
  await blurControls(page)

  await test.step('? lists every shortcut; Esc closes the list', async () => {
    await page.keyboard.press('?')
    const overlay = page.getByTestId('shortcuts-overlay')
    await expect(overlay).toBeVisible()
    await expect(overlay.getByTestId('shortcut-row')).toHaveCount(10)
    for (const label of ['?', 'Space', '.', '1–9', 'f', '[', ']', 'L', '/', 'Esc']) await expect(overlay.locator('td kbd', { hasText: label }).first()).toBeVisible()
    await expect(overlay.getByTestId('shortcuts-panels')).toContainText('3 Agents')
    await snap(page, '76-shortcuts')
    // Keys other than its own do nothing while the list shows.
    await page.keyboard.press('3')
    await expect(page.getByTestId('nav-overview')).toHaveAttribute('aria-current', 'page')
    await page.keyboard.press('Escape')
    await expect(overlay).toBeHidden()
  })

  await test.step('3 opens the Agents panel; / focuses its filter without typing a slash', async () => {
    await page.keyboard.press('3')
    await expect(page.getByTestId('nav-agents')).toHaveAttribute('aria-current', 'page')
    await expect(page.getByTestId('agents-panel')).toBeVisible()
    await page.keyboard.press('/')
    const filter = page.getByTestId('agents-filter')
    await expect(filter).toBeFocused()
    await expect(filter).toHaveValue('')
    // Digits typed into the filter are text, not panel switches.
    await page.keyboard.type('2')
    await expect(filter).toHaveValue('2')
    await expect(page.getByTestId('nav-agents')).toHaveAttribute('aria-current', 'page')
    await filter.fill('')
  })

  await test.step('/ focuses the filter of Narration (its first category chip) and of Console (the command)', async () => {
    await blurControls(page)
    await page.keyboard.press('6')
    await expect(page.getByTestId('nav-narration')).toHaveAttribute('aria-current', 'page')
    await page.keyboard.press('/')
    await expect(page.getByTestId('narration-filter-all')).toBeFocused()
    await page.keyboard.press('9')
    await expect(page.getByTestId('nav-console')).toHaveAttribute('aria-current', 'page')
    await page.keyboard.press('/')
    await expect(page.getByTestId('console-command')).toBeFocused()
    await blurControls(page)
    await page.keyboard.press('3')
  })

  await test.step('Esc closes the inspector', async () => {
    await page.locator('[data-testid="agent-row"]').first().click()
    await expect(page.getByTestId('inspector')).toBeVisible()
    await blurControls(page)
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('inspector')).toBeHidden()
  })

  await test.step('Space with a button focused presses the button, not the clock', async () => {
    const tick = await readTick(page)
    await expect(page.getByTestId('header-state')).toHaveText('idle')
    // Re-selecting the shown panel is harmless; before the fix the same Space also started the town.
    await page.getByTestId('nav-agents').focus()
    await page.keyboard.press(' ')
    await waitFrames(page)
    await expect(page.getByTestId('header-state')).toHaveText('idle')
    expect(await readTick(page)).toBe(tick)
    // With nothing focused Space is the clock's: start, then pause.
    await blurControls(page)
    await page.keyboard.press(' ')
    await expect(page.getByTestId('header-state')).toHaveText('running')
    await page.keyboard.press(' ')
    await expect(page.getByTestId('header-state')).toHaveText('paused')
  })

  await test.step('f fits the map as the Fit button does', async () => {
    await page.keyboard.press('2')
    const canvas = page.getByTestId('map-canvas')
    await expect(page.getByTestId('map-panel')).toBeVisible()
    await page.getByTestId('map-fit').click()
    await waitFrames(page)
    const fitted = await canvas.screenshot()
    await page.getByTestId('map-zoom-in').click()
    await page.getByTestId('map-zoom-in').click()
    await waitFrames(page)
    expect((await canvas.screenshot()).equals(fitted)).toBe(false)
    await blurControls(page)
    await page.keyboard.press('f')
    await waitFrames(page)
    expect((await canvas.screenshot()).equals(fitted)).toBe(true)
  })
})

const SOCIETY_TOKEN = 'e2e-keys-society-token-0123456789'

test.describe('colours', () => {
  test.use({ serveOptions: { config: 'e2e/fixtures/society.yaml', env: { TOWNLET_ADMIN_TOKEN: SOCIETY_TOKEN } }, viewport: { width: 1280, height: 1500 } })

  test('each meaning has its own colour: admin, waiting, warning, late, error, perturbation', async ({ page, server }) => {
    test.setTimeout(120_000)
    await page.goto(server.url)
    await expectReady(page)
    await becomeAdmin(page, SOCIETY_TOKEN)

    const names = ['--role-admin', '--waiting', '--warn', '--late', '--error', '--event-perturbation', '--ok']
    const values = await Promise.all(names.map((n) => token(page, n)))
    // One colour per meaning: no two of them share a value.
    expect(new Set(values).size, values.join(' ')).toBe(names.length)
    const [admin, waiting, warn, late, error, perturbation] = values.map(rgb)

    await expect(page.getByTestId('role-badge')).toHaveCSS('color', admin ?? '')

    await page.getByTestId('nav-economy').click()
    await page.getByTestId('perturbation-trigger-spec').selectOption('market_spike')
    await page.getByTestId('perturbation-trigger').click()
    await stepBy(page, 30)
    await expect(page.getByTestId('perturbation-active')).toBeVisible()
    await expect(page.getByTestId('perturbation-banner')).toHaveCSS('border-top-color', perturbation ?? '')
    await expect(page.getByTestId('header-state')).toHaveCSS('color', waiting ?? '')

    // erin sleeps through her 07:00 shift: late for it, in the late colour (Economy's jobs table).
    await expect(page.getByTestId('jobs-table').locator('.late-text').first()).toHaveCSS('color', late ?? '')

    // The config field is on the Overview; the refused config's errors show above every panel.
    await page.getByTestId('nav-overview').click()
    await loadConfigByPath(page, 'e2e/fixtures/broken.yaml')
    const confirm = page.getByTestId('confirm-yes')
    if (await confirm.isVisible()) await confirm.click()
    await expect(page.getByTestId('config-errors')).toBeVisible()
    await expect(page.getByTestId('config-errors')).toHaveCSS('border-top-color', error ?? '')

    // A low need is a warning: dawn's hunger set to 30 % shows amber in the inspector.
    await blurControls(page)
    await page.keyboard.press('3')
    await page.locator('[data-testid="agent-row"][data-agent-id="dawn"]').click()
    await page.getByTestId('inspector-setneed-need').selectOption('hunger')
    await page.getByTestId('inspector-setneed-value').fill('0.3')
    await page.getByTestId('inspector-setneed-apply').click()
    await stepBy(page, 1)
    await expect(page.getByTestId('inspector-need-hunger')).toHaveCSS('color', warn ?? '')
    await expect(page.locator('[data-testid="agent-row"][data-agent-id="erin"] .shift-late, [data-testid="agent-row"][data-agent-id="erin"] .shift-absent')).toHaveCSS('color', late ?? '')
    await snap(page, '77-colours')
  })
})
