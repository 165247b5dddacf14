/**
 * `npm run bench`: Pause latency at 1,000 and 10,000 agents at max speed (aim: under 100 ms),
 * clicked in real Chromium on the Map panel, beside the inner figure: the same pause sent by a
 * bare client through the host's registry while the shard runs. Skipped, with a line saying
 * why, when no Chromium is installed (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type * as PlaywrightTest from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/fixtures/chromium'
import { createAppHost } from '../main/host/app-host'
import { loadOrFail } from './bench-host'
import { startBrowserServer } from '../main/server/browser-server'
import { engineConfigText } from './engine-config'
import { measurePause, median, type PauseSample } from '../e2e/fixtures/pause-latency'

const TOWNS = [1_000, 10_000]
const ROUNDS = 5
const TOKEN = 'bench-admin-token'

export async function pauseReport(root: string): Promise<string[]> {
  const browserPath = chromiumPath()
  const lines = ['Pause latency, shard at max speed (aim: under 100 ms): click → header says "paused", in Chromium on the Map panel; and the host alone']
  if (!existsSync(browserPath)) return [...lines, `  skipped: no Chromium at ${browserPath} (set CHROMIUM_PATH)`]
  const { chromium } = createRequire(__filename)('@playwright/test') as typeof PlaywrightTest
  const browser = await chromium.launch({ executablePath: browserPath, args: [...CHROMIUM_ARGS] })
  try {
    for (const agents of TOWNS) lines.push(await oneTown(root, browser, agents))
  } finally {
    await browser.close()
  }
  return lines
}

async function oneTown(root: string, browser: PlaywrightTest.Browser, agents: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'townlet-pause-bench-'))
  await writeFile(join(dir, 'town.yaml'), engineConfigText(agents))
  const host = createAppHost({ mode: 'browser', version: 'bench', workerPath: join(__dirname, 'shard-worker.js'), configsDir: join(root, 'configs'), cwd: dir, workspaceDir: dir, env: { TOWNLET_ADMIN_TOKEN: TOKEN } })
  await host.start()
  const ctx = { trusted: true, sender: 'bench', session: 'bench' }
  host.grantLocalAdmin(ctx.session, 'the bench')
  await loadOrFail(host, join(dir, 'town.yaml'), ctx)
  const server = await startBrowserServer({ registry: host.registry, events: host.events, rendererDir: join(root, 'out/renderer'), port: 0 })
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  try {
    await page.goto(`http://127.0.0.1:${server.port}/?token=${server.token}`)
    await page.locator('[data-app-state="ready"]').waitFor()
    await page.getByTestId('nav-console').click()
    await page.getByTestId('admin-token').fill(TOKEN)
    await page.getByTestId('btn-admin').click()
    await page.getByTestId('role-badge').filter({ hasText: /admin/i }).waitFor()
    await page.getByTestId('nav-map').click()
    await page.getByTestId('map-agent-count').filter({ hasText: new RegExp(`^${agents}$`) }).waitFor({ timeout: 60_000 })
    await page.getByTestId('speed-select').selectOption('max')
    const clicked: PauseSample[] = []
    for (let round = 0; round < ROUNDS; round++) {
      await page.getByTestId('btn-start').click()
      await page.getByTestId('btn-pause').waitFor()
      await page.waitForTimeout(2_000)
      clicked.push(await measurePause(page))
    }
    const inner: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      await host.registry.dispatch('shard.start', {}, ctx)
      await new Promise((r) => setTimeout(r, 1_000))
      const t = performance.now()
      await host.registry.dispatch('shard.pause', {}, ctx)
      inner.push(performance.now() - t)
    }
    const ms = clicked.map((s) => s.ms)
    const ticks = clicked.map((s) => s.ticksAfter)
    return `  ${agents.toLocaleString('en-US').padStart(6)} agents: click → paused median ${median(ms).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms (${ms.map((v) => v.toFixed(0)).join(', ')}); ticks past the shown tick median ${median(ticks)}, max ${Math.max(...ticks)}; host alone (registry round trip) median ${median(inner).toFixed(1)} ms, max ${Math.max(...inner).toFixed(1)} ms`
  } finally {
    await page.close()
    await server.close()
    await host.dispose()
  }
}
