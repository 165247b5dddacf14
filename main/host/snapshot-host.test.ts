/**
 * Snapshots through the contract, against the real host and worker: save, change the town, load
 * it back; a refused load leaves the town as it was and tells every client; a migration writes a
 * new file and leaves the source alone; a crash offers the newest autosave, and a restart from it
 * brings that town back.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { LogEntry, LoopFailure } from '../../shared/contract/dto/events'
import type { ShardStatus } from '../../shared/contract/dto/shard-status'
import type { MigrationPreview, SnapshotEntry, SnapshotList, SnapshotVerdict } from '../../shared/contract/dto/snapshots'
import { encodeSnapshot } from '../snapshots/snapshot-codec'
import { realDocument } from '../snapshots/testing/snapshot-fixtures'
import { createTestHost, okValue, type TestHost } from './test-host'

let host: TestHost | undefined
afterEach(async () => {
  await host?.dispose()
  host = undefined
})

/** A host whose working folder (and so its storage root, `snapshots`) is a fresh temp folder. */
async function started(testHooks = false): Promise<{ h: TestHost; root: string; base: string }> {
  const base = await mkdtemp(join(tmpdir(), 'townlet-snap-host-'))
  host = createTestHost({ cwd: base, testHooks })
  await host.start()
  return { h: host, root: join(base, 'snapshots'), base }
}

const tick = async (h: TestHost) => okValue<ShardStatus>(await h.call('shard.status')).tick

