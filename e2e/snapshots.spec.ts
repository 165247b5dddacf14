/**
 * The snapshot manager against the real host, clicked through in Chromium:
 * - save now, change the world, load the snapshot back and see the town as it was saved;
 * - a snapshot written under the older `default-v1` config: preview its migration (the chain and
 *   the diff) and migrate it; the new file is listed and loads into the running shard;
 * - a legacy document of the original Python Townlet: the preview reports what maps, what is
 *   defaulted and what is dropped, and the import writes a snapshot of ours.
 * - a worker crash offers the last autosave, and restarting from it brings that town back.
 * Each test runs on its own storage root under reports/, written by `townlet run` where it needs
 * a file made elsewhere.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { observerTown } from './fixtures/observer-town'
import type { ShardStatus } from '../shared/contract/dto/shard-status'
import type { SnapshotList } from '../shared/contract/dto/snapshots'
import { becomeAdmin, readTick, snap, stepBy } from './fixtures/app'
import { invokeHost } from './fixtures/host-client'
import { expect, expectReady, ROOT, type RunningServer, test } from './fixtures/server'

const STORE = 'reports/e2e-snapshots'
const CONFIG = `${STORE}/default-here.yaml`

/**
 * configs/default.yaml with its storage root moved under reports/: the same config_id (so the
 * default-v1 migration targets it), its affordance file found from the new folder.
 */
function writeConfig(): void {
  rmSync(join(ROOT, STORE), { recursive: true, force: true })
  mkdirSync(join(ROOT, STORE), { recursive: true })
  const text = readFileSync(join(ROOT, 'configs', 'default.yaml'), 'utf8').replace('file: affordances/core.yaml', 'file: ../../configs/affordances/core.yaml')
  writeFileSync(join(ROOT, CONFIG), `${text}\nsnapshot:\n  storage:\n    root: ${STORE}\n  autosave:\n    cadence_ticks: 100\n    retain: 2\n`)
}

const positions = async (server: RunningServer) =>
  (await observerTown(server)).agents.map((a) => `${a.id}@${a.x},${a.y}`).sort()

const list = (server: RunningServer) => invokeHost<SnapshotList>(server, 'snapshot.list')

async function openPanel(page: Page): Promise<void> {
  await page.getByTestId('nav-snapshots').click()
  await expect(page.getByTestId('snapshots-panel')).toBeVisible()
}

async function select(page: Page, name: string): Promise<void> {
  await page.locator(`[data-testid="snapshot-row"][data-name="${name}"]`).getByTestId('snapshot-select').click()
  await expect(page.locator(`[data-testid="snapshot-row"][data-name="${name}"]`)).toHaveAttribute('aria-selected', 'true')
}

writeConfig()
test.use({ serveOptions: { config: CONFIG } })
test.describe.configure({ mode: 'serial' })

test('save now, change the world, load it back and see it restored', async ({ page, server }) => {
  test.setTimeout(120_000)
  await page.goto(server.url)
  await expectReady(page)
  await becomeAdmin(page)
  await openPanel(page)
  await expect(page.getByTestId('snapshot-empty')).toBeVisible()

  const savedTick = await stepBy(page, 30)
  const before = await positions(server)
  await page.getByTestId('btn-save-snapshot').click()
  await expect(page.getByTestId('snapshot-outcome')).toContainText(/saved/i)
  const saved = (await list(server)).snapshots.find((s) => s.tick === savedTick)
  expect(saved, 'the saved snapshot is listed at its tick').toBeDefined()
  const row = page.locator(`[data-testid="snapshot-row"][data-name="${saved!.name}"]`)
  await expect(row).toBeVisible()
  await expect(row.getByTestId('snapshot-integrity')).toContainText(/ok/i)
  await snap(page, '70-snapshots-saved')

  await stepBy(page, 40)
  expect(await positions(server)).not.toEqual(before)

  await select(page, saved!.name)
  await page.getByTestId('btn-load-snapshot').click()
  await page.getByTestId('confirm-yes').click()
  await expect.poll(() => readTick(page)).toBe(savedTick)
  expect(await positions(server)).toEqual(before)
  const status = await invokeHost<ShardStatus>(server, 'shard.status')
  expect(status.last_snapshot).toMatchObject({ name: saved!.name, action: 'loaded', tick: savedTick })
  await snap(page, '71-snapshots-loaded')
})

