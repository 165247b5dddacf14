import { mkdir, mkdtemp, readFile, writeFile, appendFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './cli'
import { fakeIo } from './test-io'
import { loadEmbeddedDefault } from '../config/load-config'
import { realScheduler } from '../shard/scheduler'
import { Shard } from '../shard/shard'
import { STREAM_SCHEMA_VERSION, StreamMessageSchema } from '../telemetry/stream/stream-schema'

async function cli(argv: string[], cwd: string) {
  const a = fakeIo({ cwd })
  const code = await runCli(argv, a.io)
  return { code, out: a.out(), err: a.err() }
}

/** A small config whose KPI window closes every 100 ticks, so a short run has kpi.window messages. */
async function townDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'townlet-stream-'))
  await writeFile(join(dir, 'town.yaml'), 'config_id: stream_test\nseed: 11\nstability:\n  kpis:\n    window_ticks: 100\n')
  return dir
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  await new Promise((r) => server.close(r))
  return port
}

describe('townlet run --telemetry file:… then townlet telemetry check', () => {
  it('writes the whole stream, says so on stderr, and the check passes it', async () => {
    const dir = await townDir()
    const run = await cli(['run', '--config', 'town.yaml', '--ticks', '400', '--telemetry', 'file:out/stream.jsonl', '--json'], dir).catch((e: unknown) => {
      throw e
    })
    // The folder does not exist yet: the file transport reports it and the run still succeeds.
    expect(run.code).toBe(0)
    expect(run.err).toMatch(/telemetry: \d+ messages; file .*stream\.jsonl: 0 sent, \d+ dropped, \d+ errors? \(telemetry\.write_failed/)

    await mkdir(join(dir, 'out'))
    const ok = await cli(['run', '--config', 'town.yaml', '--ticks', '400', '--telemetry', 'file:out/stream.jsonl', '--json'], dir)
    expect(ok.code).toBe(0)
    const summary = JSON.parse(ok.out) as { telemetry: { messages: number; sent: number; dropped: number; errors: number } }
    expect(summary.telemetry.messages).toBeGreaterThan(30)
    expect(summary.telemetry).toMatchObject({ sent: summary.telemetry.messages, dropped: 0, errors: 0 })
    expect(ok.err).toContain(`telemetry: ${summary.telemetry.messages} messages; file `)
    expect(ok.err).toContain(`${summary.telemetry.messages} sent, 0 dropped, 0 errors`)

    const lines = (await readFile(join(dir, 'out/stream.jsonl'), 'utf8')).trimEnd().split('\n')
    expect(lines).toHaveLength(summary.telemetry.messages)
    const messages = lines.map((l) => StreamMessageSchema.parse((JSON.parse(l) as { message: unknown }).message))
    const kinds = new Set(messages.map((m) => m.kind))
    for (const k of ['engine.event', 'kpi.window', 'loop.tick', 'loop.health', 'stability.metrics']) expect(kinds).toContain(k)
    expect(messages.filter((m) => m.kind === 'kpi.window').map((m) => m.tick)).toEqual([100, 200, 300, 400])
    // Every 60 ticks, and a last one for the ticks after 360.
    expect(messages.filter((m) => m.kind === 'loop.tick').map((m) => m.tick)).toEqual([60, 120, 180, 240, 300, 360, 400])
    expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i))

    const check = await cli(['telemetry', 'check', 'out/stream.jsonl', '--json'], dir)
    expect(check.code).toBe(0)
    const report = JSON.parse(check.out) as { ok: boolean; messages: number; offsets: { first: number; last: number; missing: number } }
    expect(report).toMatchObject({ ok: true, messages: lines.length, offsets: { first: 0, last: lines.length - 1, missing: 0 } })
    const text = await cli(['telemetry', 'check', 'out/stream.jsonl'], dir)
    expect(text.out).toMatch(/^out\/stream\.jsonl: ok: \d+ lines, \d+ messages, 0 errors, 0 warnings\n/)
  }, 60_000)

  it('finds garbage, an unknown version, a newer major and a cut-short last line, by line number', async () => {
    const dir = await townDir()
    expect((await cli(['run', '--config', 'town.yaml', '--ticks', '30', '--telemetry', 'file:s.jsonl'], dir)).code).toBe(0)
    const path = join(dir, 's.jsonl')
    const whole = (await readFile(path, 'utf8')).trimEnd().split('\n').length
    const msg = (v: string, kind = 'narration') => JSON.stringify({ schema_version: v, kind, tick: 1, payload: {} })
    await appendFile(path, `not json at all \u001b[31m\n${msg('2.0')}\n${msg('banana')}\n${msg('1.7', 'future.kind')}\n{"stream_offset":3,"message":{}}\n{"schema_version":"1.0","kind":"narr`)
    const check = await cli(['telemetry', 'check', 's.jsonl', '--json'], dir)
    expect(check.code).toBe(2)
    const report = JSON.parse(check.out) as { ok: boolean; problems: { line: number; level: string; message: string }[]; warnings: number }
    expect(report.ok).toBe(false)
    const at = (n: number) => report.problems.find((p) => p.line === whole + n)
    expect(at(1)).toMatchObject({ level: 'error', message: expect.stringContaining('not JSON') })
    expect(at(2)).toMatchObject({ level: 'warning', message: expect.stringContaining('newer major') })
    expect(at(3)).toMatchObject({ level: 'error', message: expect.stringContaining('unknown schema_version') })
    expect(at(4)).toBeUndefined()
    expect(at(5)).toMatchObject({ level: 'error', message: expect.stringContaining('does not rise') })
    expect(at(6)).toMatchObject({ level: 'error', message: expect.stringContaining('cut short') })
    // Foreign text is never echoed: no escape character reaches the report.
    expect(check.out).not.toContain('\u001b')
    const text = await cli(['telemetry', 'check', 's.jsonl'], dir)
    expect(text.out).toContain(`line ${whole + 1}: error: the line is not JSON`)
  }, 30_000)

  it('refuses a stream file outside the workspace, and a missing one, with exit 2', async () => {
    const dir = await townDir()
    await mkdir(join(dir, 'ws'))
    const run = await cli(['run', '--ticks', '5', '--telemetry', 'file:../outside.jsonl'], join(dir, 'ws'))
    expect(run.code).toBe(2)
    expect(run.err).toContain('outside the workspace')
    const bad = await cli(['run', '--ticks', '5', '--telemetry', 'ftp://x'], dir)
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('telemetry spec')
    const missing = await cli(['telemetry', 'check', 'nope.jsonl'], dir)
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('telemetry.stream_not_found')
    const outside = await cli(['telemetry', 'check', '../outside.jsonl'], join(dir, 'ws'))
    expect(outside.code).toBe(2)
    expect(outside.err).toContain('fs.outside_workspace')
    const folder = await cli(['telemetry', 'check', 'ws'], dir)
    expect(folder.code).toBe(2)
    expect(folder.err).toContain('not a regular file')
  }, 30_000)

  it('an unreachable tcp:// collector never fails the run: exit 0, the failure reported', async () => {
    const dir = await townDir()
    const port = await freePort()
    const run = await cli(['run', '--ticks', '50', '--telemetry', `tcp://127.0.0.1:${port}`, '--telemetry', 'file:ok.jsonl', '--json'], dir)
    expect(run.code).toBe(0)
    expect(run.err).toMatch(new RegExp(`tcp://127\\.0\\.0\\.1:${port}: 0 sent, \\d+ dropped, [1-9]\\d* errors? \\(telemetry\\.unreachable`))
    const summary = JSON.parse(run.out) as { telemetry: { transports: { kind: string; sent: number; errors: number }[] } }
    expect(summary.telemetry.transports.find((t) => t.kind === 'tcp')).toMatchObject({ sent: 0 })
    expect(summary.telemetry.transports.find((t) => t.kind === 'file')!.sent).toBeGreaterThan(0)
  }, 30_000)

  it('telemetry_snapshot carries the transport block while the run streams, and {attached: false} when it does not', async () => {
    const dir = await townDir()
    await writeFile(join(dir, 'drill.jsonl'), '{"tick": 10, "name": "telemetry_snapshot", "args": {}}\n')
    const snapshotIn = async (extra: string[]) => {
      expect((await cli(['run', '--ticks', '20', '--commands', 'drill.jsonl', '--results', 'r.jsonl', ...extra], dir)).code).toBe(0)
      return (JSON.parse(await readFile(join(dir, 'r.jsonl'), 'utf8')) as { result: { schema_version: string; transport: unknown } }).result
    }
    const streamed = await snapshotIn(['--telemetry', 'file:s.jsonl'])
    expect(streamed.schema_version).toBe(STREAM_SCHEMA_VERSION)
    expect(streamed.transport).toMatchObject({ attached: true, dropped_messages: 0, transports: [{ kind: 'file', target: expect.stringMatching(/s\.jsonl$/), dropped_messages: 0, last_failure_tick: null, last_error: null }] })
    expect((await snapshotIn([])).transport).toEqual({ attached: false })
  }, 30_000)
})

