/**
 * The History panel against the real host: two runs recorded by `townlet run --history` into a
 * workspace's history.sqlite are listed, a KPI is charted across them, and picking a run shows
 * its KPI windows.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { expect, expectReady, ROOT, test } from './fixtures/server'

const WORKSPACE = 'reports/e2e-history'

function recordRuns(): void {
  rmSync(join(ROOT, WORKSPACE), { recursive: true, force: true })
  mkdirSync(join(ROOT, WORKSPACE), { recursive: true })
  for (const seed of ['3', '4']) {
    execFileSync(process.execPath, [join(ROOT, 'out/main/cli.js'), 'run', '--ticks', '3000', '--seed', seed, '--history', 'history.sqlite'], { cwd: join(ROOT, WORKSPACE), stdio: 'pipe' })
  }
}

test.beforeAll(recordRuns)
test.use({ serveOptions: { workspace: WORKSPACE } })

test('the History panel lists recorded runs, charts a KPI across them and opens one', async ({ page, server }) => {
  await page.goto(server.url)
  await expectReady(page)
  await page.getByTestId('nav-history').click()
  await expect(page.getByTestId('history-panel')).toHaveAttribute('data-state', 'ready')
  const rows = page.getByTestId('history-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.first()).toHaveAttribute('data-run', '2')
  await expect(page.getByTestId('history-chart').locator('.recharts-bar-rectangle')).toHaveCount(2)
  await page.getByTestId('history-kpi').selectOption('relationship_coverage')
  await expect(page.getByTestId('history-chart').locator('.recharts-bar-rectangle')).toHaveCount(2)
  await rows.nth(1).getByTestId('history-select').click()
  await expect(page.getByTestId('history-detail-summary')).toContainText('seed 3: 3000 ticks, 3 KPI windows')
  await expect(page.getByTestId('history-window')).toHaveCount(3)
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true')
})
