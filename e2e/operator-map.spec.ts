/**
 * The map and the inspector as a first-time operator meets them (issue 12, findings 2 and 9):
 * selecting the agent furthest east keeps it, and the whole fitted town, inside the canvas that
 * the inspector narrowed; no stale tooltip is left; the legend explains the marks; zoomed in, the
 * minimap appears and pans the view; the inspector's events read as sentences; a folded section
 * stays folded after a reload.
 */
import type { Locator, Page } from '@playwright/test'
import { observerTown } from './fixtures/observer-town'
import { becomeAdmin, snap, stepBy } from './fixtures/app'
import { expect, expectReady, test } from './fixtures/server'

test.use({ serveOptions: { config: 'configs/default.yaml' } })

async function viewOf(canvas: Locator): Promise<[number, number, number]> {
  await expect(canvas).toHaveAttribute('data-view', /\d/)
  return ((await canvas.getAttribute('data-view')) ?? '').split(' ').map(Number) as [number, number, number]
}

/** Clicks the agent's dot where the map draws it now. */
async function clickAgent(page: Page, agent: { x: number; y: number }): Promise<void> {
  const canvas = page.getByTestId('map-canvas')
  const [scale, ox, oy] = await viewOf(canvas)
  await canvas.click({ position: { x: (agent.x + 0.5) * scale + ox, y: (agent.y + 0.5) * scale + oy } })
}

