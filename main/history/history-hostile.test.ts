import Database from 'better-sqlite3'
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PolicyIdentity } from '../../shared/contract/dto/policy'
import { Workspace } from '../fs/workspace'
import { resolveHistoryPath } from './history-path'
import { HISTORY_APPLICATION_ID } from './history-schema'
import { RunHistory } from './run-history'

const SCRIPTED: PolicyIdentity = { backend: 'scripted', policy_hash: null, model: 'scripted', execution_provider: null, observation_variant: 'full', anneal_ratio: 1, option_set: ['idle'] }

let dir: string
let outside: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-hostile-'))
  outside = await mkdtemp(join(tmpdir(), 'history-outside-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await rm(outside, { recursive: true, force: true })
})

/** A history file with one run of `windows` windows, closed cleanly (the WAL checkpointed into the file). */
async function filled(name: string, windows: number): Promise<string> {
  const path = join(dir, name)
  const store = await RunHistory.open(path, { write: true })
  if (!store.ok) throw new Error(store.error.message)
  const id = store.value.beginRun({ started_ms: 1, config_id: 'default', config_sha256: 'b'.repeat(64), seed: 1, agents: 8, policy: SCRIPTED, start_tick: 0 })
  if (!id.ok) throw new Error(id.error.message)
  const alert = { name: 'x', severity: 'warn' as const, message: 'y'.repeat(400), tick: 1, priority: false }
  store.value.addBatch(id.value, Array.from({ length: windows }, (_, i) => ({ from_tick: i, to_tick: i + 1, kpis: null, alerts: [alert] })), [])
  store.value.close()
  return path
}

const both = async (path: string) => [await RunHistory.open(path, { write: false }), await RunHistory.open(path, { write: true })]

describe('history files that are not what they say', () => {
  it('refuses a text file named .sqlite, for reading and for writing, and leaves it untouched', async () => {
    const path = join(dir, 'notes.sqlite')
    await writeFile(path, 'these are my notes, not a database\n'.repeat(40))
    for (const opened of await both(path)) expect(opened).toMatchObject({ ok: false, error: { code: 'history.unusable', message: expect.stringContaining('not an SQLite database') } })
    expect(await readFile(path, 'utf8')).toContain('my notes')
  })

  it('refuses a short file and an empty one for reading (an empty one becomes a new history when written)', async () => {
    await writeFile(join(dir, 'short.sqlite'), 'SQLite format 3\0')
    expect(await RunHistory.open(join(dir, 'short.sqlite'), { write: false })).toMatchObject({ ok: false, error: { code: 'history.unusable' } })
    await writeFile(join(dir, 'empty.sqlite'), '')
    expect(await RunHistory.open(join(dir, 'empty.sqlite'), { write: false })).toMatchObject({ ok: false, error: { code: 'history.unusable', message: expect.stringContaining('empty') } })
    const written = await RunHistory.open(join(dir, 'empty.sqlite'), { write: true })
    expect(written.ok).toBe(true)
    if (written.ok) written.value.close()
  })

  it('refuses a truncated history with a code, whatever is read', async () => {
    const path = await filled('truncated.sqlite', 400)
    const size = (await readFile(path)).length
    expect(size).toBeGreaterThan(8192)
    await truncate(path, 6000)
    const outcomes = []
    const reader = await RunHistory.open(path, { write: false })
    if (!reader.ok) outcomes.push(reader.error.code)
    else {
      const list = reader.value.listRuns()
      const shown = reader.value.showRun(1)
      outcomes.push(list.ok ? 'ok' : list.error.code, shown.ok ? 'ok' : shown.error.code)
      reader.value.close()
    }
    // Something in the file is gone: at least one read says so by code, none throws.
    expect(outcomes.some((c) => c === 'history.unusable')).toBe(true)
    expect(outcomes.every((c) => c === 'ok' || c === 'history.unusable')).toBe(true)
  })

  it('refuses garbage past a valid header', async () => {
    const path = await filled('garbled.sqlite', 50)
    const bytes = await readFile(path)
    for (let i = 100; i < bytes.length; i++) bytes[i] = (i * 131) & 0xff
    await writeFile(path, bytes)
    for (const opened of await both(path)) {
      if (opened.ok) {
        expect(opened.value.listRuns()).toMatchObject({ ok: false, error: { code: 'history.unusable' } })
        opened.value.close()
      } else expect(opened.error.code).toBe('history.unusable')
    }
  })

  it("refuses another program's SQLite database and leaves it alone", async () => {
    const path = join(dir, 'other.sqlite')
    const other = new Database(path)
    other.exec('CREATE TABLE contacts (name TEXT)')
    other.close()
    for (const opened of await both(path)) expect(opened).toMatchObject({ ok: false, error: { code: 'history.unusable', message: expect.stringContaining('another program') } })
    const check = new Database(path, { readonly: true })
    expect(check.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all()).toEqual([{ name: 'contacts' }])
    check.close()
  })

  it('refuses a history from a newer townlet', async () => {
    const path = await filled('newer.sqlite', 1)
    const raw = new Database(path)
    raw.prepare('UPDATE schema_version SET version = 99').run()
    raw.close()
    for (const opened of await both(path)) expect(opened).toMatchObject({ ok: false, error: { code: 'history.too_new', message: expect.stringContaining('99') } })
    // Our application id stays: this is still a townlet history, just a newer one.
    const check = new Database(path, { readonly: true })
    expect(check.pragma('application_id', { simple: true })).toBe(HISTORY_APPLICATION_ID)
    check.close()
  })

  it('refuses a folder, and a missing file for reading', async () => {
    await mkdir(join(dir, 'folder.sqlite'))
    for (const opened of await both(join(dir, 'folder.sqlite'))) expect(opened).toMatchObject({ ok: false, error: { code: 'history.unusable' } })
    expect(await RunHistory.open(join(dir, 'nope.sqlite'), { write: false })).toMatchObject({ ok: false, error: { code: 'history.not_found' } })
  })
})

describe('history paths stay inside the workspace', () => {
  it('refuses a path outside, a link pointing outside and a NUL, before anything is opened', async () => {
    const workspace = await Workspace.create([{ name: 'workspace', path: dir }])
    const files = { workspace, base: dir }
    for (const write of [false, true]) {
      expect(await resolveHistoryPath(join(outside, 'runs.sqlite'), files, { write })).toMatchObject({ ok: false, error: { code: 'fs.outside_workspace' } })
      expect(await resolveHistoryPath('../x/runs.sqlite', files, { write })).toMatchObject({ ok: false, error: { code: 'fs.outside_workspace' } })
      expect(await resolveHistoryPath('a\0b', files, { write })).toMatchObject({ ok: false, error: { code: 'history.unusable' } })
    }
    await writeFile(join(outside, 'target.sqlite'), '')
    await symlink(join(outside, 'target.sqlite'), join(dir, 'link.sqlite'))
    expect(await resolveHistoryPath('link.sqlite', files, { write: true })).toMatchObject({ ok: false, error: { code: 'fs.outside_workspace' } })
    expect(await resolveHistoryPath('new.sqlite', files, { write: true })).toEqual({ ok: true, value: join(await realpath(dir), 'new.sqlite') })
  })
})

