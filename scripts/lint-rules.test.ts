/**
 * Proves the folder rules in eslint.config.mjs fire: the runtime each folder promises
 * (pure deterministic sim, runtime-free shared, sandboxed renderer) is enforced by lint,
 * not only by review.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The probes are virtual files that no tsconfig program holds, so the type-aware rules are
// switched off for them; the folder rules under test are purely syntactic.
const eslint = new ESLint({
  overrideConfigFile: 'eslint.config.mjs',
  overrideConfig: tseslint.configs.disableTypeChecked,
  cwd: process.cwd()
})

/** Rule ids reported for `code` as if it lived at `filePath`. */
async function lintAs(filePath: string, code: string): Promise<{ rules: string[]; messages: string[] }> {
  const [result] = await eslint.lintText(code, { filePath })
  if (!result) throw new Error('no lint result')
  const fatal = result.messages.filter((m) => m.fatal)
  if (fatal.length > 0) throw new Error(`parse failed for ${filePath}: ${fatal.map((m) => m.message).join('; ')}`)
  return {
    rules: result.messages.map((m) => m.ruleId ?? ''),
    messages: result.messages.map((m) => m.message)
  }
}

describe('main/sim: the engine is pure and deterministic', () => {
  it('refuses Math.random with a message that says why', async () => {
    const r = await lintAs('main/sim/x.ts', 'export const roll = (): number => Math.random()\n')
    expect(r.rules).toContain('no-restricted-properties')
    expect(r.messages.join('\n')).toMatch(/seeded RNG streams/)
  })

  it("refuses Math['random'] and destructuring random out of Math", async () => {
    const r = await lintAs('main/sim/x.ts', "export const a = Math['random']()\nconst { random } = Math\nexport const b = random()\n")
    expect(r.rules.filter((id) => id === 'no-restricted-syntax')).toHaveLength(2)
  })

  it('refuses Date.now, new Date and performance.now', async () => {
    const r = await lintAs(
      'main/sim/x.ts',
      'export const a = Date.now()\nexport const b = new Date()\nexport const c = performance.now()\n'
    )
    expect(r.rules.filter((id) => id === 'no-restricted-globals')).toHaveLength(3)
    expect(r.messages.join('\n')).toMatch(/tick counter/)
  })

  it('refuses node builtins, bare or node:-prefixed, electron and ws', async () => {
    const r = await lintAs(
      'main/sim/x.ts',
      [
        "import { readFileSync } from 'node:fs'",
        "import path from 'path'",
        "import { Worker } from 'worker_threads'",
        "import { createHash } from 'crypto'",
        "import { app } from 'electron'",
        "import { WebSocket } from 'ws'",
        'export const all = [readFileSync, path, Worker, createHash, app, WebSocket]',
        ''
      ].join('\n')
    )
    expect(r.rules.filter((id) => id === 'no-restricted-imports')).toHaveLength(6)
  })

  it('refuses reaching into the host side of main/', async () => {
    const r = await lintAs('main/sim/queues/x.ts', "import { x } from '../../host/app-host'\nexport const y = x\n")
    expect(r.rules).toContain('no-restricted-imports')
  })

  it('lets clean engine code through', async () => {
    const r = await lintAs(
      'main/sim/x.ts',
      [
        "import type { Frame } from '../../shared/contract/dto/frame'",
        'export interface World { tick: number }',
        '/** Advances the clock by one tick. */',
        'export function tick(world: World, frame?: Frame): World {',
        '  return { tick: world.tick + (frame ? 1 : 1) }',
        '}',
        ''
      ].join('\n')
    )
    expect(r.rules).toEqual([])
  })

  it('keeps the determinism rules in sim tests, but lets them read fixtures', async () => {
    const r = await lintAs(
      'main/sim/x.test.ts',
      "import { readFileSync } from 'node:fs'\nexport const a = readFileSync\nexport const b = Math.random()\n"
    )
    expect(r.rules).toEqual(['no-restricted-properties'])
  })
})

