import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './cli'
import { fakeIo } from './test-io'

async function run(argv: string[], cwd?: string) {
  const a = fakeIo(cwd ? { cwd } : {})
  const code = await runCli(['run', ...argv], a.io)
  return { code, out: a.out(), err: a.err() }
}

function hashOf(out: string): string {
  const hash = /^sha256 ([0-9a-f]{64})$/m.exec(out)?.[1]
  if (!hash) throw new Error(`no "sha256 <hex>" line in:\n${out}`)
  return hash
}

describe('townlet run --agents --seed --hash --events', () => {
  it('gives the same hash for the same run and another for another seed', async () => {
    const first = await run(['--agents', '50', '--ticks', '20', '--hash'])
    expect(first.code).toBe(0)
    expect(first.out).toMatch(/^ran 20 ticks of default \(seed 20261124, 50 agents\) in [\d.]+ s: [\d,]+ ticks\/s, final tick 20\n/)
    // The drawn default town cannot hold 50: the note says it became a generated one.
    expect(first.err).toContain('generated one sized for 50 agents')
    const again = await run(['--agents', '50', '--ticks', '20', '--hash'])
    expect(hashOf(again.out)).toBe(hashOf(first.out))
    const reseeded = await run(['--agents', '50', '--ticks', '20', '--hash', '--seed', '7'])
    expect(reseeded.out).toContain('(seed 7, 50 agents)')
    expect(hashOf(reseeded.out)).not.toBe(hashOf(first.out))
  })

  it('puts the hash, agents and events count in the JSON summary', async () => {
    const text = await run(['--agents', '50', '--ticks', '20', '--hash'])
    const json = await run(['--agents', '50', '--ticks', '20', '--hash', '--json'])
    expect(json.code).toBe(0)
    expect(JSON.parse(json.out)).toMatchObject({ config_id: 'default', agents: 50, ticks: 20, final_tick: 20, hash: hashOf(text.out), events: null })
  })

  it('writes every event as a JSON line, ticks in order, and nothing else beside it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-events-'))
    const { code, out } = await run(['--ticks', '400', '--events', 'out.jsonl', '--json'], dir)
    expect(code).toBe(0)
    const lines = (await readFile(join(dir, 'out.jsonl'), 'utf8')).split('\n')
    expect(lines.pop()).toBe('')
    const events = lines.map((line) => JSON.parse(line) as { type: string; tick: number })
    expect(events.length).toBeGreaterThan(0)
    expect(JSON.parse(out)).toMatchObject({ events: events.length })
    for (const e of events) expect(e).toMatchObject({ type: expect.any(String), tick: expect.any(Number) })
    for (let i = 1; i < events.length; i++) expect(events[i]!.tick).toBeGreaterThanOrEqual(events[i - 1]!.tick)
    expect(events.at(-1)!.tick).toBeLessThanOrEqual(400)
    // The temp file was renamed over the target, not left behind.
    expect(await readdir(dir)).toEqual(['out.jsonl'])
  })

  it('says how many events it wrote in text mode and replaces an older file whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-events-'))
    await writeFile(join(dir, 'ev.jsonl'), 'old\n')
    const { code, out } = await run(['--ticks', '400', '--events', 'ev.jsonl'], dir)
    expect(code).toBe(0)
    const count = Number(/^wrote (\d+) events to ev\.jsonl$/m.exec(out)?.[1])
    expect((await readFile(join(dir, 'ev.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(count)
  })

  it('exits 2 for an events file in a folder that does not exist', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-events-'))
    const { code, err } = await run(['--ticks', '5', '--events', 'missing/out.jsonl'], dir)
    expect(code).toBe(2)
    expect(err).toContain('does not exist')
  })

  it('exits 2 naming --agents or --seed when they are not whole numbers in range', async () => {
    for (const argv of [['--agents', '0'], ['--agents=-1'], ['--agents', '-1'], ['--agents', 'abc'], ['--agents', '2.5'], ['--agents', '100001'], ['--seed', '-3'], ['--seed', 'x']]) {
      const { code, err } = await run(['--ticks', '5', ...argv])
      expect(code, argv.join(' ')).toBe(2)
      expect(err, argv.join(' ')).toMatch(/--(agents|seed)/)
    }
  })

  it('keeps a hand-placed agent config runnable with fewer agents than it places', async () => {
    const { code, out, err } = await run(['--config', 'configs/scenarios/kitchen_breakfast.yaml', '--agents', '3', '--ticks', '10'])
    expect(code).toBe(0)
    expect(out).toContain('3 agents')
    expect(err).toContain('3 hand-placed agents beyond --agents are left out')
  })
})
