/**
 * Proves the folder rules in eslint.config.mjs fire: the runtime each folder promises
 * (pure deterministic sim, runtime-free shared, sandboxed renderer) is enforced by lint,
 * not only by review.
 */
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

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