describe('main/sim: no import circles (issue 13)', () => {
  // The cycle rule follows imports on disk, so these probes are real files: a scratch copy of the
  // layout (main/sim/... and main/host/...) in a temp folder, linted with this repository's config.
  const FILES: Record<string, string> = {
    'main/sim/pair/a.ts': "import { b } from './b'\nexport const a = (): number => b + 1\n",
    'main/sim/pair/b.ts': "import { a } from './a'\nexport const b = 1\nexport const twice = (): number => a() * 2\n",
    'main/sim/types/dispatch.ts': "import { handle } from '../domain/handler'\nexport type Outcome = { ok: boolean }\nexport const run = (): void => void handle()\n",
    'main/sim/domain/handler.ts': "import type { Outcome } from '../types/dispatch'\nexport const handle = (): Outcome => ({ ok: true })\n",
    'main/sim/ring/one.ts': "export { two } from './two'\nexport const one = 1\n",
    'main/sim/ring/two.ts': "import { three } from './three'\nexport const two = three + 1\n",
    'main/sim/ring/three.ts': "import { one } from './one'\nexport const three = one + 1\n",
    'main/sim/tree/top.ts': "import { leaf } from './leaf'\nimport { mid } from './mid'\nexport const top = leaf + mid\n",
    'main/sim/tree/mid.ts': "import { leaf } from './leaf'\nexport const mid = leaf * 2\n",
    'main/sim/tree/leaf.ts': 'export const leaf = 1\n',
    'main/host/a.ts': "import { b } from './b'\nexport const a = b\n",
    'main/host/b.ts': "import { a } from './a'\nexport const b = (): unknown => a\n"
  }
  let dir = ''
  let probe: ESLint

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'townlet-cycle-'))
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    probe = new ESLint({ cwd: dir, overrideConfigFile: resolve('eslint.config.mjs'), overrideConfig: tseslint.configs.disableTypeChecked })
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  async function cycles(path: string): Promise<string[]> {
    const [result] = await probe.lintFiles([join(dir, path)])
    if (!result) throw new Error('no lint result')
    return result.messages.filter((m) => m.ruleId === 'townlet/no-import-cycle').map((m) => m.message)
  }

  it('refuses two modules that import each other, naming the route', async () => {
    expect(await cycles('main/sim/pair/a.ts')).toEqual([expect.stringContaining('import cycle: pair/a.ts → pair/b.ts → pair/a.ts')])
    expect(await cycles('main/sim/pair/b.ts')).toHaveLength(1)
  })

  it('counts a type-only import back (a dispatcher whose handlers import its types)', async () => {
    expect(await cycles('main/sim/types/dispatch.ts')).toEqual([expect.stringContaining('types/dispatch.ts → domain/handler.ts → types/dispatch.ts')])
    expect(await cycles('main/sim/domain/handler.ts')).toHaveLength(1)
  })

  it('finds a longer ring, through a re-export too', async () => {
    expect(await cycles('main/sim/ring/one.ts')).toEqual([expect.stringContaining('ring/one.ts → ring/two.ts → ring/three.ts → ring/one.ts')])
  })

  it('lets a diamond through (two paths to one leaf are not a circle)', async () => {
    expect(await cycles('main/sim/tree/top.ts')).toEqual([])
    expect(await cycles('main/sim/tree/leaf.ts')).toEqual([])
  })

  it('holds main/sim only', async () => {
    expect(await cycles('main/host/a.ts')).toEqual([])
  })
})