describe('townlet run --telemetry … through the dispatcher: privacy, filters, on-request kinds', () => {
  /** The ids of every agent the town held by the end (the same town each run: same config, seed and ticks). */
  async function agentIds(ticks: number): Promise<Set<string>> {
    const shard = new Shard(loadEmbeddedDefault(), { scheduler: realScheduler })
    shard.step(ticks)
    const ids = new Set(shard.simulation.world.state.agents.ids)
    shard.dispose()
    return ids
  }
  const lines = async (path: string) => (await readFile(path, 'utf8')).trimEnd().split('\n').map((l) => (JSON.parse(l) as { message: { kind: string; seq: number; tick: number; payload: unknown } }).message)
  const words = (text: string) => new Set(text.match(/[A-Za-z0-9_]+/g) ?? [])

  it('--telemetry-privacy: no agent name reaches the file, observations and agent snapshots included, and the check passes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-privacy-'))
    const ticks = 1200
    const ids = await agentIds(ticks)
    const common = ['run', '--ticks', String(ticks), '--telemetry-request', 'agent.snapshot', '--telemetry-request', 'observation', '--json']
    const clear = await cli([...common, '--telemetry', 'file:clear.jsonl'], dir)
    expect(clear.code).toBe(0)
    const hidden = await cli([...common, '--telemetry', 'file:private.jsonl', '--telemetry-privacy'], dir)
    expect(hidden.code).toBe(0)
    expect(hidden.err).toMatch(/^telemetry: \d+ messages \(agent ids hashed\); file /m)
    expect((JSON.parse(hidden.out) as { telemetry: { dispatch: unknown } }).telemetry.dispatch).toEqual({ privacy: true, filtered: 0, rejected: 0, subscriber_errors: 0, built: { observation: 20, 'agent.snapshot': 20 } })

    const clearText = await readFile(join(dir, 'clear.jsonl'), 'utf8')
    const privateText = await readFile(join(dir, 'private.jsonl'), 'utf8')
    // In the clear every agent is named somewhere: the scan below can find a name when one is there.
    const named = [...ids].filter((id) => words(clearText).has(id))
    expect(named.length).toBe(ids.size)
    const left = [...ids].filter((id) => words(privateText).has(id))
    expect(left).toEqual([])

    const messages = await lines(join(dir, 'private.jsonl'))
    for (const m of messages) StreamMessageSchema.parse(m)
    const snapshots = messages.filter((m) => m.kind === 'agent.snapshot')
    expect(snapshots.map((m) => m.tick)).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 60))
    const snapshotIds = (snapshots[0]!.payload as { agents: { agent_id: string }[] }).agents.map((a) => a.agent_id)
    expect(snapshotIds.length).toBeGreaterThan(0)
    for (const id of snapshotIds) expect(id).toMatch(/^a_[0-9a-f]{12}$/)
    const observation = messages.find((m) => m.kind === 'observation')!.payload as { agents: { id: string }[] }
    expect(observation.agents.map((a) => a.id).sort()).toEqual([...snapshotIds].sort())
    expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i))
    expect((await cli(['telemetry', 'check', 'private.jsonl'], dir)).code).toBe(0)
  }, 120_000)

  it('--telemetry-exclude keeps kinds out, with seq still gapless; the summary counts what was filtered', async () => {
    const dir = await townDir()
    const run = await cli(['run', '--config', 'town.yaml', '--ticks', '300', '--telemetry', 'file:s.jsonl', '--telemetry-exclude', 'engine.event', '--telemetry-exclude', 'loop.health', '--json'], dir)
    expect(run.code).toBe(0)
    const messages = await lines(join(dir, 's.jsonl'))
    const kinds = new Set(messages.map((m) => m.kind))
    expect(kinds.has('engine.event')).toBe(false)
    expect(kinds.has('loop.health')).toBe(false)
    expect(kinds).toContain('loop.tick')
    expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i))
    const summary = JSON.parse(run.out) as { telemetry: { messages: number; sent: number; dispatch: { filtered: number } } }
    expect(summary.telemetry.messages).toBe(messages.length)
    expect(summary.telemetry.sent).toBe(messages.length)
    expect(summary.telemetry.dispatch.filtered).toBeGreaterThan(0)
    expect(run.err).toContain(`(${summary.telemetry.dispatch.filtered} filtered out)`)
  }, 60_000)

  it('the config’s exclude_fields and include_kinds apply to the file', async () => {
    const dir = await townDir()
    await appendFile(join(dir, 'town.yaml'), "telemetry:\n  dispatch:\n    include_kinds: [loop.health, loop.tick]\n    exclude_fields: ['loop.health:transport.transports.*.target', '*:policy']\n")
    expect((await cli(['run', '--config', 'town.yaml', '--ticks', '120', '--telemetry', 'file:s.jsonl'], dir)).code).toBe(0)
    const messages = await lines(join(dir, 's.jsonl'))
    expect(messages.map((m) => m.kind)).toEqual(['loop.tick', 'loop.health', 'loop.tick', 'loop.health'])
    const text = await readFile(join(dir, 's.jsonl'), 'utf8')
    expect(text).not.toContain('"target"')
    expect(text).not.toContain('"policy"')
    expect(text).toContain('"sent_messages"')
  }, 60_000)

  it('refuses a bad kind, a bad field path and dispatch flags without a transport, naming the flag or the field', async () => {
    const dir = await townDir()
    const kind = await cli(['run', '--ticks', '5', '--telemetry', 'stdout', '--telemetry-exclude', 'narations'], dir)
    expect(kind.code).toBe(2)
    expect(kind.err).toContain('--telemetry-exclude: "narations" is not a stream kind (did you mean "narration"?)')
    const request = await cli(['run', '--ticks', '5', '--telemetry', 'stdout', '--telemetry-request', 'narration'], dir)
    expect(request.code).toBe(2)
    expect(request.err).toContain('--telemetry-request: "narration" is not a stream kind: use one of observation, agent.snapshot')
    const alone = await cli(['run', '--ticks', '5', '--telemetry-privacy'], dir)
    expect(alone.code).toBe(2)
    expect(alone.err).toContain('add --telemetry SPEC')
    await appendFile(join(dir, 'town.yaml'), "telemetry:\n  dispatch:\n    exclude_fields: ['engine.event:object_id', 'engine.evnt:x']\n")
    const field = await cli(['run', '--config', 'town.yaml', '--ticks', '5', '--telemetry', 'stdout'], dir)
    expect(field.code).toBe(2)
    expect(field.err).toContain('telemetry.dispatch.exclude_fields.1')
    expect(field.err).toContain('"engine.evnt" is not a stream kind (did you mean "engine.event"?)')
  }, 30_000)
})
