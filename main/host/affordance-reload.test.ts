/** Hot reload of the affordance registry through a real host and worker, with real files. */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { LogEntry } from '../../shared/contract/dto/events'
import type { ShardStatus } from '../../shared/contract/dto/shard-status'
import { createTestHost, repoRoot, type TestHost, okValue } from './test-host'

const CORE = readFileSync(join(repoRoot, 'configs/affordances/core.yaml'), 'utf8')
const DEFAULT = readFileSync(join(repoRoot, 'configs/default.yaml'), 'utf8')

let host: TestHost | undefined
let dir: string | undefined
afterEach(async () => {
  await host?.dispose()
  host = undefined
  if (dir) await rm(dir, { recursive: true, force: true })
  dir = undefined
})

/** A temp folder with `shard.yaml` (the default town) naming `registry.yaml` (a copy of core). */
async function files(): Promise<{ config: string; registry: string }> {
  dir = await mkdtemp(join(tmpdir(), 'townlet-reload-'))
  const config = join(dir, 'shard.yaml')
  const registry = join(dir, 'registry.yaml')
  expect(DEFAULT).toContain('file: affordances/core.yaml')
  await writeFile(config, DEFAULT.replace('config_id: default', 'config_id: reload').replace('file: affordances/core.yaml', 'file: registry.yaml'))
  await writeFile(registry, CORE)
  return { config, registry }
}

/** Save as an editor would: a temp file renamed over the original. */
async function save(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text)
  await rename(`${path}.tmp`, path)
}

const logs = (h: TestHost, match: (e: LogEntry) => boolean): LogEntry[] =>
  h.received.filter((e) => e.name === 'log.entry').map((e) => e.payload as LogEntry).filter(match)

async function until(check: () => boolean, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 25))
  }
}

const reloaded = (e: LogEntry) => e.level === 'info' && e.source === 'host' && e.message.startsWith('affordances reloaded from')


describe('affordance hot reload', () => {
  it('reloads a good edit into the running shard, and a restart keeps the reloaded registry', async () => {
    const { config, registry } = await files()
    host = createTestHost({ initialConfigPath: config })
    await host.start()
    await host.waitFor('log.entry', (e: LogEntry) => e.message.startsWith('watching') && e.message.includes(registry))
    await host.admin('shard.step', { ticks: 3 })

    await save(registry, CORE.replace('duration: 15', 'duration: 30'))
    const entry = (await host.waitFor('log.entry', reloaded)) as LogEntry
    expect(entry.message).toMatch(new RegExp(`^affordances reloaded from ${registry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 4 affordances, sha256 [0-9a-f]{12}$`))
    expect(okValue<ShardStatus>(await host.admin('shard.step', { ticks: 5 }))).toMatchObject({ tick: 8, config: { config_id: 'reload' } })

    // The restart starts from the reloaded registry: its catch-up check finds nothing to reload.
    expect(okValue<ShardStatus>(await host.admin('shard.restart'))).toMatchObject({ tick: 0, restarts: 1 })
    await host.admin('shard.step', { ticks: 1 })
    // Still watching after the restart. Reverting to the original file is a change only if the
    // restarted shard runs the reloaded registry (the last good config's), as it must.
    await writeFile(registry, CORE)
    const shaOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12)
    await until(() => logs(host!, reloaded).some((e) => e.message.endsWith(shaOf(CORE))))
    await host.admin('shard.step', { ticks: 1 })
    // Exactly one reload per edit: none re-sent by the restart, none repeated for the same content.
    expect(logs(host, reloaded).map((e) => e.message.slice(-12))).toEqual([shaOf(CORE.replace('duration: 15', 'duration: 30')), shaOf(CORE)])
    expect(logs(host, (e) => e.level === 'warn' || e.level === 'error')).toEqual([])
  })

  it('keeps the live registry on a bad edit, with every problem and its line in a warn log', async () => {
    const { config, registry } = await files()
    host = createTestHost()
    await host.start()
    okValue(await host.admin('config.load', { path: config }))
    await host.waitFor('log.entry', (e: LogEntry) => e.message.startsWith('watching'))

    await save(registry, CORE.replace('agent.wallet >= economy.meal_cost', 'agent.wallet >=').replace('object_type: stove', 'object_type: stov'))
    const warn = (await host.waitFor('log.entry', (e: LogEntry) => e.level === 'warn')) as LogEntry
    expect(warn.source).toBe('host')
    expect(warn.message).toContain('the previous registry stays live')
    expect(warn.message).toContain('2 problems')
    expect(warn.message).toMatch(new RegExp(`registry\\.yaml: affordances\\.0\\.preconditions\\.0 \\(line 22:\\d+\\): precondition "agent.wallet >=" does not parse`))
    expect(warn.message).toMatch(/registry\.yaml: affordances\.1\.object_type \(line 29:\d+\): unknown object type "stov": did you mean "stove"\?/)
    expect(logs(host, reloaded)).toEqual([])
    expect(okValue<ShardStatus>(await host.admin('shard.step', { ticks: 2 })).tick).toBe(2)

    // Fixing the file reloads it.
    await save(registry, CORE.replace('duration: 15', 'duration: 16'))
    await host.waitFor('log.entry', reloaded)
  })

  it('refuses a registry that drops an object type the map uses, naming it', async () => {
    const { config, registry } = await files()
    host = createTestHost({ initialConfigPath: config })
    await host.start()
    await host.waitFor('log.entry', (e: LogEntry) => e.message.startsWith('watching'))
    const withoutShower = CORE.replace(/^ {2}shower: \{\}\n/m, '').replace(/\n {2}- id: use_shower[\s\S]*?(?=\n {2}- id:)/, '')
    await save(registry, withoutShower)
    const warn = (await host.waitFor('log.entry', (e: LogEntry) => e.level === 'warn')) as LogEntry
    expect(warn.message).toMatch(/refused by the shard: .*lacks object type "shower", which the map uses/)
    expect(warn.message).toContain('the previous affordance registry stays live')
    expect(logs(host, reloaded)).toEqual([])
    expect(okValue<ShardStatus>(await host.admin('shard.step', { ticks: 1 })).tick).toBe(1)
    // Reverting the file is acknowledged, not reloaded.
    await save(registry, CORE)
    await host.waitFor('log.entry', (e: LogEntry) => e.level === 'info' && e.message.includes('matches the live registry again'))
    expect(logs(host, reloaded)).toEqual([])
  })

  it('stops watching when another config is loaded', async () => {
    const { config, registry } = await files()
    host = createTestHost({ initialConfigPath: config })
    await host.start()
    await host.waitFor('log.entry', (e: LogEntry) => e.message.startsWith('watching'))
    const other = join(dir!, 'other.yaml')
    await writeFile(other, 'config_id: other\nseed: 1\n')
    okValue(await host.admin('config.load', { path: other }))
    await writeFile(registry, CORE.replace('duration: 15', 'duration: 30'))
    // A negative check needs a bounded wait: well past the debounce and a reload's round trip.
    await new Promise((r) => setTimeout(r, 800))
    expect(logs(host, (e) => e.message.includes(registry) && !e.message.startsWith('watching'))).toEqual([])
  })

  it('does not watch the embedded default', async () => {
    host = createTestHost()
    await host.start()
    await host.admin('shard.step', { ticks: 1 })
    expect(logs(host, (e) => e.message.startsWith('watching'))).toEqual([])
  })
})
