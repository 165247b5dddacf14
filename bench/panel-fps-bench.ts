/**
 * Every panel's frame rate in real Chromium with 1,000 agents (aim: at least 30 fps each): the
 * built renderer served by the real host in browser mode, the shard running at max speed, each
 * panel opened in turn through its nav button. For each it reads how many animation frames the
 * page produced per second (requestAnimationFrame callbacks: a frame the main thread was too busy
 * to produce is not counted), the time spent in long tasks and how often the town shown changed; for the Map also the frames the map
 * itself drew (its `map-fps` readout). Skipped, with a line saying why, when no Chromium is
 * installed (CHROMIUM_PATH or /usr/bin/chromium).
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
import { measurePageFps, type PageFps } from '../e2e/fixtures/page-fps'

const AGENTS = 1_000
const WARM_MS = 1_500
const SAMPLE_MS = 4_000
const PANELS = ['overview', 'map', 'agents', 'economy', 'conflict', 'narration', 'kpis', 'policy', 'console']

export async function panelFpsReport(root: string): Promise<string[]> {
  const browserPath = chromiumPath()
  const head = `Panel frame rates in Chromium, ${AGENTS.toLocaleString('en-US')} agents, shard at max speed (aim: at least 30 fps each)`
  if (!existsSync(browserPath)) return [head, `  skipped: no Chromium at ${browserPath} (set CHROMIUM_PATH)`]
  const dir = await mkdtemp(join(tmpdir(), 'townlet-panel-bench-'))
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
  const lines = [head]
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`http://127.0.0.1:${server.port}/?token=${server.token}`)
    await page.locator('[data-app-state="ready"]').waitFor()
    await page.getByTestId('nav-map').click()
    await page.getByTestId('map-agent-count').filter({ hasText: String(AGENTS) }).waitFor()
    await host.registry.dispatch('shard.set-speed', { speed: 'max' }, ctx)
    await host.registry.dispatch('shard.start', {}, ctx)
    const startTick = await tickOf(host, ctx)
    const started = Date.now()
    for (const panel of PANELS) {
      await page.getByTestId(`nav-${panel}`).click()
      await page.waitForTimeout(WARM_MS)
      const fps = await measurePageFps(page, SAMPLE_MS)
      const drawn = panel === 'map' ? await mapDrawn(page) : null
      lines.push(panelLine(panel, fps, drawn))
    }
    const ticks = (await tickOf(host, ctx)) - startTick
    await host.registry.dispatch('shard.pause', {}, ctx)
    lines.push(`  meanwhile the shard ran ${Math.round(ticks / ((Date.now() - started) / 1000)).toLocaleString('en-US')} ticks/s`)
  } finally {
    await browser.close()
    await server.close()
    await host.dispose()
  }
  return lines
}

function panelLine(panel: string, fps: PageFps, drawn: number | null): string {
  const verdict = fps.fps >= 30 ? 'ok' : 'below 30'
  const map = drawn === null ? '' : `, map drew ${drawn.toFixed(1)} fps`
  return `  ${panel.padEnd(10)} ${fps.fps.toFixed(1).padStart(5)} fps (${verdict}), worst frame ${fps.worstFrameMs.toFixed(0)} ms, long tasks ${fps.longTaskMs.toFixed(0)} ms/s, town updates shown ${fps.updates.toFixed(1)}/s${map}`
}

async function mapDrawn(page: PlaywrightTest.Page): Promise<number> {
  return Number((await page.getByTestId('map-fps').textContent())?.replace(/[^\d.]/g, '') ?? 'NaN')
}

async function tickOf(host: ReturnType<typeof createAppHost>, ctx: { trusted: boolean; sender: string; session: string }): Promise<number> {
  const status = (await host.registry.dispatch('shard.status', {}, ctx)) as { ok: boolean; value?: { tick: number } }
  return status.value?.tick ?? 0
}