describe('snapshots through the host and a real worker', () => {
  it('saves, loads back after changes, and refuses a changed file leaving the town as it was', async () => {
    const { h, root } = await started()
    okValue(await h.admin('shard.step', { ticks: 20 }))
    const entry = okValue<SnapshotEntry>(await h.admin('snapshot.save', { gzip: true, label: 'noon' }))
    expect(entry).toMatchObject({ tick: 20, gzip: true, config_id: 'default', integrity: { ok: true } })
    await h.waitFor('snapshot.changed', (p: { reason: string }) => p.reason === 'saved')
    expect(okValue<ShardStatus>(await h.call('shard.status')).last_snapshot).toMatchObject({ name: entry.name, action: 'saved', tick: 20, identity: { rng: { world: expect.stringMatching(/^[0-9a-f]{16}$/) } } })
    const list = okValue<SnapshotList>(await h.call('snapshot.list'))
    expect(list.snapshots.map((e) => e.name)).toEqual([entry.name])
    expect(okValue<SnapshotVerdict>(await h.call('snapshot.validate', { name: entry.name, strict: true })).verdict).toBe('ok')

    okValue(await h.admin('shard.step', { ticks: 15 }))
    const second = okValue<SnapshotEntry>(await h.admin('snapshot.save', {}))
    const diff = okValue<{ sections: { section: string; changed: number }[] }>(await h.call('snapshot.diff', { a: entry.name, b: second.name }))
    expect(diff.sections.find((s) => s.section === 'agents')!.changed).toBeGreaterThan(0)

    const loaded = okValue<ShardStatus>(await h.admin('snapshot.load', { name: entry.name }))
    expect(loaded).toMatchObject({ state: 'paused', tick: 20, last_snapshot: { name: entry.name, action: 'loaded' } })
    expect(await tick(h)).toBe(20)

    // A changed byte inside the state: refused with its code, the town untouched, every client told.
    const bytes = JSON.parse(await readFile(join(root, second.name), 'utf8')) as { state: { world: { tick: number } } }
    bytes.state.world.tick = 3
    await writeFile(join(root, 'tampered.json'), JSON.stringify(bytes))
    const refused = await h.admin('snapshot.load', { name: 'tampered.json' })
    expect(!refused.ok && refused.error.code).toBe('snapshot.integrity')
    expect(await tick(h)).toBe(20)
    await h.waitFor('log.entry', (e: LogEntry) => e.level === 'error' && e.message.includes('tampered.json') && e.message.includes('unchanged'))
    // A viewer reads, and only reads.
    expect(okValue<SnapshotList>(await h.callAs('viewer', 'snapshot.list')).snapshots.length).toBe(3)
    const viewerLoad = await h.callAs('viewer', 'snapshot.load', { name: entry.name })
    expect(!viewerLoad.ok && viewerLoad.error.code).toBe('ipc.forbidden_role')
    const outside = await h.admin('snapshot.inspect', { name: '../escape.json' })
    expect(!outside.ok && outside.error.code).toBe('ipc.invalid_payload')
  }, 60_000)

  it('migrates a snapshot of an older config into a new file, the source unchanged, and tells the operator', async () => {
    const { h, root } = await started()
    okValue(await h.call('snapshot.list'))
    const source = encodeSnapshot(await realDocument('default-v1.yaml', 12))
    await mkdir(root, { recursive: true })
    await writeFile(join(root, 'old-town.json'), source)
    const verdict = okValue<SnapshotVerdict>(await h.call('snapshot.validate', { name: 'old-town.json' }))
    expect(verdict).toMatchObject({ verdict: 'refused', reasons: [{ code: 'snapshot.migration_required' }], required_migrations: ['default-v1-to-default'] })
    const preview = okValue<MigrationPreview>(await h.call('snapshot.migrate-preview', { name: 'old-town.json' }))
    expect(preview).toMatchObject({ source: 'old-town.json', target_config_id: 'default', chain: [{ id: 'default-v1-to-default' }] })
    const migrated = okValue<SnapshotEntry>(await h.admin('snapshot.migrate', { name: 'old-town.json' }))
    expect(migrated).toMatchObject({ config_id: 'default', tick: 12, integrity: { ok: true } })
    expect(migrated.name).not.toBe('old-town.json')
    expect((await readFile(join(root, 'old-town.json'))).equals(source)).toBe(true)
    await h.waitFor('snapshot.changed', (p: { reason: string }) => p.reason === 'migrated')
    await h.waitFor('log.entry', (e: LogEntry) => e.level === 'warn' && e.message.includes('migrated') && e.message.includes('default-v1-to-default'))
    expect(okValue<ShardStatus>(await h.admin('snapshot.load', { name: migrated.name }))).toMatchObject({ tick: 12, last_snapshot: { action: 'loaded' } })
  }, 60_000)

  it('offers the newest autosave on a crash, and a restart from it brings that town back', async () => {
    const { h, base } = await started(true)
    await writeFile(join(base, 'town.yaml'), 'config_id: autosaved\nseed: 5\nsnapshot:\n  autosave: { cadence_ticks: 100, retain: 2 }\n')
    okValue(await h.admin('config.load', { path: join(base, 'town.yaml') }))
    okValue(await h.admin('shard.step', { ticks: 130 }))
    await h.waitFor('snapshot.changed', (p: { reason: string }) => p.reason === 'autosaved')
    okValue(await h.admin('shard.step', { ticks: 20 }))
    okValue(await h.admin('debug.crash-worker'))
    const failure = (await h.waitFor('loop.failure')) as LoopFailure
    // Checked after every step chunk: the first boundary at or past tick 100.
    const at = Number(/^autosave-(\d+)-[0-9a-f]{8}\.json$/.exec(failure.autosave ?? '')?.[1])
    expect(at).toBeGreaterThanOrEqual(100)
    expect(at).toBeLessThanOrEqual(130)
    const restarted = okValue<ShardStatus>(await h.admin('shard.restart', { snapshot: failure.autosave }))
    expect(restarted).toMatchObject({ state: 'paused', tick: at, restarts: 1, config: { config_id: 'autosaved' }, last_snapshot: { name: failure.autosave, action: 'loaded' } })
    // A snapshot that is not there: the fresh town runs on, and the error says so.
    const missing = await h.admin('shard.restart', { snapshot: 'gone.json' })
    expect(!missing.ok && missing.error).toMatchObject({ code: 'snapshot.not_found', message: expect.stringContaining('restarted with a fresh town') })
    expect(await tick(h)).toBe(0)
  }, 60_000)
})
