import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..')

/**
 * The specs drive the built app (out/), so a stale build would test yesterday's code: build
 * first (about a second). scripts/test-all.cjs has just built and sets TOWNLET_E2E_SKIP_BUILD=1.
 */
export default function globalSetup(): void {
  // Screenshots are the picture of the last run only.
  rmSync(join(ROOT, 'reports', 'screenshots'), { recursive: true, force: true })
  if (process.env.TOWNLET_E2E_SKIP_BUILD !== '1') {
    const bin = join(ROOT, 'node_modules', '.bin', 'electron-vite')
    const r = spawnSync(bin, ['build'], { cwd: ROOT, encoding: 'utf8' })
    if (r.status !== 0) {
      throw new Error(`electron-vite build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`)
    }
  }
  for (const file of ['out/main/cli.js', 'out/renderer/index.html']) {
    if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing after the build: run \`npm run build\` and read its errors`)
  }
}