test('the map keeps the selection in view, explains itself, and the inspector reads as sentences', async ({ page, server }) => {
  test.setTimeout(120_000)
  await page.goto(server.url)
  await expectReady(page)
  await page.getByTestId('nav-map').click()
  await expect(page.getByTestId('map-agent-count')).toHaveText('8')
  const full = await observerTown(server)
  const canvas = page.getByTestId('map-canvas')

  // The agent furthest east (alone on its tile, so the click hits it): the first a narrower canvas would cut off.
  const perTile = new Map<string, number>()
  for (const a of full.agents) perTile.set(`${a.x},${a.y}`, (perTile.get(`${a.x},${a.y}`) ?? 0) + 1)
  const east = full.agents.filter((a) => perTile.get(`${a.x},${a.y}`) === 1).sort((a, b) => b.x - a.x)[0]!

  await test.step('the legend explains object letters, the in-use ring, queue badges and areas', async () => {
    const marks = page.getByTestId('map-legend-marks')
    await expect(marks).toBeVisible()
    const types = [...new Set(full.objects.map((o) => o.type))]
    await expect(marks.getByTestId('map-legend-object')).toHaveCount(types.length)
    for (const text of ['in use', 'queued', 'home', 'workplace']) await expect(marks).toContainText(text)
    await expect(page.getByTestId('map-minimap')).toBeHidden()
  })

  await test.step('select it: it stays inside the canvas the inspector narrowed, the whole town too, and no tooltip is left', async () => {
    const before = await viewOf(canvas)
    await clickAgent(page, east)
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-agent-id', east.id)
    // The inspector narrows the canvas: the view is refitted.
    await expect.poll(async () => (await viewOf(canvas))[0]).toBeLessThan(before[0])
    const [scale, ox, oy] = await viewOf(canvas)
    const box = (await canvas.boundingBox())!
    const sx = (east.x + 0.5) * scale + ox
    const sy = (east.y + 0.5) * scale + oy
    expect(sx).toBeGreaterThan(0)
    expect(sx).toBeLessThan(box.width)
    expect(sy).toBeGreaterThan(0)
    expect(sy).toBeLessThan(box.height)
    expect(ox).toBeGreaterThanOrEqual(-0.5)
    expect(ox + full.map.width * scale).toBeLessThanOrEqual(box.width + 0.5)
    await expect(page.getByTestId('map-tooltip')).toBeHidden()
    await snap(page, '72-map-selected')
  })

  await test.step('zoomed in, the minimap shows the whole town and a click on it pans there', async () => {
    for (let i = 0; i < 4; i++) await page.getByTestId('map-zoom-in').click()
    const minimap = page.getByTestId('map-minimap')
    await expect(minimap).toBeVisible()
    const [, ox0, oy0] = await viewOf(canvas)
    const mbox = (await minimap.boundingBox())!
    await minimap.click({ position: { x: 4, y: 4 } })
    await expect.poll(async () => (await viewOf(canvas)).slice(1).join(' ')).not.toBe(`${ox0} ${oy0}`)
    // The point clicked on the minimap is now at the centre of the canvas.
    const [scale, ox, oy] = await viewOf(canvas)
    const box = (await canvas.boundingBox())!
    const k = mbox.width / full.map.width
    expect(Math.abs((4 / k) * scale + ox - box.width / 2)).toBeLessThan(2)
    expect(Math.abs((4 / k) * scale + oy - box.height / 2)).toBeLessThan(2)
    await page.getByTestId('map-fit').click()
    await expect(minimap).toBeHidden()
    // Zoomed in on the selection: names under the dots, the minimap in the corner.
    await page.getByTestId('map-follow').check()
    for (let i = 0; i < 2; i++) await page.getByTestId('map-zoom-in').click()
    await expect(minimap).toBeVisible()
    await snap(page, '72-map-zoomed')
    await page.getByTestId('map-follow').uncheck()
    await page.getByTestId('map-fit').click()
  })

  await test.step('the inspector tells its events as sentences', async () => {
    await becomeAdmin(page)
    await page.getByTestId('nav-map').click()
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-agent-id', east.id)
    // A teleport is an event we can count on: to a free floor tile of the town.
    const taken = new Set([...full.objects, ...full.agents].map((o) => `${o.x},${o.y}`))
    let tile: [number, number] | null = null
    full.map.rows.forEach((row, y) => [...row].forEach((c, x) => (tile ??= c === '.' && !taken.has(`${x},${y}`) ? [x, y] : null)))
    await page.getByTestId('inspector-teleport-x').fill(String(tile![0]))
    await page.getByTestId('inspector-teleport-y').fill(String(tile![1]))
    await page.getByTestId('inspector-teleport-apply').click()
    await stepBy(page, 30)
    const events = page.getByTestId('inspector-event')
    await expect(events.filter({ hasText: `Teleported to (${tile![0]}, ${tile![1]})` })).toHaveCount(1)
    for (const text of await events.allTextContents()) {
      expect(text).toMatch(/^\d+ \S/)
      expect(text).not.toMatch(/\w=\S/)
      expect(text).not.toMatch(/\d\.\d{3}/)
    }
    await page.getByTestId('inspector-events').scrollIntoViewIfNeeded()
    await snap(page, '73-inspector')
  })

  await test.step('a folded section stays folded after a reload', async () => {
    const state = page.locator('[data-section="state"]')
    await expect(state).toHaveAttribute('data-collapsed', 'false')
    await expect(page.getByTestId('inspector-option')).toBeVisible()
    await page.getByTestId('inspector-toggle-state').click()
    await expect(state).toHaveAttribute('data-collapsed', 'true')
    await expect(page.getByTestId('inspector-option')).toHaveCount(0)
    await page.reload()
    await expectReady(page)
    await page.getByTestId('nav-agents').click()
    // The table is still filling in just after a reload; a click on a row being replaced is lost.
    await expect(async () => {
      await page.locator(`[data-testid="agent-row"][data-agent-id="${east.id}"]`).click()
      await expect(page.getByTestId('inspector')).toHaveAttribute('data-agent-id', east.id, { timeout: 1_000 })
    }).toPass()
    await expect(page.locator('[data-section="state"]')).toHaveAttribute('data-collapsed', 'true')
    await expect(page.getByTestId('inspector-option')).toHaveCount(0)
    await page.getByTestId('inspector-toggle-state').click()
    await expect(page.getByTestId('inspector-option')).toBeVisible()
  })
})
