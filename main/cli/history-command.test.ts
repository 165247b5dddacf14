import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HistoryRunDetailSchema, HistoryRunSchema } from '../../shared/contract/dto/history'
import { runCli } from './cli'
import { fakeIo } from './test-io'

let dir: string
let outside: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'townlet-history-'))
  outside = await mkdtemp(join(tmpdir(), 'townlet-history-out-'))
  // A life that ends early (alice, killed at tick 10) and one that starts late (zed, from tick 6).
  const drill = [
    { tick: 5, cmd_id: 'spawn-zed', name: 'spawn', args: { id: 'zed', wallet: 3 } },
    { tick: 10, cmd_id: 'kill-alice', name: 'kill', args: { agent: 'alice', reason: 'drill' } }
  ]
  await writeFile(join(dir, 'drill.jsonl'), drill.map((l) => JSON.stringify(l)).join('\n') + '\n')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await rm(outside, { recursive: true, force: true })
})

async function cli(argv: string[]) {
  const a = fakeIo({ cwd: dir, env: { TOWNLET_ADMIN_TOKEN: 'history-token' } })
  const code = await runCli(argv, a.io)
  return { code, out: a.out(), err: a.err() }
}

describe('townlet run --history and townlet history list|show', () => {
  it('records a run, then lists and shows it, as text and as JSON', async () => {
    const run = await cli(['run', '--ticks', '3000', '--seed', '5', '--history', 'runs.sqlite', '--commands', 'drill.jsonl', '--role', 'admin'])
    expect(run.code).toBe(0)
    expect(run.err).toMatch(/recorded run 1 \(3 windows, \d+ episodes\) in runs\.sqlite/)
    // The same file takes a second run.
    expect((await cli(['run', '--ticks', '100', '--history', 'runs.sqlite'])).code).toBe(0)

    const list = await cli(['history', 'list', '--db', 'runs.sqlite', '--json'])
    expect(list.code).toBe(0)
    const runs = HistoryRunSchema.array().parse((JSON.parse(list.out) as { runs: unknown }).runs)
    expect(runs.map((r) => [r.id, r.status, r.start_tick, r.ticks, r.config_id, r.policy.backend, r.agents])).toEqual([
      [2, 'completed', 0, 100, 'default', 'scripted', 8],
      [1, 'completed', 0, 3000, 'default', 'scripted', 8]
    ])
    expect(runs[1]!.seed).toBe(5)
    const text = await cli(['history', 'list', '--db', 'runs.sqlite'])
    expect(text.code).toBe(0)
    expect(text.out).toMatch(/^\s+2 .* completed\s+default seed \d+, 8 agents, 100 ticks, scripted$/m)

    const show = await cli(['history', 'show', '1', '--db', 'runs.sqlite', '--json'])
    expect(show.code).toBe(0)
    const detail = HistoryRunDetailSchema.parse(JSON.parse(show.out))
    // Windows of stability.kpis.window_ticks (1440) and the partial last one, each with its KPIs.
    expect(detail.windows.map((w) => [w.from_tick, w.to_tick, w.kpis?.tick])).toEqual([
      [1, 1440, 1440],
      [1441, 2880, 2880],
      [2881, 3000, 3000]
    ])
    const alice = detail.episodes.find((e) => e.agent_id === 'alice')
    expect(alice).toMatchObject({ from_tick: 0, to_tick: 11, cause: 'drill', snapshot: { schema_version: 1, agent_id: 'alice' } })
    expect(detail.episodes.find((e) => e.agent_id === 'zed')).toMatchObject({ from_tick: 6 })
    // Every life is there once: the ones that ended, and the ones still in town at the end.
    const open = detail.episodes.filter((e) => e.to_tick === null)
    expect(open.every((e) => e.cause === null)).toBe(true)
    expect(detail.run.episodes).toBe(detail.episodes.length)
    expect(new Set(open.map((e) => e.agent_id)).size).toBe(open.length)

    const shown = await cli(['history', 'show', '1', '--db', 'runs.sqlite'])
    expect(shown.code).toBe(0)
    expect(shown.out).toContain('run 1: default')
    expect(shown.out).toMatch(/^2881–3000 /m)
    expect(shown.out).toMatch(/episodes: .*1 drill/)
  })

  it('refuses absurd run ids and unknown runs with exit 2 and a code', async () => {
    await cli(['run', '--ticks', '10', '--history', 'ids.sqlite'])
    for (const id of ['0', '-1', '1e3', '1.5', ' 1', 'abc', '99999999999999999999', 'x'.repeat(10_000)]) {
      const r = await cli(['history', 'show', id, '--db', 'ids.sqlite', '--json'])
      expect(r.code, id.slice(0, 20)).toBe(2)
      // `-1` reads as an option: a usage error before any id is looked at.
      if (!id.startsWith('-')) expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { code: 'history.invalid_run_id' } })
      expect(r.err.length).toBeLessThan(300)
    }
    const missing = await cli(['history', 'show', '42', '--db', 'ids.sqlite'])
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('history.run_not_found')
  })

  it('refuses unusable files with exit 2 and the reason, for run and for history', async () => {
    await writeFile(join(dir, 'text.sqlite'), 'not a database at all\n'.repeat(50))
    const list = await cli(['history', 'list', '--db', 'text.sqlite'])
    expect(list.code).toBe(2)
    expect(list.err).toContain('history.unusable')
    const run = await cli(['run', '--ticks', '10', '--history', 'text.sqlite'])
    expect(run.code).toBe(2)
    expect(run.err).toContain('history.unusable')
    expect(await readFile(join(dir, 'text.sqlite'), 'utf8')).toMatch(/^not a database/)

    const away = await cli(['history', 'list', '--db', join(outside, 'runs.sqlite')])
    expect(away.code).toBe(2)
    expect(away.err).toContain('fs.outside_workspace')
    const awayRun = await cli(['run', '--ticks', '10', '--history', join(outside, 'runs.sqlite')])
    expect(awayRun.code).toBe(2)
    expect(awayRun.err).toContain('outside the workspace')

    expect((await cli(['history', 'list', '--db', 'absent.sqlite'])).err).toContain('history.not_found')
    for (const argv of [['history'], ['history', 'drop'], ['history', 'list'], ['history', 'show', '--db', 'ids.sqlite'], ['history', 'list', 'x', '--db', 'ids.sqlite'], ['history', 'list', '--db', 'ids.sqlite', '--bogus']]) {
      expect((await cli(argv)).code, argv.join(' ')).toBe(2)
    }
  })

  it('has help text', async () => {
    const help = await cli(['help', 'history'])
    expect(help.code).toBe(0)
    expect(help.out).toContain('townlet history show RUN --db F.sqlite [--json]')
    expect((await cli(['help', 'run'])).out).toContain('--history F')
  })
})
