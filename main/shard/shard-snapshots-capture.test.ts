/**
 * The snapshot document of the live town without writing it (what `townlet run --save-snapshot`
 * writes where the user says), and a town resumed the other way in (a Shard built with `resume`
 * from a document, then its runtime blocks restored): the capture is exactly what a save writes,
 * and the resumed shard carries on as the original did, its own telemetry hub and console
 * router restored (no copy kept beside it); blocks that do not restore change nothing.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConsoleResult } from '../../shared/contract/dto/console'
import { parseConfigText, type LoadedConfig } from '../config/load-config'
import { testWorkspace } from '../fs/testing/test-workspace'
import { hashWorld } from '../sim/hash/hash-world'
import { resumePoint } from '../snapshots/load-snapshot'
import { decodeSnapshot } from '../snapshots/snapshot-codec'
import { withState, type SnapshotDocument } from '../snapshots/snapshot-document'
import { copy, type Loose } from '../snapshots/testing/snapshot-fixtures'
import { ManualScheduler } from './manual-scheduler'
import { Shard } from './shard'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const YAML = `config_id: capture_town
seed: 5
world:
  population: 8
  generate: {}
snapshot:
  storage: { root: kept }
`

const dirs: string[] = []
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true })
})

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value
}

function config(): LoadedConfig {
  const loaded = parseConfigText(YAML, 'capture-town.yaml')
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value
}

async function shardOf(loaded: LoadedConfig, resume?: SnapshotDocument) {
  const base = await mkdtemp(join(tmpdir(), 'townlet-capture-'))
  dirs.push(base)
  const point = resume && must(resumePoint(resume, loaded))
  const shard = new Shard(loaded, { scheduler: new ManualScheduler(), files: { workspace: await testWorkspace(), base }, ...(point ? { resume: point } : {}) })
  const finals: ConsoleResult[] = []
  shard.onConsoleResult((r) => finals.push(r))
  const send = (cmdId: string, value: number) => shard.submitConsole({ name: 'set_wallet', args: { agent: shard.simulation.world.state.agents.ids[0], value }, cmd_id: cmdId, issuer: 'op', role: 'admin' })
  return { shard, finals, send, base, hash: () => hashWorld(shard.simulation.world, sha256) }
}

describe('ShardSnapshots.capture and restoreRuntime', () => {
  it('captures exactly the document a save writes, and writes nothing itself', async () => {
    const s = await shardOf(config())
    s.shard.step(30)
    s.send('w-1', 4)
    const doc = must(await s.shard.snapshots.capture())
    expect(doc).toMatchObject({ tick: 30, identity: { config_id: 'capture_town', backend: 'scripted' } })
    expect(Object.keys(doc.state).sort()).toEqual(['console', 'last_events', 'policy', 'telemetry', 'world'])
    expect(await readdir(s.base)).toEqual([])
    const saved = must(await s.shard.snapshots.save())
    expect(must(decodeSnapshot(await readFile(join(s.base, 'kept', saved.name))))).toEqual(doc)
    // The capture owns its data: later ticks do not change it.
    const text = JSON.stringify(doc)
    s.shard.step(5)
    expect(JSON.stringify(doc)).toBe(text)
  })

  it('a shard resumed from the document with its runtime restored carries on exactly, hub and router included', async () => {
    const loaded = config()
    const a = await shardOf(loaded)
    a.shard.step(40)
    a.send('w-1', 4)
    const doc = must(await a.shard.snapshots.capture())
    a.shard.step(60)

    const b = await shardOf(loaded, doc)
    must(b.shard.snapshots.restoreRuntime(doc))
    b.shard.step(60)
    expect(b.hash()).toBe(a.hash())
    // The command queued at the save applied through the restored router, whose cmd_id cache answers a retry.
    expect(b.finals.map((f) => [f.cmd_id, f.status, f.tick])).toEqual([['w-1', 'ok', 41]])
    expect(b.send('w-1', 4)).toMatchObject({ replayed: true })
    // Every block the same as the original's at the same tick: the telemetry hub went on from its saved windows.
    const [atA, atB] = [must(await a.shard.snapshots.capture()), must(await b.shard.snapshots.capture())]
    for (const block of Object.keys(atA.state)) expect(atB.state[block as keyof typeof atB.state], block).toEqual(atA.state[block as keyof typeof atA.state])
    expect(atB.checksum).toBe(atA.checksum)
  })

  it('refuses blocks that do not restore and leaves the resumed shard as it was; a world-only document restores nothing', async () => {
    const loaded = config()
    const a = await shardOf(loaded)
    a.shard.step(20)
    a.send('w-2', 3)
    const doc = must(await a.shard.snapshots.capture())
    const bad = copy(doc) as Loose
    bad.state.telemetry = { kpis: -1 }
    const broken = withState(doc, bad.state)
    const b = await shardOf(loaded, broken)
    const before = JSON.stringify(must(await b.shard.snapshots.capture()).state)
    const refused = b.shard.snapshots.restoreRuntime(broken)
    expect(refused).toMatchObject({ ok: false, error: { code: 'snapshot.invalid' } })
    expect(JSON.stringify(must(await b.shard.snapshots.capture()).state)).toBe(before)

    const { policy: _p, console: _c, telemetry: _t, ...worldOnly } = doc.state
    const bare = withState(doc, worldOnly)
    const c = await shardOf(loaded, bare)
    must(c.shard.snapshots.restoreRuntime(bare))
    c.shard.step(1)
    expect(c.shard.view().tick).toBe(21)
  })
})
