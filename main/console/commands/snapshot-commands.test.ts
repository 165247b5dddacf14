/**
 * The snapshot_* console commands on a real shard (its snapshots hook): each is answered queued
 * and its final result follows; roles and cmd_ids hold as for every command (a viewer saves,
 * migrates and loads nothing; a load needs a cmd_id); a load brings the saved town back, a
 * refused one leaves it as it was; telemetry_snapshot carries the latest snapshot's identity.
 */
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConsoleResult, Role } from '../../../shared/contract/dto/console'
import { parseConfigText, type LoadedConfig } from '../../config/load-config'
import { encodeSnapshot } from '../../snapshots/snapshot-codec'
import { realDocument, shippedConfig } from '../../snapshots/testing/snapshot-fixtures'
import { testWorkspace } from '../../fs/testing/test-workspace'
import { ManualScheduler } from '../../shard/manual-scheduler'
import { Shard } from '../../shard/shard'
import { hashWorld } from '../../sim/hash/hash-world'

const TOWN = `config_id: console_snap
seed: 4
world:
  population: 2
  layout:
    map: |
      ########
      #......#
      #.F..B.#
      #......#
      ########
    homes:
      - { id: flat, area: [1, 1, 6, 3] }
`

const dirs: string[] = []
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true })
})

function town(): LoadedConfig {
  const loaded = parseConfigText(TOWN, 'console-snap.yaml')
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value
}

