/**
 * Hostile and unlucky conditions at the console audit log (finding 7: an audit that misses
 * nothing) and at the admin token (finding 12: guessing is throttled). The real host and worker
 * where the path matters; a ConsoleService over a fake shard, behind the real registry, where a
 * test needs the clock or the file system in its hands.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventName } from '../../shared/contract/channels'
import type { ConsoleResult, ConsoleSession } from '../../shared/contract/dto/console'
import { auditLine } from '../console/audit-line'
import type { ConsoleEnvelope } from '../console/envelope'
import { digestToken } from './admin-token'
import type { AuditHandle, AuditIo } from './audit-io'
import { AuditLog } from './console-audit'
import { ConsoleService, type ConsoleServiceOptions } from './console-service'
import { createEventBus } from './event-bus'
import { createHandlers } from './handlers'
import { HistoryRecorder } from './history-recorder'
import { createRegistry } from './registry'
import type { ShardService } from './shard-service'
import { createTestHost, okValue, type TestHost } from './test-host'

/** Distinctive, so a grep of the audit file finds them if they ever leak. */
const TOKEN = 'zebra-QUOKKA-7731-right-token'
const GUESS = 'wombat-GUESS-4455-wrong-token'

type Line = Record<string, unknown> & { kind?: string; channel?: string; command?: string; event?: string; issuer?: string }

let host: TestHost | undefined
afterEach(async () => {
  await host?.dispose()
  host = undefined
})

async function started(options: Parameters<typeof createTestHost>[0] = {}): Promise<TestHost> {
  host = createTestHost({ env: { TOWNLET_ADMIN_TOKEN: TOKEN }, ...options })
  await host.start()
  return host
}

/** Stop the host (which flushes the audit) and read every line of its log. */
async function stoppedLines(h: TestHost): Promise<Line[]> {
  await h.dispose()
  host = undefined
  return parseLines(await readFile(h.auditPath, 'utf8').catch(() => ''))
}

function parseLines(text: string): Line[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line)
}

const channelLines = (lines: Line[], channel?: string): Line[] => lines.filter((l) => l.kind === 'channel' && (channel === undefined || l.channel === channel))

/** A ConsoleService over a fake shard behind the real registry, with the clock and the audit's fs in the test's hands. */
async function harness(extra: Partial<ConsoleServiceOptions> = {}, token: string | undefined = TOKEN) {
  const dir = await mkdtemp(join(tmpdir(), 'townlet-hostile-audit-'))
  const auditPath = join(dir, 'console-audit.jsonl')
  const events = createEventBus()
  const received: { name: EventName; payload: unknown }[] = []
  events.subscribe((name, payload) => received.push({ name, payload }))
  const hostLog: string[] = []
  const clock = { t: Date.parse('2030-01-01T00:00:00.000Z') }
  let ids = 0
  const shard = {
    lastTick: 3,
    async console(envelope: ConsoleEnvelope): Promise<ConsoleResult> {
      const cmd_id = envelope.cmd_id ?? `auto-${++ids}`
      return { cmd_id, name: envelope.name, status: 'ok', tick: 3, issuer: envelope.issuer, role: envelope.role, replayed: false, result: { usage: 'help' } }
    }
  }
  const service = new ConsoleService({
    shard,
    events,
    log: (level, source, message) => events.emit('log.entry', { level, source, message, at: clock.t }),
    hostLog: (level, message) => hostLog.push(`${level}: ${message}`),
    auditPath,
    now: () => new Date(clock.t),
    ...extra
  })
  service.setAdminToken(token === undefined ? undefined : { digest: digestToken(token), source: 'the test' })
  // Only console.* channels are called here, so the shard service behind the other handlers is never reached.
  const handlers = createHandlers({ shard: {} as unknown as ShardService, mode: 'browser', version: '0', configsDir: dir, testHooks: false, cwd: dir, workspace: () => { throw new Error('no files in this test') }, validator: { checkConfig: () => { throw new Error('no configs in this test') } }, console: service, history: new HistoryRecorder() })
  const registry = createRegistry(handlers, { roleOf: (s) => service.roleOf(s), onCall: (call) => service.recordCall(call) })
  const as = (session: string, channel: string, payload: unknown = {}) => registry.dispatch(channel, payload, { trusted: true, sender: `socket of ${session}`, session })
  const lines = async (): Promise<Line[]> => {
    await service.flush()
    return parseLines(await readFile(auditPath, 'utf8').catch(() => ''))
  }
  return { dir, auditPath, service, registry, as, clock, hostLog, received, lines }
}

