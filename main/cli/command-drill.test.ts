import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ConsoleResult } from '../../shared/contract/dto/console'
import type { AuditLine } from '../console/audit-line'
import { runCli } from './cli'
import { fakeIo } from './test-io'

const DRILL = [
  { tick: 5, cmd_id: 'spawn-zed', name: 'spawn', args: { id: 'zed', wallet: 3 } },
  { tick: 5, name: 'telemetry_snapshot', args: {} },
  { tick: 10, cmd_id: 'kill-alice', name: 'kill', args: { agent: 'alice', reason: 'drill' } },
  { tick: 10, cmd_id: 'spawn-zed', name: 'spawn', args: { id: 'zed', wallet: 3 } }
]

async function drillDir(lines: unknown[] | string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'townlet-drill-'))
  await writeFile(join(dir, 'drill.jsonl'), typeof lines === 'string' ? lines : lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
  return dir
}

async function run(argv: string[], cwd: string, env: Record<string, string> = {}) {
  const a = fakeIo({ cwd, env })
  const code = await runCli(['run', ...argv], a.io)
  return { code, out: a.out(), err: a.err() }
}

const jsonLines = async <T>(path: string): Promise<T[]> => (await readFile(path, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as T)
const hashOf = (out: string) => /^sha256 ([0-9a-f]{64})$/m.exec(out)?.[1]

describe('townlet run --commands (console drills)', () => {
  it('applies an admin drill at its ticks, writes its results and audit, and changes the town', async () => {
    const dir = await drillDir(DRILL)
    const env = { TOWNLET_ADMIN_TOKEN: 'drill-token' }
    const plain = await run(['--ticks', '20', '--hash'], dir, env)
    const drilled = await run(['--ticks', '20', '--hash', '--commands', 'drill.jsonl', '--role', 'admin', '--results', 'results.jsonl', '--audit', 'logs/audit.jsonl'], dir, env)
    expect(drilled.err).not.toContain('warning')
    expect(drilled.code).toBe(0)
    expect(drilled.out).toContain('ran 4 console commands: 4 ok, 0 error; results in results.jsonl')
    expect(hashOf(drilled.out)).toBeDefined()
    expect(hashOf(drilled.out)).not.toBe(hashOf(plain.out))

    const results = await jsonLines<ConsoleResult>(join(dir, 'results.jsonl'))
    expect(results.map((r) => [r.cmd_id, r.name, r.status, r.tick, r.replayed])).toEqual([
      ['auto-1', 'telemetry_snapshot', 'ok', 5, false],
      ['spawn-zed', 'spawn', 'ok', 6, false],
      // Results come in the order they finish: the replay is answered from the cache at once.
      ['spawn-zed', 'spawn', 'ok', 6, true],
      ['kill-alice', 'kill', 'ok', 11, false]
    ])
    expect(results[1]).toMatchObject({ role: 'admin', issuer: 'cli', result: { agent_id: 'zed' } })
    const audit = await jsonLines<AuditLine>(join(dir, 'logs', 'audit.jsonl'))
    expect(audit.map((l) => [l.cmd_id, l.command, l.status])).toEqual(results.map((r) => [r.cmd_id, r.name, r.status]))
    expect(audit[3]).toMatchObject({ role: 'admin', args: { agent: 'alice', reason: 'drill' }, tick: 11 })
    // No temp file left beside the results.
    expect((await readdir(dir)).sort()).toEqual(['drill.jsonl', 'logs', 'results.jsonl'])

    const again = await run(['--ticks', '20', '--hash', '--commands', 'drill.jsonl', '--role', 'admin'], dir, env)
    expect(hashOf(again.out)).toBe(hashOf(drilled.out))
  })

  it('refuses admin commands to a viewer drill and leaves the town as it was', async () => {
    const dir = await drillDir(DRILL)
    const plain = await run(['--ticks', '20', '--hash'], dir)
    const viewer = await run(['--ticks', '20', '--hash', '--json', '--commands', 'drill.jsonl', '--results', 'results.jsonl'], dir)
    expect(viewer.code).toBe(0)
    expect(JSON.parse(viewer.out)).toMatchObject({ hash: hashOf(plain.out), commands: { submitted: 4, ok: 1, error: 3 } })
    const results = await jsonLines<ConsoleResult>(join(dir, 'results.jsonl'))
    expect(results.filter((r) => r.name !== 'telemetry_snapshot').map((r) => [r.cmd_id, r.error?.code])).toEqual([
      ['spawn-zed', 'console.forbidden'],
      ['kill-alice', 'console.forbidden'],
      ['spawn-zed', 'console.forbidden']
    ])
  })

  it('is a usage error for a malformed line, naming its number', async () => {
    const dir = await drillDir(`${JSON.stringify(DRILL[0])}\n\n{"tick": 3, "name": "help", "args": {}, "extra": 1}\n`)
    const bad = await run(['--ticks', '20', '--commands', 'drill.jsonl'], dir)
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('drill.jsonl line 3')
    const notJson = await drillDir('{"tick": 1, "name": "help"}\nnot json\n')
    const worse = await run(['--ticks', '20', '--commands', 'drill.jsonl'], notJson)
    expect(worse.code).toBe(2)
    expect(worse.err).toMatch(/line 2: not JSON/)
    const late = await drillDir([{ tick: 50, name: 'help' }])
    expect((await run(['--ticks', '20', '--commands', 'drill.jsonl'], late)).err).toContain('line 1: tick 50 is after the run ends')
  })

  it('needs the admin token in the environment for --role admin, and --commands for its companions', async () => {
    const dir = await drillDir(DRILL)
    const noToken = await run(['--ticks', '20', '--commands', 'drill.jsonl', '--role', 'admin'], dir)
    expect(noToken.code).toBe(2)
    expect(noToken.err).toContain('TOWNLET_ADMIN_TOKEN')
    expect((await run(['--ticks', '20', '--commands', 'drill.jsonl', '--role', 'root'], dir)).err).toContain('--role must be viewer or admin')
    expect((await run(['--ticks', '20', '--results', 'r.jsonl'], dir)).err).toContain('--results only apply with --commands')
    expect((await run(['--ticks', '20', '--commands', 'missing.jsonl'], dir)).err).toMatch(/missing\.jsonl does not exist/)
  })

  it('finalises commands queued at the last tick as never applied', async () => {
    const dir = await drillDir([{ tick: 20, cmd_id: 'late-1', name: 'set_wallet', args: { agent: 'alice', value: 9 } }])
    const result = await run(['--ticks', '20', '--commands', 'drill.jsonl', '--role', 'admin', '--results', 'r.jsonl'], dir, { TOWNLET_ADMIN_TOKEN: 't' })
    expect(result.code).toBe(0)
    const [final] = await jsonLines<ConsoleResult>(join(dir, 'r.jsonl'))
    expect(final).toMatchObject({ cmd_id: 'late-1', status: 'error', error: { code: 'console.conflict', message: expect.stringContaining('the run ended at tick 20') } })
  })
})