async function setup(config: LoadedConfig = town()) {
  const base = await mkdtemp(join(tmpdir(), 'townlet-console-snap-'))
  dirs.push(base)
  const logs: string[] = []
  const shard = new Shard(config, { scheduler: new ManualScheduler(), files: { workspace: await testWorkspace(), base }, onLog: (level, m) => logs.push(`${level}: ${m}`) })
  const finals: ConsoleResult[] = []
  shard.onConsoleResult((r) => finals.push(r))
  const send = (name: string, args: unknown, cmdId?: string, role: Role = 'admin') =>
    shard.submitConsole({ name, args, issuer: 'op', role, ...(cmdId === undefined ? {} : { cmd_id: cmdId }) })
  /** Send, expect `queued`, and wait for the final result. */
  const run = async (name: string, args: unknown, cmdId: string, role: Role = 'admin'): Promise<ConsoleResult> => {
    expect(send(name, args, cmdId, role)).toMatchObject({ status: 'queued' })
    for (let i = 0; i < 500; i++) {
      const final = finals.find((f) => f.cmd_id === cmdId)
      if (final) return final
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    throw new Error(`no final result for ${cmdId}`)
  }
  const hash = () => hashWorld(shard.simulation.world, (t) => createHash('sha256').update(t).digest('hex'))
  return { shard, send, run, hash, logs, base }
}

const value = (r: ConsoleResult) => {
  if (r.status !== 'ok') throw new Error(`${r.name}: ${JSON.stringify(r.error)}`)
  return r.result as Record<string, unknown>
}

describe('snapshot console commands', () => {
  it('saves, lists, inspects, validates, diffs and loads back, telemetry_snapshot naming the latest', async () => {
    const s = await setup()
    s.shard.step(10)
    const saved = value(await s.run('snapshot_save', { label: 'first' }, 'save-1'))
    expect(saved).toMatchObject({ tick: 10, config_id: 'console_snap', integrity: { ok: true } })
    const name = saved.name as string
    const atSave = s.hash()
    const telemetry = s.send('telemetry_snapshot', {}, 't-1', 'viewer')
    expect(telemetry.status === 'ok' && telemetry.result).toMatchObject({ last_snapshot: { name, action: 'saved', tick: 10, identity: { rng: { world: expect.stringMatching(/^[0-9a-f]{16}$/) } } } })
    s.shard.step(10)
    const other = value(await s.run('snapshot_save', { gzip: true }, 'save-2')).name as string

    expect((value(await s.run('snapshot_list', {}, 'l-1', 'viewer')).snapshots as unknown[]).length).toBe(2)
    expect(value(await s.run('snapshot_inspect', { name }, 'i-1', 'viewer'))).toMatchObject({ counts: { agents: 2 } })
    expect(value(await s.run('snapshot_validate', { name, strict: true }, 'v-1', 'viewer'))).toMatchObject({ verdict: 'ok' })
    const diff = value(await s.run('snapshot_diff', { a: name, b: other }, 'd-1', 'viewer'))
    expect((diff.sections as { section: string }[]).map((x) => x.section)).toContain('agents')

    expect(s.hash()).not.toBe(atSave)
    const load = await s.run('snapshot_load', { name }, 'load-1')
    expect(value(load)).toMatchObject({ name, action: 'loaded', tick: 10 })
    expect(s.hash()).toBe(atSave)
    // A retry with the same cmd_id is answered from the first result: the town is not loaded twice.
    s.shard.step(3)
    expect(s.send('snapshot_load', { name }, 'load-1')).toMatchObject({ replayed: true })
    expect(s.shard.view().tick).toBe(13)
  })

  it('keeps the roles and cmd_ids of every command, and a refused load changes nothing', async () => {
    const s = await setup()
    s.shard.step(5)
    for (const [cmd, args] of [
      ['snapshot_save', {}],
      ['snapshot_load', { name: 'a.json' }],
      ['snapshot_migrate', { name: 'a.json', output: 'out' }]
    ] as const) {
      expect(s.send(cmd, args, `v-${cmd}`, 'viewer'), cmd).toMatchObject({ status: 'error', error: { code: 'console.forbidden' } })
    }
    expect(s.send('snapshot_load', { name: 'a.json' })).toMatchObject({ status: 'error', error: { code: 'console.cmd_id_required' } })
    expect(s.send('snapshot_inspect', { name: '../outside.json' }, 'bad-1', 'viewer')).toMatchObject({ status: 'error', error: { code: 'console.invalid_args' } })
    await s.run('snapshot_save', {}, 'save-1')
    const before = { sim: s.shard.simulation, hash: s.hash() }
    await writeFile(join(s.base, 'snapshots', 'junk.json'), '{"schema_version": "2.0", "cut')
    const refused = await s.run('snapshot_load', { name: 'junk.json' }, 'load-junk')
    expect(refused).toMatchObject({ status: 'error', error: { code: 'snapshot.invalid' } })
    expect({ sim: s.shard.simulation, hash: s.hash() }).toEqual(before)
    expect(s.logs.some((l) => l.startsWith('error: snapshot load junk.json refused'))).toBe(true)
  })

  it('migrates into --output and previews with dry_run, writing nothing then; the source stays as it was', async () => {
    const s = await setup(await shippedConfig('default.yaml'))
    const root = join(s.base, 'snapshots')
    await mkdir(root)
    const source = encodeSnapshot(await realDocument('default-v1.yaml', 6))
    await writeFile(join(root, 'old.json'), source)
    const preview = value(await s.run('snapshot_migrate', { name: 'old.json', dry_run: true }, 'm-1'))
    expect(preview).toMatchObject({ source: 'old.json', target_config_id: 'default', chain: [{ id: 'default-v1-to-default' }] })
    expect(await readdir(root)).toEqual(['old.json'])
    const migrated = value(await s.run('snapshot_migrate', { name: 'old.json', output: 'migrated' }, 'm-2'))
    expect(migrated).toMatchObject({ config_id: 'default', tick: 6 })
    expect(await readdir(join(s.base, 'migrated'))).toEqual([migrated.name])
    expect((await readFile(join(root, 'old.json'))).equals(source)).toBe(true)
    expect(s.logs.some((l) => l.startsWith('warn: snapshot old.json migrated to default by default-v1-to-default'))).toBe(true)
    // A folder outside the workspace is refused, unmade.
    const outside = await s.run('snapshot_migrate', { name: 'old.json', output: '/' }, 'm-3')
    expect(outside).toMatchObject({ status: 'error', error: { code: 'snapshot.outside_workspace' } })
    // Into the storage root by default; migrating that again (already the running config) gives its own entry and writes nothing.
    const inRoot = value(await s.run('snapshot_migrate', { name: 'old.json' }, 'm-4')).name as string
    expect((await readdir(root)).sort()).toEqual([inRoot, 'old.json'].sort())
    expect(value(await s.run('snapshot_migrate', { name: inRoot, output: 'again' }, 'm-5'))).toMatchObject({ name: inRoot })
    expect((await readdir(root)).length).toBe(2)
  })
})