test('migrate a snapshot of the older default-v1 config through the preview', async ({ page, server }) => {
  test.setTimeout(120_000)
  const old = 'old-default-v1.json'
  execFileSync(process.execPath, ['out/main/cli.js', 'run', '--config', 'configs/default-v1.yaml', '--ticks', '25', '--save-snapshot', `${STORE}/${old}`], { cwd: ROOT, stdio: 'pipe' })
  await page.goto(server.url)
  await expectReady(page)
  await becomeAdmin(page)
  await openPanel(page)
  await page.getByTestId('btn-snapshot-refresh').click()
  await select(page, old)

  await page.getByTestId('btn-validate').click()
  await expect(page.getByTestId('verdict-badge')).toContainText(/refused|migrat/i)
  await page.getByTestId('btn-preview-migration').click()
  await expect(page.getByTestId('migration-step')).toHaveCount(1)
  await expect(page.getByTestId('migration-step').first()).toContainText('default-v1')
  await expect(page.getByTestId('migration-diff')).toBeVisible()
  await snap(page, '72-snapshots-migration-preview')

  const names = new Set((await list(server)).snapshots.map((s) => s.name))
  await page.getByTestId('btn-migrate').click()
  await page.getByTestId('confirm-yes').click()
  await expect(page.getByTestId('snapshot-outcome')).toContainText(/migrat/i)
  const migrated = (await list(server)).snapshots.find((s) => !names.has(s.name))
  expect(migrated, 'the migrated snapshot is a new file').toMatchObject({ config_id: 'default', tick: 25, kind: 'snapshot' })
  await expect(page.locator(`[data-testid="snapshot-row"][data-name="${migrated!.name}"]`)).toBeVisible()
  // The source stays as it was.
  expect(readdirSync(join(ROOT, STORE))).toContain(old)

  await select(page, migrated!.name)
  await page.getByTestId('btn-load-snapshot').click()
  await page.getByTestId('confirm-yes').click()
  await expect.poll(() => readTick(page)).toBe(25)
  await snap(page, '73-snapshots-migrated-loaded')
})

test('import a legacy document of the original Townlet', async ({ page, server }) => {
  test.setTimeout(120_000)
  const legacy = 'townlet-1.6-envelope.json'
  copyFileSync(join(ROOT, 'configs', 'snapshots', 'legacy', legacy), join(ROOT, STORE, legacy))
  await page.goto(server.url)
  await expectReady(page)
  await becomeAdmin(page)
  await openPanel(page)
  await page.getByTestId('btn-snapshot-refresh').click()
  const row = page.locator(`[data-testid="snapshot-row"][data-name="${legacy}"]`)
  await expect(row.getByTestId('snapshot-kind')).toContainText(/legacy/i)
  await select(page, legacy)
  await expect(page.getByTestId('btn-load-snapshot')).toBeDisabled()

  await page.getByTestId('btn-preview-migration').click()
  await expect(page.getByTestId('migration-report')).toBeVisible()
  await expect(page.getByTestId('report-row').filter({ hasText: /mapped/i }).first()).toBeVisible()
  await expect(page.getByTestId('report-row').filter({ hasText: /dropped|defaulted/i }).first()).toBeVisible()
  await snap(page, '74-snapshots-legacy-preview')

  const names = new Set((await list(server)).snapshots.map((s) => s.name))
  await page.getByTestId('btn-migrate').click()
  await page.getByTestId('confirm-yes').click()
  await expect(page.getByTestId('snapshot-outcome')).toContainText(/migrat|import/i)
  const imported = (await list(server)).snapshots.find((s) => !names.has(s.name))
  expect(imported, 'the import is a new snapshot of ours').toMatchObject({ config_id: 'default', kind: 'snapshot', schema_version: '2.0' })
  await expect(page.locator(`[data-testid="snapshot-row"][data-name="${imported!.name}"]`)).toBeVisible()
})

test('loading another config offers to save the town first', async ({ page, server }) => {
  test.setTimeout(120_000)
  await page.goto(server.url)
  await expectReady(page)
  await becomeAdmin(page)
  const tick = await stepBy(page, 15)
  const before = new Set(readdirSync(join(ROOT, STORE)))
  await page.getByTestId('config-path').fill(join(ROOT, 'e2e/fixtures/fast.yaml'))
  await page.getByTestId('btn-load-config').click()
  await expect(page.getByTestId('confirm-dialog')).toContainText('unless you save it first')
  await snap(page, '75-snapshots-save-before-load')
  await page.getByTestId('confirm-alternative').click()
  await expect(page.getByTestId('header-config-id')).toContainText('e2e-fast')
  // Saved in the old config's storage root (the new config has its own).
  const saved = readdirSync(join(ROOT, STORE)).filter((name) => !before.has(name))
  expect(saved, 'the town was saved before the new config replaced it').toEqual([expect.stringMatching(new RegExp(`^snapshot-${tick}-[0-9a-f]+\\.json$`))])
})

test('a crashed worker restarts from its last autosave', async ({ page, server }) => {
  test.setTimeout(120_000)
  await page.goto(server.url)
  await expectReady(page)
  await becomeAdmin(page)
  await stepBy(page, 130)
  const autosave = (await list(server)).snapshots.find((s) => s.autosave)
  expect(autosave, 'an autosave past tick 100').toBeDefined()
  await page.getByTestId('btn-crash-worker').click()
  const banner = page.getByTestId('failure-banner')
  await expect(banner).toBeVisible()
  await expect(banner.getByTestId('btn-restart-autosave')).toHaveAttribute('data-name', autosave!.name)
  await snap(page, '76-snapshots-crash-autosave')
  await banner.getByTestId('btn-restart-autosave').click()
  await expect(banner).toBeHidden()
  await expect.poll(() => readTick(page)).toBe(autosave!.tick)
  const status = await invokeHost<ShardStatus>(server, 'shard.status')
  expect(status).toMatchObject({ restarts: 1, last_snapshot: { name: autosave!.name, action: 'loaded' } })
})
