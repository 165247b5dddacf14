import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CommandInfo, ConsoleResult, ConsoleSession } from '../../shared/contract/dto/console'
import type { ObserverFull } from '../../shared/contract/dto/observer'
import { decodeObserverFrame } from '../../shared/contract/dto/observer-decode'
import type { AuditLine } from '../console/audit-line'
import { createTestHost, type TestHost, okValue } from './test-host'

const TOKEN = 'correct horse battery staple'

let host: TestHost | undefined
afterEach(async () => {
  await host?.dispose()
  host = undefined
})

async function started(options: Parameters<typeof createTestHost>[0] = {}): Promise<TestHost> {
  host = createTestHost(options)
  await host.start()
  return host
}


/** The command lines of the audit (its channel lines, e.g. the admin session's console.auth, are hostile-audit.test.ts's). */
async function auditLines(h: TestHost, count: number): Promise<AuditLine[]> {
  let lines: AuditLine[] = []
  await vi.waitFor(async () => {
    const text = await readFile(h.auditPath, 'utf8').catch(() => '')
    lines = text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as AuditLine)
      .filter((l) => l.kind === 'command')
    expect(lines.length).toBeGreaterThanOrEqual(count)
  })
  return lines
}

async function hungerOf(h: TestHost, agent: string): Promise<number> {
  const decoded = decodeObserverFrame(null, okValue<ObserverFull>(await h.call('observer.full')))
  if (!decoded.ok) throw new Error(decoded.error)
  const row = decoded.frame.agents.find((a) => a.id === agent)
  if (!row) throw new Error(`no agent ${agent}`)
  return row.hunger
}

describe('console sessions and roles', () => {
  it('starts every session as a viewer and says when no admin token is configured', async () => {
    const h = await started({ env: {} })
    expect(okValue<ConsoleSession>(await h.call('console.session'))).toEqual({ role: 'viewer', admin_available: false, issuer: 'test' })
    const refused = await h.call('console.auth', { token: 'anything' })
    expect(!refused.ok && refused.error).toMatchObject({ code: 'console.unauthorized', message: expect.stringContaining('TOWNLET_ADMIN_TOKEN') })
  })

  it('refuses a wrong token, grants admin for the right one, per session, and null goes back to viewer', async () => {
    const h = await started({ env: { TOWNLET_ADMIN_TOKEN: TOKEN } })
    expect(okValue<ConsoleSession>(await h.call('console.session'))).toMatchObject({ role: 'viewer', admin_available: true })
    const wrong = await h.call('console.auth', { token: 'guess' })
    expect(!wrong.ok && wrong.error).toMatchObject({ code: 'console.unauthorized', message: expect.stringContaining('stays a viewer') })
    expect(okValue<ConsoleSession>(await h.call('console.session')).role).toBe('viewer')
    expect(okValue<ConsoleSession>(await h.call('console.auth', { token: TOKEN })).role).toBe('admin')
    expect(okValue<ConsoleSession>(await h.callAs('other', 'console.session')).role).toBe('viewer')
    // A wrong token later leaves the admin an admin.
    expect((await h.call('console.auth', { token: 'guess' })).ok).toBe(false)
    expect(okValue<ConsoleSession>(await h.call('console.session')).role).toBe('admin')
    expect(okValue<ConsoleSession>(await h.call('console.auth', { token: null })).role).toBe('viewer')
  })

  it('reads the admin token once from the file named when the host starts (relative to its working folder)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-token-'))
    await writeFile(join(dir, 'admin.token'), 'file-token\n')
    const h = await started({ env: {}, cwd: dir, admin: { tokenFile: 'admin.token' } })
    expect(okValue<ConsoleSession>(await h.call('console.session')).admin_available).toBe(true)
    // Read once: changing the file later changes nothing for this run.
    await writeFile(join(dir, 'admin.token'), 'another-token\n')
    expect((await h.call('console.auth', { token: 'another-token' })).ok).toBe(false)
    expect(okValue<ConsoleSession>(await h.call('console.auth', { token: 'file-token' })).role).toBe('admin')
  })

  it('refuses to start when the named token file cannot be read, rather than run without admin', async () => {
    host = createTestHost({ env: {}, admin: { tokenFile: join(tmpdir(), 'no-such-townlet.token') } })
    await expect(host.start()).rejects.toThrow(/admin token file .* does not exist/)
  })

  it('lists every command with its role, arguments and help', async () => {
    const h = await started()
    const commands = okValue<CommandInfo[]>(await h.call('console.commands'))
    const byName = Object.fromEntries(commands.map((c) => [c.name, c]))
    expect(byName.setneed).toMatchObject({ role: 'admin', destructive: false, args: [{ name: 'agent', required: true }, { name: 'need' }, { name: 'value' }] })
    expect(byName.kill).toMatchObject({ role: 'admin', destructive: true })
    expect(byName.telemetry_snapshot).toMatchObject({ role: 'viewer' })
  })
})

