/**
 * The same smoke as the browser project, through the Electron app itself. Machines without
 * the Electron binary (CI, this project's boxes) skip it with the reason; nothing here ever
 * imports 'electron', which would try to download it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { becomeAdmin, E2E_ADMIN_TOKEN, readTick, snap, stepBy } from './fixtures/app'
import { findElectronBinary } from './fixtures/electron-binary'
import { ROOT } from './fixtures/server'

const binary = findElectronBinary()

test('Electron: the window gets ready, starts idle and steps exactly', async () => {
  test.skip(!binary, 'Electron binary not available on this machine (set ELECTRON_EXEC_PATH)')
  const userData = mkdtempSync(join(tmpdir(), 'townlet-e2e-'))
  const args = ['out/main/index.js', `--user-data-dir=${userData}`]
  // Chromium refuses to start its sandbox as root (containers, CI).
  if (process.getuid?.() === 0) args.push('--no-sandbox')
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args,
    cwd: ROOT,
    env: { ...process.env, TOWNLET_TEST_HOOKS: '1', TOWNLET_ADMIN_TOKEN: E2E_ADMIN_TOKEN } as Record<string, string>
  })
  try {
    const page = await app.firstWindow()
    await expect(page.locator('[data-app-state]')).toHaveAttribute('data-app-state', 'ready', { timeout: 20_000 })
    await expect(page.getByTestId('header-state')).toHaveText('idle')
    await becomeAdmin(page)
    const t0 = await readTick(page)
    expect(await stepBy(page, 10)).toBe(t0 + 10)
    await snap(page, 'electron-01-stepped')
  } finally {
    await app.close()
    rmSync(userData, { recursive: true, force: true })
  }
})
