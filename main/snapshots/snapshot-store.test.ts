/**
 * The storage root on real files: saves are atomic and never overwrite (a taken name gets a
 * suffix, the same bytes are one file, no temp stays behind), listings carry metadata and
 * integrity for good, damaged, legacy, huge and linked-out files, pruning keeps the newest
 * autosaves and never a manual save, and every path is held inside the workspace.
 */
import { mkdir, mkdtemp, readdir, readFile, symlink, truncate, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { Workspace } from '../fs/workspace'
import { decodeSnapshot } from './snapshot-codec'
import type { SnapshotDocument } from './snapshot-document'
import { readSnapshotBytes } from './snapshot-files'
import { SnapshotStore } from './snapshot-store'
import { realDocument } from './testing/snapshot-fixtures'

let docs: SnapshotDocument[]
beforeAll(async () => {
  docs = await Promise.all([10, 20, 30, 40, 50].map((t) => realDocument('default.yaml', t)))
})

/** A workspace folder of its own, and a folder beside it that is outside. */
async function sandbox() {
  const top = await mkdtemp(join(tmpdir(), 'townlet-store-'))
  const ws = join(top, 'ws')
  const outside = join(top, 'outside')
  await mkdir(ws)
  await mkdir(outside)
  const files = { workspace: await Workspace.create([{ name: 'workspace', path: ws }]), base: ws }
  return { ws, outside, files }
}

async function openStore(files: Awaited<ReturnType<typeof sandbox>>['files'], root = 'snapshots') {
  const s = await SnapshotStore.open(files, root)
  if (!s.ok) throw new Error(s.error.message)
  return s.value
}

describe('snapshot store', () => {
  it('saves atomically under snapshot-<tick>-<id>, never overwriting, leaving no temp', async () => {
    const { ws, files } = await sandbox()
    const store = await openStore(files)
    const doc = docs[0]!
    const saved = await store.save(doc)
    expect(saved).toMatchObject({ name: `snapshot-10-${doc.checksum.slice(0, 8)}.json`, written: true })
    expect(decodeSnapshot(await readFile(saved.path))).toEqual({ ok: true, value: doc })
    // The same bytes again: the same file, not a second one.
    expect(await store.save(doc)).toMatchObject({ name: saved.name, written: false })
    // Another file already holds the name: the new one gets a suffix, the old one stays.
    const gzName = `snapshot-10-${doc.checksum.slice(0, 8)}.json.gz`
    await writeFile(join(ws, 'snapshots', gzName), 'someone else')
    const second = await store.save(doc, { gzip: true })
    expect(second.name).toBe(`snapshot-10-${doc.checksum.slice(0, 8)}-2.json.gz`)
    expect(await readFile(join(ws, 'snapshots', gzName), 'utf8')).toBe('someone else')
    expect(decodeSnapshot(await readFile(second.path)).ok).toBe(true)
    expect((await readdir(join(ws, 'snapshots'))).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('never writes through a link that holds the name', async () => {
    const { ws, outside, files } = await sandbox()
    const store = await openStore(files)
    const doc = docs[1]!
    const name = `snapshot-20-${doc.checksum.slice(0, 8)}.json`
    await writeFile(join(outside, 'victim.json'), 'keep me')
    await symlink(join(outside, 'victim.json'), join(ws, 'snapshots', name))
    const saved = await store.save(doc)
    expect(saved.name).not.toBe(name)
    expect(await readFile(join(outside, 'victim.json'), 'utf8')).toBe('keep me')
  })

  it('lists every snapshot with its metadata and integrity, newest first', async () => {
    const { ws, outside, files } = await sandbox()
    const store = await openStore(files)
    const dir = join(ws, 'snapshots')
    const a = await store.save(docs[0]!)
    const b = await store.save(docs[1]!, { gzip: true, autosave: true })
    await utimes(a.path, 1000, 1000)
    const good = await readFile(a.path, 'utf8')
    await writeFile(join(dir, 'edited.json'), good.replace('"tick":10', '"tick":11'))
    await writeFile(join(dir, 'cut.json'), good.slice(0, 100))
    await writeFile(join(dir, 'legacy.json'), JSON.stringify({ schema_version: '1.6', state: { config_id: 'old_town', tick: 77, agents: {} } }))
    await writeFile(join(outside, 'secret.json'), good)
    await symlink(join(outside, 'secret.json'), join(dir, 'linked.json'))
    await writeFile(join(dir, 'huge.json'), '')
    await truncate(join(dir, 'huge.json'), 2 * 1024 * 1024 * 1024)
    await writeFile(join(dir, '.hidden.json'), good)
    await writeFile(join(dir, 'notes.txt'), 'x')
    const list = await store.list()
    const by = Object.fromEntries(list.map((e) => [e.name, e]))
    expect(Object.keys(by).sort()).toEqual([a.name, b.name, 'cut.json', 'edited.json', 'huge.json', 'legacy.json', 'linked.json'].sort())
    expect(list[list.length - 1]!.name).toBe(a.name)
    expect(by[a.name]).toMatchObject({ tick: 10, config_id: 'default', schema_version: '2.0', gzip: false, autosave: false, kind: 'snapshot', integrity: { ok: true } })
    expect(by[b.name]).toMatchObject({ tick: 20, gzip: true, autosave: true, integrity: { ok: true } })
    expect(by['edited.json']).toMatchObject({ kind: 'unreadable', tick: 10, config_id: 'default', integrity: { ok: false, problem: { code: 'snapshot.integrity' } } })
    expect(by['cut.json']).toMatchObject({ kind: 'unreadable', tick: null, integrity: { ok: false, problem: { code: 'snapshot.invalid' } } })
    expect(by['legacy.json']).toMatchObject({ kind: 'legacy', tick: 77, config_id: 'old_town', schema_version: '1.6', integrity: { ok: false, problem: { code: 'snapshot.schema_mismatch' } } })
    expect(by['linked.json']).toMatchObject({ kind: 'unreadable', integrity: { ok: false, problem: { code: 'snapshot.outside_workspace' } } })
    expect(by['huge.json']).toMatchObject({ kind: 'unreadable', integrity: { ok: false, problem: { code: 'snapshot.too_large' } } })
  })

  it('keeps the newest `retain` autosaves and never prunes a manual save', async () => {
    const { ws, files } = await sandbox()
    const store = await openStore(files)
    const manual = await store.save(docs[0]!)
    await utimes(manual.path, 1, 1)
    const names: string[] = []
    for (const [i, doc] of docs.entries()) {
      const { saved, pruned } = await store.autosave(doc, 2)
      await utimes(saved.path, 100 + i, 100 + i)
      names.push(saved.name)
      expect(pruned.length).toBe(i >= 2 ? 1 : 0)
    }
    const left = (await readdir(join(ws, 'snapshots'))).sort()
    expect(left).toEqual([manual.name, names[3]!, names[4]!].sort())
  })

  it('holds the storage root and every loaded path inside the workspace', async () => {
    const { ws, outside, files } = await sandbox()
    expect(await SnapshotStore.open(files, '../outside')).toMatchObject({ ok: false, error: { code: 'snapshot.outside_workspace' } })
    expect(await SnapshotStore.open(files, outside)).toMatchObject({ ok: false, error: { code: 'snapshot.outside_workspace' } })
    expect((await readdir(join(ws, '..'))).sort()).toEqual(['outside', 'ws'])
    await symlink(outside, join(ws, 'escape'))
    expect(await SnapshotStore.open(files, 'escape')).toMatchObject({ ok: false, error: { code: 'snapshot.outside_workspace' } })

    const store = await openStore(files, 'nested/snaps')
    const saved = await store.save(docs[2]!)
    expect(await store.load(saved.name)).toMatchObject({ ok: true, value: { doc: { tick: 30 } } })
    expect(await store.load(`nested/snaps/${saved.name}`)).toMatchObject({ ok: true })
    expect(await store.load('missing.json')).toMatchObject({ ok: false, error: { code: 'snapshot.not_found' } })
    await writeFile(join(outside, 'x.json'), await readFile(saved.path))
    expect(await store.load(join(outside, 'x.json'))).toMatchObject({ ok: false, error: { code: 'snapshot.outside_workspace' } })
    expect(await store.load('../outside/x.json')).toMatchObject({ ok: false, error: { code: 'snapshot.outside_workspace' } })
    await symlink(join(outside, 'x.json'), join(store.dir, 'link.json'))
    expect(await store.load('link.json')).toMatchObject({ ok: false, error: { code: 'snapshot.outside_workspace' } })
    expect(await store.load('nested')).toMatchObject({ ok: false, error: { code: 'snapshot.invalid' } })
  })

  it('refuses a 2 GB file from its size, before reading it', async () => {
    const { ws, files } = await sandbox()
    const big = join(ws, 'big.json.gz')
    await writeFile(big, '')
    await truncate(big, 2 * 1024 * 1024 * 1024)
    const started = Date.now()
    const r = await readSnapshotBytes('big.json.gz', files)
    expect(r).toMatchObject({ ok: false, error: { code: 'snapshot.too_large' } })
    expect(Date.now() - started).toBeLessThan(1000)
  })
})