describe('console commands through the real worker', () => {
  it('refuses setneed to a viewer, applies it for an admin at the next tick, and audits every command once', async () => {
    const h = await started({ env: { TOWNLET_ADMIN_TOKEN: TOKEN } })
    const before = await hungerOf(h, 'alice')

    const forbidden = okValue<ConsoleResult>(await h.call('console.run', { name: 'setneed', args: { agent: 'alice', need: 'hunger', value: 0.05 } }))
    expect(forbidden).toMatchObject({ status: 'error', role: 'viewer', issuer: 'test', error: { code: 'console.forbidden' } })
    await h.waitFor('console.result', (r: ConsoleResult) => r.cmd_id === forbidden.cmd_id)

    okValue(await h.call('console.auth', { token: TOKEN }))
    const queued = okValue<ConsoleResult>(await h.call('console.run', { name: 'setneed', args: { agent: 'alice', need: 'hunger', value: 0.05 }, cmd_id: 'hunger-1' }))
    expect(queued).toMatchObject({ status: 'queued', cmd_id: 'hunger-1', role: 'admin', tick: 1 })
    expect(await hungerOf(h, 'alice')).toBe(before)

    okValue(await h.admin('shard.step', { ticks: 1 }))
    const final = (await h.waitFor('console.result', (r: ConsoleResult) => r.cmd_id === 'hunger-1')) as ConsoleResult
    expect(final).toMatchObject({ status: 'ok', tick: 1, name: 'setneed', result: { agent_id: 'alice', need: 'hunger', value: 0.05 } })
    expect(await hungerOf(h, 'alice')).toBeLessThan(0.06)

    // A replay is answered from the cache; a read-only command at once.
    expect(okValue<ConsoleResult>(await h.call('console.run', { name: 'setneed', args: { agent: 'alice', need: 'hunger', value: 0.05 }, cmd_id: 'hunger-1' }))).toMatchObject({ status: 'ok', replayed: true })
    expect(okValue<ConsoleResult>(await h.call('console.run', { name: 'help', args: { command: 'setnee' } }))).toMatchObject({ status: 'error', error: { code: 'console.unknown_command' } })

    const lines = await auditLines(h, 4)
    expect(lines).toHaveLength(4)
    expect(lines.map((l) => [l.command, l.status, l.role, l.replayed])).toEqual([
      ['setneed', 'error', 'viewer', false],
      ['setneed', 'ok', 'admin', false],
      ['setneed', 'ok', 'admin', true],
      ['help', 'error', 'admin', false]
    ])
    expect(lines[0]).toMatchObject({ issuer: 'test', args: { agent: 'alice', need: 'hunger', value: 0.05 }, error: { code: 'console.forbidden' } })
    expect(lines[1]).toMatchObject({ cmd_id: 'hunger-1', tick: 1, result: { value: 0.05 } })
    expect(new Date(lines[0]!.time).toISOString()).toBe(lines[0]!.time)
    // One console.result event per command, too.
    expect(h.received.filter((e) => e.name === 'console.result')).toHaveLength(4)
  })

  it('finalises queued commands with an error when a new config replaces the town', async () => {
    const h = await started({ env: { TOWNLET_ADMIN_TOKEN: TOKEN } })
    okValue(await h.call('console.auth', { token: TOKEN }))
    expect(okValue<ConsoleResult>(await h.call('console.run', { name: 'utility', args: { utility: 'water', on: false }, cmd_id: 'outage-1' })).status).toBe('queued')
    okValue(await h.admin('config.load', { path: 'configs/default.yaml' }))
    const final = (await h.waitFor('console.result', (r: ConsoleResult) => r.cmd_id === 'outage-1')) as ConsoleResult
    expect(final).toMatchObject({ status: 'error', error: { code: 'console.conflict', message: expect.stringContaining('never applied') } })
    const lines = await auditLines(h, 1)
    expect(lines).toHaveLength(1)
  })

  it('audits a command the shard could not take, and keeps going when the audit file cannot be written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-audit-'))
    await writeFile(join(dir, 'blocker'), 'a file where the folder should be')
    const logs: string[] = []
    const h = await started({ testHooks: true, auditPath: join(dir, 'blocker', 'audit.jsonl'), log: (e) => logs.push(e.message) })
    okValue(await h.admin('debug.crash-worker'))
    await h.waitFor('loop.failure')
    const refused = okValue<ConsoleResult>(await h.call('console.run', { name: 'help', args: {} }))
    expect(refused).toMatchObject({ status: 'error', error: { code: 'shard.failed' } })
    await vi.waitFor(() => expect(logs.some((m) => m.includes('could not append to the console audit log'))).toBe(true))
    expect(okValue<{ tick: number }>(await h.admin('shard.restart')).tick).toBe(0)
  })
})
