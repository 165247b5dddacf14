/**
 * Hostile files given to the CLI (finding 8 of the trust-boundary issue): a FIFO, a device or a
 * huge file named as a drill, a config or a registry is refused at once, before a byte is read,
 * and a file outside the workspace (the working folder, or --workspace) is refused unread.
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp, open, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './cli'
import { fakeIo } from './test-io'

async function run(argv: string[], cwd: string) {
  const a = fakeIo({ cwd })
  const code = await runCli(argv, a.io)
  return { code, out: a.out(), err: a.err() }
}

describe('finding 8: special files given to townlet run', () => {
  it('does not hang on a FIFO named by a config’s affordances.file: exit 2 at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-fifo-'))
    execFileSync('mkfifo', [join(dir, 'registry.yaml')])
    await writeFile(join(dir, 'town.yaml'), 'config_id: t\nseed: 1\naffordances:\n  file: registry.yaml\n')
    const { code, err } = await run(['run', '--config', 'town.yaml', '--ticks', '5'], dir)
    expect(code).toBe(2)
    expect(err).toContain('not a regular file')
  })

  it('refuses a FIFO and a file over 16 MiB as --commands before reading them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-drill-'))
    execFileSync('mkfifo', [join(dir, 'pipe.jsonl')])
    // Sparse: 17 MiB on paper, nothing on disk; reading it whole would take the time and memory.
    const huge = await open(join(dir, 'huge.jsonl'), 'w')
    await huge.truncate(17 * 1024 * 1024)
    await huge.close()
    const pipe = await run(['run', '--ticks', '5', '--commands', 'pipe.jsonl'], dir)
    expect(pipe.code).toBe(2)
    expect(pipe.err).toContain('not a regular file')
    const big = await run(['run', '--ticks', '5', '--commands', 'huge.jsonl'], dir)
    expect(big.code).toBe(2)
    expect(big.err).toMatch(/17825792 bytes, more than the 16 MiB/)
  })

  it('refuses a drill, a config or a model outside the workspace, and reads it with --workspace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-outside-'))
    const elsewhere = await mkdtemp(join(tmpdir(), 'townlet-elsewhere-'))
    await writeFile(join(elsewhere, 'drill.jsonl'), `${JSON.stringify({ tick: 1, name: 'help' })}\n`)
    await writeFile(join(elsewhere, 'town.yaml'), 'config_id: t\nseed: 1\n')
    for (const argv of [
      ['--commands', join(elsewhere, 'drill.jsonl')],
      ['--config', join(elsewhere, 'town.yaml')],
      ['--policy', join(elsewhere, 'model.onnx')]
    ]) {
      const { code, err } = await run(['run', '--ticks', '5', ...argv], dir)
      expect(code, argv.join(' ')).toBe(2)
      expect(err).toContain('outside the workspace')
    }
    const allowed = await run(['run', '--ticks', '5', '--workspace', elsewhere, '--config', join(elsewhere, 'town.yaml'), '--commands', join(elsewhere, 'drill.jsonl')], dir)
    expect(allowed.code).toBe(0)
    expect(allowed.out).toContain('ran 1 console commands: 1 ok')
  })

  it('refuses the same in affordances validate and config set-stage', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-validate-'))
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')])
    const validate = await run(['affordances', 'validate', '--file', 'pipe.yaml'], dir)
    expect(validate.code).toBe(2)
    expect(validate.err).toContain('not a regular file')
    const edit = await run(['config', 'set-stage', '--config', '/etc/passwd', '--stage', 'C1'], dir)
    expect(edit.code).toBe(2)
    expect(edit.err).toContain('outside the workspace')
    expect(edit.err).not.toContain('root:')
  })
})
