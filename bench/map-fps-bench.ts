/**
 * The map's frame rate in real Chromium with 1,000 agents: the built renderer served by the real
 * host in browser mode, the shard running at max speed, the Map panel open; reads the frames the
 * map actually drew per second (its `map-fps` readout) for a few seconds. Skipped, with a line
 * saying why, when no Chromium is installed (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import type * as PlaywrightTest from '@playwright/test'
import { join } from 'node:path'
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/fixtures/chromium'
import { createAppHost } from '../main/host/app-host'
import { loadOrFail } from './bench-host'
import { startBrowserServer } from '../main/server/browser-server'
import { engineConfigText } from './engine-config'

const AGENTS = 1_000
const SAMPLE_SECONDS = 6

export async function mapFpsReport(root: string): Promise<string[]> {
  const browserPath = chromiumPath()
  if (!existsSync(browserPath)) return [`map frame rate: skipped, no Chromium at ${browserPath} (set CHROMIUM_PATH)`]
  const dir = await mkdtemp(join(tmpdir(), 'townlet-map-bench-'))
  await writeFile(join(dir, 'town.yaml'), engineConfigText(AGENTS))
  const host = createAppHost({ mode: 'browser', version: 'bench', workerPath: join(__dirname, 'shard-worker.js'), configsDir: join(root, 'configs'), cwd: root, workspaceDir: dir })
  await host.start()
  const ctx = { trusted: true, sender: 'bench', session: 'bench' }
  // The bench drives the clock and loads configs: it is the host's own admin session.
  host.grantLocalAdmin(ctx.session, 'the bench')
  await loadOrFail(host, join(dir, 'town.yaml'), ctx)
  const server = await startBrowserServer({ registry: host.registry, events: host.events, rendererDir: join(root, 'out/renderer'), port: 0 })
  // Loaded at run time from node_modules, not bundled: Playwright is a dev tool, not part of the app.
  const { chromium } = createRequire(__filename)('@playwright/test') as typeof PlaywrightTest
  const browser = await chromium.launch({ executablePath: browserPath, args: [...CHROMIUM_ARGS] })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`http://127.0.0.1:${server.port}/?token=${server.token}`)
    await page.locator('[data-app-state="ready"]').waitFor()
    await page.getByTestId('nav-map').click()
    await page.getByTestId('map-agent-count').filter({ hasText: String(AGENTS) }).waitFor()
    await host.registry.dispatch('shard.set-speed', { speed: 'max' }, ctx)
    await host.registry.dispatch('shard.start', {}, ctx)
    await page.waitForTimeout(2_000)
    const samples: number[] = []
    for (let s = 0; s < SAMPLE_SECONDS; s++) {
      await page.waitForTimeout(1_000)
      samples.push(Number((await page.getByTestId('map-fps').textContent())?.replace(/[^\d.]/g, '') ?? 'NaN'))
    }
    const status = (await host.registry.dispatch('shard.pause', {}, ctx)) as { ok: boolean; value?: { measured_tps: number; tick: number } }
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length
    return [
      `map frame rate in Chromium, ${AGENTS.toLocaleString('en-US')} agents, shard at max speed: ${mean.toFixed(1)} fps (min ${Math.min(...samples)}, samples ${samples.join(', ')}), shard reached tick ${status.value?.tick ?? '?'}`
    ]
  } finally {
    await browser.close()
    await server.close()
    await host.dispose()
  }
}