describe('shared: runtime-free', () => {
  it("refuses import fs from 'node:fs'", async () => {
    const r = await lintAs('shared/x.ts', "import fs from 'node:fs'\nexport const f = fs\n")
    expect(r.rules).toEqual(['no-restricted-imports'])
    expect(r.messages[0]).toMatch(/runtime-free/)
  })

  it('refuses electron and bare builtins', async () => {
    const r = await lintAs('shared/x.ts', "import { ipcMain } from 'electron'\nimport os from 'os'\nexport const a = [ipcMain, os]\n")
    expect(r.rules.filter((id) => id === 'no-restricted-imports')).toHaveLength(2)
  })

  it('refuses DOM globals such as document, window and localStorage', async () => {
    const r = await lintAs(
      'shared/x.ts',
      'export const a = document.title\nexport const b = window.innerWidth\nexport const c = localStorage.getItem("k")\n'
    )
    expect(r.rules).toEqual(['no-restricted-globals', 'no-restricted-globals', 'no-restricted-globals'])
    expect(r.messages[0]).toMatch(/DOM global/)
  })

  it('lets clean contract code through', async () => {
    const r = await lintAs(
      'shared/x.ts',
      "import { z } from 'zod'\nexport const Schema = z.object({ tick: z.number().int() })\nexport type T = z.infer<typeof Schema>\n"
    )
    expect(r.rules).toEqual([])
  })
})

describe('main/history: the host/training floor', () => {
  it('refuses reaching up into the CLI, the server, electron or its neighbour host', async () => {
    for (const target of ['../cli/cli', '../server/http-api', '../electron/main-window', '../host/app-host', '../../main/bench/x']) {
      const r = await lintAs('main/history/x.ts', `import { x } from '${target}'\nexport const y = x\n`)
      expect(r.rules, target).toEqual(['no-restricted-imports'])
      expect(r.messages[0]).toMatch(/host\/training floor/)
    }
    expect((await lintAs('main/history/x.ts', "import 'electron'\n")).rules).toEqual(['no-restricted-imports'])
  })

  it('lets it use the floors below it', async () => {
    const r = await lintAs(
      'main/history/x.ts',
      [
        "import type { Kpis } from '../../shared/contract/dto/society'",
        "import type { World } from '../sim/state/world'",
        "import type { TelemetryHub } from '../telemetry/telemetry-hub'",
        "import type { Shard } from '../shard/shard'",
        "import type { Workspace } from '../fs/workspace'",
        'export type T = [Kpis, World, TelemetryHub, Shard, Workspace]',
        ''
      ].join('\n')
    )
    expect(r.rules).toEqual([])
  })

  it('refuses the floors below importing it, the engine included', async () => {
    for (const file of ['main/telemetry/x.ts', 'main/shard/x.ts', 'main/config/x.ts', 'main/policy/runtime/x.ts', 'main/sim/x.ts']) {
      const up = file.split('/').length - 2
      const r = await lintAs(file, `import { x } from '${'../'.repeat(up)}history/run-history'\nexport const y = x\n`)
      expect(r.rules, file).toEqual(['no-restricted-imports'])
    }
  })

  it('lets the CLI import it', async () => {
    const r = await lintAs('main/cli/x.ts', "import { RunHistory } from '../history/run-history'\nexport const y = RunHistory\n")
    expect(r.rules).toEqual([])
  })
})

describe('renderer: a sandboxed page', () => {
  it("refuses import 'electron'", async () => {
    const r = await lintAs('renderer/src/x.ts', "import 'electron'\n")
    expect(r.rules).toEqual(['no-restricted-imports'])
    expect(r.messages[0]).toMatch(/preload `api`/)
  })

  it('refuses node builtins and Node globals', async () => {
    const r = await lintAs(
      'renderer/src/x.ts',
      "import { join } from 'node:path'\nexport const a = join\nexport const b = process.env\n"
    )
    expect(r.rules).toEqual(['no-restricted-imports', 'no-restricted-globals'])
  })

  it('lets DOM code through', async () => {
    const r = await lintAs('renderer/src/x.ts', "export const root = document.getElementById('root')\n")
    expect(r.rules).toEqual([])
  })
})