describe('finding 7: refusals at the boundary are audited', () => {
  it('finding 7: a malformed console.run, an unknown channel, a viewer on an admin channel and a foreign sender leave one line each', async () => {
    const h = await started()
    expect(!((await h.call('console.run', { name: 'help', args: 'not an object' })).ok)).toBe(true)
    expect((await h.call('no.such.channel', { x: 1 })).ok).toBe(false)
    const forbidden = await h.callAs('viewer-x', 'shard.step', { ticks: 1 })
    expect(!forbidden.ok && forbidden.error.code).toBe('ipc.forbidden_role')
    expect((await h.registry.dispatch('shard.status', {}, { trusted: false, sender: 'frame https://evil.example', session: 'evil' })).ok).toBe(false)

    const lines = await stoppedLines(h)
    const refusals = channelLines(lines)
    expect(refusals).toHaveLength(4)
    expect(refusals[0]).toMatchObject({ kind: 'channel', channel: 'console.run', issuer: 'test', sender: 'test', role: 'viewer', status: 'error', error: { code: 'ipc.invalid_payload' } })
    expect(refusals[1]).toMatchObject({ channel: 'no.such.channel', issuer: 'test', role: 'viewer', status: 'error', error: { code: 'ipc.unknown_channel' } })
    expect(refusals[2]).toMatchObject({ channel: 'shard.step', issuer: 'viewer-x', role: 'viewer', status: 'error', error: { code: 'ipc.forbidden_role' } })
    expect(refusals[3]).toMatchObject({ channel: 'shard.status', issuer: 'evil', sender: 'frame https://evil.example', error: { code: 'ipc.forbidden_sender' } })
    // A malformed console.run never reached the router, so there is no command line for it.
    expect(lines.filter((l) => l.kind === 'command')).toHaveLength(0)
  })

  it('finding 7: every console.auth attempt leaves one line with its outcome, and the token text never reaches the file', async () => {
    const h = await started()
    expect(!((await h.call('console.auth', { token: GUESS })).ok)).toBe(true)
    expect(okValue<ConsoleSession>(await h.call('console.auth', { token: TOKEN })).role).toBe('admin')
    expect(okValue<ConsoleSession>(await h.call('console.auth', { token: null })).role).toBe('viewer')
    const lines = await stoppedLines(h)
    expect(channelLines(lines, 'console.auth').map((l) => [l.issuer, l.status, l.outcome, l.role])).toEqual([
      ['test', 'error', 'wrong_token', 'viewer'],
      ['test', 'ok', 'granted', 'viewer'],
      ['test', 'ok', 'revoked', 'admin']
    ])
    expect(channelLines(lines, 'console.auth')[0]).toMatchObject({ error: { code: 'console.unauthorized' } })
    const text = await readFile(h.auditPath, 'utf8')
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain(GUESS)
    expect(channelLines(lines, 'console.auth').every((l) => !('payload' in l))).toBe(true)

    // No token configured: refused, still one line.
    const bare = await started({ env: {} })
    expect(!((await bare.call('console.auth', { token: GUESS })).ok)).toBe(true)
    const bareLines = await stoppedLines(bare)
    expect(channelLines(bareLines, 'console.auth').map((l) => [l.status, l.outcome])).toEqual([['error', 'unavailable']])
    expect(await readFile(bare.auditPath, 'utf8')).not.toContain(GUESS)
  })

  it('finding 7: every admin channel call leaves a line (ok or refused); successful viewer reads and routed console.run leave none of their own', async () => {
    const h = await started()
    okValue(await h.admin('shard.step', { ticks: 1 }))
    okValue(await h.admin('config.load', { path: 'configs/default.yaml' }))
    expect((await h.admin('config.load', { path: 'configs/no-such-config.yaml' })).ok).toBe(false)
    for (const channel of ['shard.status', 'observer.full', 'console.session', 'config.list', 'console.commands', 'app.info']) okValue(await h.call(channel))
    okValue(await h.call('console.run', { name: 'help', args: {} }))

    const lines = await stoppedLines(h)
    expect(channelLines(lines, 'shard.step')).toEqual([expect.objectContaining({ issuer: 'admin', role: 'admin', status: 'ok', payload: { ticks: 1 } })])
    const loads = channelLines(lines, 'config.load')
    expect(loads.map((l) => [l.status, (l.payload as { path: string }).path])).toEqual([
      ['ok', 'configs/default.yaml'],
      ['error', 'configs/no-such-config.yaml']
    ])
    expect(loads[1]).toMatchObject({ error: { code: expect.stringMatching(/^(config|fs)\./) } })
    for (const channel of ['shard.status', 'observer.full', 'console.session', 'config.list', 'console.commands', 'app.info', 'console.run']) {
      expect(channelLines(lines, channel), channel).toHaveLength(0)
    }
    expect(lines.filter((l) => l.kind === 'command').map((l) => [l.command, l.issuer, l.status])).toEqual([['help', 'test', 'ok']])
  })
})

