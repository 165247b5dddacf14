import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './cli'
import { fakeIo } from './test-io'

describe('townlet CLI', () => {
  it('prints help and exits 0 with --help, 2 without a command', async () => {
    const a = fakeIo()
    expect(await runCli(['--help'], a.io)).toBe(0)
    expect(a.out()).toContain('townlet run [--config FILE] --ticks N')
    expect(a.out()).toContain('townlet affordances validate [--file F | --config C]')
    const b = fakeIo()
    expect(await runCli([], b.io)).toBe(2)
    const c = fakeIo()
    expect(await runCli(['run', '--help'], c.io)).toBe(0)
    expect(c.out()).toContain('--ticks N')
  })

  it('prints the version', async () => {
    const a = fakeIo()
    expect(await runCli(['--version'], a.io)).toBe(0)
    expect(a.out()).toBe('9.9.9\n')
  })

  it('runs a config for N ticks and prints ticks/s', async () => {
    const a = fakeIo()
    expect(await runCli(['run', '--config', 'configs/default.yaml', '--ticks', '1000'], a.io)).toBe(0)
    expect(a.out()).toMatch(/^ran 1000 ticks of default \(seed \d+, 8 agents\) in [\d.]+ s: [\d,]+ ticks\/s, final tick 1000\npolicy: scripted controller\n$/)
  })

  it('prints a JSON summary with --json', async () => {
    const a = fakeIo()
    expect(await runCli(['run', '--ticks', '25', '--json'], a.io)).toBe(0)
    expect(JSON.parse(a.out())).toMatchObject({ config_id: 'default', agents: 8, ticks: 25, final_tick: 25, ticks_per_second: expect.any(Number), hash: null, events: null })
  })

  it('exits 2 with the problem for bad usage', async () => {
    for (const argv of [['run'], ['run', '--ticks', 'ten'], ['run', '--ticks', '0'], ['run', '--tick', '5'], ['fly']]) {
      const a = fakeIo()
      expect(await runCli(argv, a.io)).toBe(2)
      expect(a.err()).not.toBe('')
    }
  })

  it('exits 2 and lists every config problem with its line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-cli-'))
    await writeFile(join(dir, 'bad.yaml'), 'config_id: x\nseed: -1\nruntime:\n  tick_ms: 0\n')
    const a = fakeIo({ cwd: dir })
    expect(await runCli(['run', '--config', 'bad.yaml', '--ticks', '5'], a.io)).toBe(2)
    expect(a.err()).toContain('seed (line 2:7)')
    expect(a.err()).toContain('runtime.tick_ms (line 4:12)')
  })

  it('exits 2 for a missing config file', async () => {
    const a = fakeIo()
    expect(await runCli(['run', '--config', 'configs/missing.yaml', '--ticks', '5'], a.io)).toBe(2)
    expect(a.err()).toMatch(/the config .*configs\/missing\.yaml does not exist/)
  })

  it('refuses to serve without a built renderer, saying how to build it', async () => {
    const a = fakeIo()
    expect(await runCli(['serve', '--port', '0'], a.io)).toBe(2)
    expect(a.err()).toContain('npm run build')
  })

  it('serves browser mode, prints the URL and stops on a signal', async () => {
    const rendererDir = await mkdtemp(join(tmpdir(), 'townlet-cli-renderer-'))
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html>')
    let stop: (signal: string) => void = () => {}
    const stopped = new Promise<string>((resolve) => (stop = resolve))
    const a = fakeIo({ shutdownSignal: () => stopped })
    a.io.paths.rendererDir = rendererDir
    const exit = runCli(['serve', '--port', '0'], a.io)
    for (let i = 0; i < 200 && !a.out().includes('token='); i++) await new Promise((r) => setTimeout(r, 25))
    const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(a.out())?.[0]
    expect(url).toBeDefined()
    expect((await fetch(url ?? '')).status).toBe(200)
    // No token configured: the host made one for this run, and only its operator sees it.
    expect(a.out()).toMatch(/admin token \(this run only\): [A-Za-z0-9_-]{24}/)
    stop('SIGTERM')
    expect(await exit).toBe(0)
  })

  it('serves read-only, or with the admin token file it was given', async () => {
    const rendererDir = await mkdtemp(join(tmpdir(), 'townlet-cli-renderer-'))
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html>')
    await writeFile(join(rendererDir, 'admin.token'), 'from-a-file\n')
    for (const [flags, expected] of [
      [['--read-only'], /read-only: this host has no admin token/],
      [['--admin-token-file', join(rendererDir, 'admin.token')], /admin token: the one from .*admin\.token/]
    ] as const) {
      const a = fakeIo({ shutdownSignal: () => new Promise((resolve) => setTimeout(() => resolve('SIGTERM'), 300)) })
      a.io.paths.rendererDir = rendererDir
      expect(await runCli(['serve', '--port', '0', ...flags], a.io)).toBe(0)
      expect(a.out()).toMatch(expected)
      expect(a.out()).not.toContain('from-a-file')
    }
    const bad = fakeIo()
    bad.io.paths.rendererDir = rendererDir
    expect(await runCli(['serve', '--port', '0', '--admin-token-file', join(rendererDir, 'missing.token')], bad.io)).toBe(2)
    expect(bad.err()).toContain('does not exist')
  })
})
