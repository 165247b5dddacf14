import { execFileSync, spawn } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../host/test-host'

const BIN = join(repoRoot, 'bin', 'townlet.cjs')
const BUILT = join(repoRoot, 'out', 'main', 'cli.js')

interface Piped {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/**
 * Run the built CLI with stdout piped into a reader that closes the pipe after `lines` lines
 * (0: before anything is written), like `townlet … | head -n lines`.
 */
function pipedInto(argv: string[], lines: number, { closeStderr = false } = {}): Promise<Piped> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    if (lines === 0) child.stdout.destroy()
    if (closeStderr) child.stderr.destroy()
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
      if (stdout.split('\n').length > lines) child.stdout.destroy()
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.once('error', reject)
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

describe('finding 3: `townlet run … | head -1` ends quietly when the reader closes the pipe', () => {
  beforeAll(() => {
    // The test runs what users run (bin/townlet.cjs → out/main/cli.js); build it when it is
    // missing or older than the entry under test, so a stale build never answers for the source.
    const stale = !existsSync(BUILT) || statSync(BUILT).mtimeMs < statSync(join(repoRoot, 'main/cli/index.ts')).mtimeMs
    if (stale) execFileSync(process.execPath, [join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: repoRoot, stdio: 'ignore' })
  }, 120_000)

  it('exits 0 with no EPIPE stack trace on stderr, whether the reader leaves after the first line or before any', async () => {
    // Five tries after the first line: whether a later write lands before the reader has gone is a race.
    for (const lines of [1, 1, 1, 1, 1, 0]) {
      const result = await pipedInto(['run', '--ticks', '10'], lines)
      expect({ lines, stderr: result.stderr }).toEqual({ lines, stderr: '' })
      expect({ lines, code: result.code, signal: result.signal }).toEqual({ lines, code: 0, signal: null })
      if (lines === 1) expect(result.stdout).toMatch(/^ran 10 ticks of default/)
    }
  }, 60_000)

  it('ends as quietly when the reader of stderr has gone (`2>&1 | head -1` closes both)', async () => {
    // --agents 3 makes the run write a note to stderr before it starts: the first write there fails.
    const result = await pipedInto(['run', '--ticks', '10', '--agents', '3'], Infinity, { closeStderr: true })
    expect({ code: result.code, signal: result.signal }).toEqual({ code: 0, signal: null })
  }, 30_000)
})