describe('finding 7: nothing is lost at shutdown or on a bad disk', () => {
  it('finding 7: a command still queued when the host stops is finalised as host.shutdown', async () => {
    const h = await started()
    okValue(await h.admin('shard.start'))
    okValue(await h.admin('shard.pause'))
    const queued = okValue<ConsoleResult>(await h.admin('console.run', { name: 'setneed', args: { agent: 'alice', need: 'hunger', value: 0.5 }, cmd_id: 'at-shutdown-1' }))
    expect(queued.status).toBe('queued')
    const lines = await stoppedLines(h)
    const finals = lines.filter((l) => l.kind === 'command' && l.cmd_id === 'at-shutdown-1')
    expect(finals).toEqual([expect.objectContaining({ status: 'error', command: 'setneed', role: 'admin', error: expect.objectContaining({ code: 'host.shutdown' }) })])
  })

  it('finding 7: a torn tail is repaired when the log opens, with a note saying how much was dropped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-torn-'))
    const auditPath = join(dir, 'console-audit.jsonl')
    const good = `${JSON.stringify({ kind: 'command', time: '2030-01-01T00:00:00.000Z', issuer: 'old', command: 'help' })}\n`
    const torn = '{"kind":"command","time":"2030-01-01T00:00:01.000Z","iss'
    await writeFile(auditPath, good + torn)
    const h = await started({ auditPath })
    okValue(await h.admin('shard.step', { ticks: 1 }))
    await stoppedLines(h)
    const text = await readFile(auditPath, 'utf8')
    expect(text.startsWith(good)).toBe(true)
    expect(text).not.toContain('"iss{')
    const lines = parseLines(text) // throws if any line is not JSON
    expect(lines.find((l) => l.event === 'repaired')).toMatchObject({ kind: 'audit', event: 'repaired', dropped_bytes: Buffer.byteLength(torn) })
    expect(channelLines(lines, 'shard.step')).toHaveLength(1)
  })

  it('finding 7: each line is one write of the whole line; a half-written line (ENOSPC) is cut back, the next starts on its own line, and the host logs it to its own log only', async () => {
    const { nodeAuditIo } = await import('./audit-io')
    const writes: Buffer[] = []
    let failNext = false
    const io: AuditIo = {
      ...nodeAuditIo,
      async open(path: string): Promise<AuditHandle> {
        const real = await nodeAuditIo.open(path)
        return {
          ...real,
          async write(bytes: Buffer): Promise<number> {
            writes.push(Buffer.from(bytes))
            if (failNext) {
              failNext = false
              await real.write(bytes.subarray(0, Math.floor(bytes.length / 2)))
              throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
            }
            return real.write(bytes)
          }
        }
      }
    }
    const h = await harness({ audit: { io } })
    okValue(await h.as('v', 'console.run', { name: 'help', args: {}, cmd_id: 'first' }))
    await h.service.flush()
    failNext = true
    okValue(await h.as('v', 'console.run', { name: 'help', args: {}, cmd_id: 'lost' }))
    await h.service.flush()
    // The host carries on: the next command is answered and audited.
    okValue(await h.as('v', 'console.run', { name: 'help', args: {}, cmd_id: 'after' }))
    await h.service.flush()
    const text = await readFile(h.auditPath, 'utf8')
    const lines = parseLines(text)
    expect(text.endsWith('\n')).toBe(true)
    expect(lines.filter((l) => l.kind === 'command').map((l) => l.cmd_id)).toEqual(['first', 'after'])
    expect(text).not.toContain('"cmd_id":"lost"')
    for (const bytes of writes) {
      // One write, one whole line.
      expect(bytes.indexOf('\n')).toBe(bytes.length - 1)
      JSON.parse(bytes.toString('utf8'))
    }
    expect(h.hostLog.some((m) => m.includes('ENOSPC'))).toBe(true)
    expect(h.received.filter((e) => e.name === 'log.entry' && JSON.stringify(e.payload).includes('ENOSPC'))).toHaveLength(0)
  })

  it('finding 7: the log rotates by size (console-audit.jsonl → .1 … oldest dropped) and no line is split across files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-rotate-'))
    const path = join(dir, 'console-audit.jsonl')
    const problems: string[] = []
    const log = new AuditLog(path, { onError: (m) => problems.push(m), maxBytes: 2048, maxFiles: 3 })
    const at = new Date('2030-01-01T00:00:00.000Z')
    for (let i = 0; i < 80; i++) {
      log.append(auditLine({ cmd_id: `c-${i}`, name: 'help', status: 'ok', tick: i, issuer: 'viewer-1', role: 'viewer', replayed: false, result: { n: i } }, {}, at))
    }
    await log.flush()
    expect(problems).toEqual([])
    expect((await readdir(dir)).sort()).toEqual(['console-audit.jsonl', 'console-audit.jsonl.1', 'console-audit.jsonl.2'])
    const ids: number[] = []
    for (const name of ['console-audit.jsonl.2', 'console-audit.jsonl.1', 'console-audit.jsonl']) {
      const text = await readFile(join(dir, name), 'utf8')
      expect(Buffer.byteLength(text), name).toBeLessThanOrEqual(2048)
      expect(text.endsWith('\n'), name).toBe(true)
      for (const l of parseLines(text)) ids.push(Number(String(l.cmd_id).slice(2)))
    }
    // The newest lines, in order, none missing between the oldest kept and the last.
    expect(ids.at(-1)).toBe(79)
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, k) => 80 - ids.length + k))
    expect(ids.length).toBeLessThan(80)
  })

  it('finding 7: a viewer flood is bounded per session with a summary of what was suppressed; admin lines never are', async () => {
    const h = await harness()
    for (let i = 0; i < 150; i++) okValue(await h.as('flooder', 'console.run', { name: 'help', args: {} }))
    okValue(await h.as('boss', 'console.auth', { token: TOKEN }))
    for (let i = 0; i < 150; i++) okValue(await h.as('boss', 'console.run', { name: 'help', args: {} }))
    let lines = await h.lines()
    expect(lines.filter((l) => l.kind === 'command' && l.issuer === 'flooder')).toHaveLength(100)
    expect(lines.filter((l) => l.kind === 'command' && l.issuer === 'boss')).toHaveLength(150)
    expect(lines.filter((l) => l.event === 'suppressed')).toHaveLength(0)

    // Later: one summary line for the interval, then the session's lines are written again.
    h.clock.t += 60_000
    okValue(await h.as('flooder', 'console.run', { name: 'help', args: {}, cmd_id: 'later' }))
    lines = await h.lines()
    const summaries = lines.filter((l) => l.event === 'suppressed')
    expect(summaries).toEqual([expect.objectContaining({ kind: 'audit', event: 'suppressed', issuer: 'flooder', count: 50, by: { help: 50 } })])
    expect(lines.at(-1)).toMatchObject({ kind: 'command', cmd_id: 'later', issuer: 'flooder' })

    // A count still held when the host stops gets its summary too.
    for (let i = 0; i < 130; i++) okValue(await h.as('flooder', 'console.run', { name: 'telemetry_snapshot', args: {} }))
    h.service.shutdown()
    await h.service.close()
    lines = parseLines(await readFile(h.auditPath, 'utf8'))
    expect(lines.filter((l) => l.event === 'suppressed').at(-1)).toMatchObject({ issuer: 'flooder', count: 31, by: { telemetry_snapshot: 31 } })
  })

  it('finding 7: a fresh session per request does not escape the bound: all viewers share one, and summaries are bounded too', async () => {
    const h = await harness()
    for (let i = 0; i < 2000; i++) okValue(await h.as(`socket-${i}`, 'console.run', { name: 'help', args: {} }))
    let lines = await h.lines()
    expect(lines.filter((l) => l.kind === 'command')).toHaveLength(500)
    h.clock.t += 10_000
    okValue(await h.as('socket-late', 'console.run', { name: 'help', args: {} }))
    lines = await h.lines()
    const summaries = lines.filter((l) => l.event === 'suppressed')
    expect(summaries.length).toBeLessThanOrEqual(33)
    // Nothing goes uncounted: every suppressed line is in one summary or in the folded one.
    expect(summaries.reduce((n, l) => n + Number(l.count), 0)).toBe(1500)
    expect(summaries.at(-1)).toMatchObject({ issuer: '(other viewer sessions)', by: { help: expect.any(Number) }, sessions: expect.any(Number) })
  })
})

describe('finding 12: admin-token guessing is throttled', () => {
  it('finding 12: after 5 failures a session waits 1 s, then 2 s, 4 s … (capped at 5 min), refused without the token being checked; the right token works after the wait', async () => {
    const h = await harness()
    for (let i = 0; i < 5; i++) {
      const r = await h.as('guesser', 'console.auth', { token: `${GUESS}-${i}` })
      expect(!r.ok && r.error.code).toBe('console.unauthorized')
    }
    // Attempt 6 within the second: refused before the token is looked at, even the right one.
    const early = await h.as('guesser', 'console.auth', { token: TOKEN })
    expect(!early.ok && early.error).toMatchObject({ code: 'console.throttled', message: expect.stringMatching(/1 s/), details: { retry_after_s: 1 } })
    h.clock.t += 1000
    expect(!((await h.as('guesser', 'console.auth', { token: GUESS })).ok)).toBe(true) // failure 6
    h.clock.t += 1999
    const stillWaiting = await h.as('guesser', 'console.auth', { token: TOKEN })
    expect(!stillWaiting.ok && stillWaiting.error).toMatchObject({ code: 'console.throttled', details: { retry_after_s: 1 } })
    h.clock.t += 1
    const failure7 = await h.as('guesser', 'console.auth', { token: GUESS })
    expect(!failure7.ok && failure7.error.code).toBe('console.unauthorized')
    const wait4 = await h.as('guesser', 'console.auth', { token: GUESS })
    expect(!wait4.ok && wait4.error).toMatchObject({ code: 'console.throttled', details: { retry_after_s: 4 } })
    // Many failures later the wait stops growing at five minutes.
    for (let i = 0; i < 12; i++) {
      h.clock.t += 10 * 60_000
      expect(!((await h.as('guesser', 'console.auth', { token: GUESS })).ok)).toBe(true)
    }
    const capped = await h.as('guesser', 'console.auth', { token: GUESS })
    expect(!capped.ok && capped.error).toMatchObject({ code: 'console.throttled', details: { retry_after_s: 300 } })
    h.clock.t += 300_000
    expect(okValue<ConsoleSession>(await h.as('guesser', 'console.auth', { token: TOKEN })).role).toBe('admin')

    const auth = channelLines(await h.lines(), 'console.auth')
    expect(auth.filter((l) => l.outcome === 'throttled').length).toBeGreaterThanOrEqual(4)
    expect(auth.at(-1)).toMatchObject({ outcome: 'granted', issuer: 'guesser' })
    expect(await readFile(h.auditPath, 'utf8')).not.toContain(GUESS)
  })

  it('finding 12: a fresh session per guess cannot restore the rate: a host-wide bound throttles failed attempts across sessions', async () => {
    const h = await harness()
    const codes: string[] = []
    for (let i = 0; i < 40; i++) {
      const r = await h.as(`reconnect-${i}`, 'console.auth', { token: GUESS })
      codes.push(r.ok ? 'ok' : r.error.code)
    }
    expect(codes.filter((c) => c === 'console.unauthorized')).toHaveLength(20)
    expect(codes.slice(20).every((c) => c === 'console.throttled')).toBe(true)
    // A second later about ten more may be tried; the right token from a fresh session works once the bucket has room.
    h.clock.t += 1000
    const next: string[] = []
    for (let i = 0; i < 15; i++) {
      const r = await h.as(`later-${i}`, 'console.auth', { token: GUESS })
      next.push(r.ok ? 'ok' : r.error.code)
    }
    expect(next.filter((c) => c === 'console.unauthorized')).toHaveLength(10)
    h.clock.t += 1000
    expect(okValue<ConsoleSession>(await h.as('the-operator', 'console.auth', { token: TOKEN })).role).toBe('admin')
  })

  it('finding 12: auth failures go to the audit and the host log, never to clients as log.entry', async () => {
    const logs: string[] = []
    const h = await started({ log: (e) => logs.push(e.message) })
    for (let i = 0; i < 7; i++) await h.callAs('guesser', 'console.auth', { token: GUESS })
    const throttled = await h.callAs('guesser', 'console.auth', { token: TOKEN })
    expect(!throttled.ok && throttled.error.code).toBe('console.throttled')
    const entries = h.received.filter((e) => e.name === 'log.entry').map((e) => JSON.stringify(e.payload))
    expect(entries.filter((m) => /guesser|wrong admin token|throttl/i.test(m))).toEqual([])
    expect(logs.some((m) => m.includes('guesser') && m.includes('wrong admin token'))).toBe(true)
    const lines = await stoppedLines(h)
    expect(channelLines(lines, 'console.auth').filter((l) => l.issuer === 'guesser').map((l) => l.outcome)).toEqual([
      'wrong_token',
      'wrong_token',
      'wrong_token',
      'wrong_token',
      'wrong_token',
      'throttled',
      'throttled',
      'throttled'
    ])
  })
})
