/**
 * `townlet snapshot …` end to end on real files: snapshots written by `townlet run
 * --save-snapshot` under the default config and its older default-v1, inspected, validated,
 * migrated (dry run, real, legacy import, refused), diffed and listed — text and --json, with
 * exit 0 / 2 and the source never modified.
 */
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../host/test-host'
import { stateChecksum } from '../snapshots/snapshot-document'
import { runCli } from './cli'
import { fakeIo } from './test-io'

let dir: string
async function cli(...argv: string[]) {
  const io = fakeIo({ cwd: dir })
  const code = await runCli(argv, io.io)
  return { code, out: io.out(), err: io.err() }
}
const config = (name: string) => join(repoRoot, 'configs', name)

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'townlet-snapshot-cli-'))
  for (const [cfg, file] of [
    ['default-v1.yaml', 'v1.json'],
    ['default-v1.yaml', 'v1.json.gz'],
    ['default.yaml', 'now.json']
  ] as const) {
    const r = await cli('run', '--config', config(cfg), '--ticks', '40', '--save-snapshot', file)
    expect(r.code, r.err).toBe(0)
  }
}, 60_000)

describe('townlet snapshot', () => {
  it('inspect prints the identity, and --json the inspection', async () => {
    const text = await cli('snapshot', 'inspect', 'v1.json')
    expect(text.code, text.err).toBe(0)
    expect(text.out).toMatch(/v1\.json: snapshot of tick 40, schema 2\.0/)
    expect(text.out).toMatch(/config_id +"?default-v1/)
    const json = await cli('snapshot', 'inspect', 'v1.json.gz', '--json')
    const parsed = JSON.parse(json.out) as { entry: { gzip: boolean; tick: number }; identity: { config_id: string; rng: object }; counts: { agents: number } }
    expect(parsed).toMatchObject({ entry: { gzip: true, tick: 40 }, identity: { config_id: 'default-v1' }, counts: { agents: 8 } })
  })

  it('refuses unusable files with exit 2, their code, and JSON when asked', async () => {
    const good = await readFile(join(dir, 'now.json'), 'utf8')
    await writeFile(join(dir, 'cut.json'), good.slice(0, 200))
    const cut = await cli('snapshot', 'inspect', 'cut.json')
    expect(cut).toMatchObject({ code: 2, out: '' })
    expect(cut.err).toMatch(/^townlet snapshot: snapshot\.invalid: the file is not valid JSON/)
    const json = await cli('snapshot', 'inspect', 'cut.json', '--json')
    expect(json.code).toBe(2)
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, error: { code: 'snapshot.invalid' } })
    expect((await cli('snapshot', 'inspect', '/etc/hostname')).err).toMatch(/snapshot\.outside_workspace/)
    expect((await cli('snapshot', 'inspect', 'missing.json')).err).toMatch(/snapshot\.not_found/)
    expect((await cli('snapshot', 'inspect')).code).toBe(2)
    expect((await cli('snapshot', 'inspect', 'a', 'b')).code).toBe(2)
    expect((await cli('snapshot', 'frobnicate')).err).toMatch(/unknown subcommand/)
  })

  it('validate gives the verdict and its reasons; --strict fails on a warning', async () => {
    const same = await cli('snapshot', 'validate', 'now.json')
    expect(same.code, same.out + same.err).toBe(0)
    expect(same.out).toMatch(/now\.json against default: ok/)
    const old = await cli('snapshot', 'validate', 'v1.json', '--json')
    expect(old.code).toBe(2)
    expect(JSON.parse(old.out)).toMatchObject({ config_id: 'default', verdict: 'refused', reasons: [{ code: 'snapshot.migration_required' }], required_migrations: ['default-v1-to-default'] })
    const other = await cli('snapshot', 'validate', 'now.json', '--config', config('scenarios/blackout.yaml'))
    expect(other.code).toBe(2)
    expect(other.out).toMatch(/snapshot\.config_mismatch: the snapshot is of config_id "default", the config is "scenario_blackout"/)

    // A config that allows other config_ids: the v1 snapshot loads with a warning (its town fits).
    await cp(join(repoRoot, 'configs/affordances'), join(dir, 'affordances'), { recursive: true })
    const lax = (await readFile(config('default.yaml'), 'utf8')) + '\nsnapshot:\n  guardrails: { require_exact_config: false }\n'
    await writeFile(join(dir, 'lax.yaml'), lax)
    const warn = await cli('snapshot', 'validate', 'v1.json', '--config', 'lax.yaml')
    expect(warn.code, warn.out + warn.err).toBe(0)
    expect(warn.out).toMatch(/: warn \(loads, with warnings\)[\s\S]*require_exact_config is off[\s\S]*migrations needed: default-v1-to-default/)
    expect((await cli('snapshot', 'validate', 'v1.json', '--config', 'lax.yaml', '--strict')).code).toBe(2)
  })

  it('migrate --dry-run shows the chain and the diff and writes nothing', async () => {
    const before = (await readdir(dir)).sort()
    const r = await cli('snapshot', 'migrate', 'v1.json', '--config', config('default.yaml'), '--output', 'out', '--dry-run')
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('v1.json: default-v1@2.0 → default@2.0')
    expect(r.out).toContain('1. default-v1-to-default (default-v1@2.0 → default@2.0)')
    expect(r.out).toMatch(/economy: 0 added, 1 changed, 0 dropped\n +~ prices\.meal_cost: 0\.5 → 0\.4/)
    expect(r.out).toContain('dry run: nothing written')
    expect((await readdir(dir)).sort()).toEqual(before)
  })

  it('migrate writes a new file that loads under the target, the source unchanged', async () => {
    const source = await readFile(join(dir, 'v1.json.gz'))
    const r = await cli('snapshot', 'migrate', 'v1.json.gz', '--config', config('default.yaml'), '--output', 'migrated', '--json')
    expect(r.code, r.err).toBe(0)
    const summary = JSON.parse(r.out) as { output: { name: string }; chain: { id: string }[]; diff: { sections: { section: string; changed: number }[] } }
    expect(summary.chain.map((s) => s.id)).toEqual(['default-v1-to-default'])
    expect(summary.output.name).toMatch(/^snapshot-40-[0-9a-f]{8}\.json\.gz$/)
    expect(await readFile(join(dir, 'v1.json.gz'))).toEqual(source)
    const file = `migrated/${summary.output.name}`
    expect((await cli('snapshot', 'validate', file)).code).toBe(0)
    const inspected = JSON.parse((await cli('snapshot', 'inspect', file, '--json')).out) as { migrations: { id: string }[]; identity: { config_id: string } }
    expect(inspected).toMatchObject({ identity: { config_id: 'default' }, migrations: [{ id: 'default-v1-to-default' }] })
    const resumed = await cli('run', '--snapshot', file, '--ticks', '5')
    expect(resumed.code, resumed.err).toBe(0)
    const listed = await cli('snapshot', 'list', 'migrated')
    expect(listed.out).toMatch(/migrated: 1 snapshot\n {2}snapshot-40-[0-9a-f]{8}\.json\.gz {2}tick 40 {2}default {2}schema 2\.0 .* ok\n/)
  })

  it('migrate refuses a missing path and a failing step, writing nothing', async () => {
    const none = await cli('snapshot', 'migrate', 'v1.json', '--config', config('scenarios/blackout.yaml'), '--output', 'nowhere')
    expect(none.code).toBe(2)
    expect(none.err).toMatch(/snapshot\.migration_required: no migration path from "default-v1@2\.0" to "scenario_blackout@2\.0"/)
    const doc = JSON.parse(await readFile(join(dir, 'v1.json'), 'utf8')) as { state: { world: Record<string, unknown> }; checksum: string }
    delete doc.state.world.prices
    doc.checksum = stateChecksum(doc.state)
    await writeFile(join(dir, 'broken-v1.json'), JSON.stringify(doc))
    const failed = await cli('snapshot', 'migrate', 'broken-v1.json', '--config', config('default.yaml'), '--output', 'nowhere')
    expect(failed.code).toBe(2)
    expect(failed.err).toMatch(/snapshot\.migration_failed: step 1 of 1, "default-v1-to-default"/)
    expect(await readdir(dir)).not.toContain('nowhere')
    expect((await cli('snapshot', 'migrate', 'v1.json', '--output', 'x')).err).toMatch(/--config is required/)
  })

  it('migrate imports a legacy 1.x document with its report', async () => {
    const legacy = join(repoRoot, 'configs/snapshots/legacy/townlet-1.6-envelope.json')
    const r = await cli('snapshot', 'migrate', legacy, '--config', config('default.yaml'), '--output', 'imported')
    expect(r.code, r.err).toBe(0)
    expect(r.out).toMatch(/1\. legacy-1\.x \(.*@1\.6 → default@2\.0\)/)
    expect(r.out).toMatch(/wrote .*imported\/snapshot-\d+-[0-9a-f]{8}\.json/)
    const [name] = await readdir(join(dir, 'imported'))
    expect((await cli('snapshot', 'validate', `imported/${name}`)).code).toBe(0)
    expect((await cli('snapshot', 'inspect', legacy)).err).toMatch(/snapshot\.schema_mismatch: .*legacy document.*townlet snapshot migrate/)
  })

  it('diff compares two snapshots per section', async () => {
    const text = await cli('snapshot', 'diff', 'v1.json', 'now.json')
    expect(text.code, text.err).toBe(0)
    expect(text.out).toMatch(/^diff v1\.json → now\.json\n {2}identity: 0 added, 1 changed/)
    expect(text.out).toContain('~ prices.meal_cost: 0.5 → 0.4')
    const json = JSON.parse((await cli('snapshot', 'diff', 'now.json', 'now.json', '--json')).out) as { sections: { added: number; changed: number; dropped: number }[] }
    expect(json.sections.every((s) => s.added + s.changed + s.dropped === 0)).toBe(true)
    expect((await cli('snapshot', 'diff', 'now.json', 'cut.json')).code).toBe(2)
  })

  it('list shows the folder, and an empty or missing one without creating it', async () => {
    const r = await cli('snapshot', 'list', '.', '--json')
    expect(r.code, r.err).toBe(0)
    const listed = JSON.parse(r.out) as { snapshots: { name: string; integrity: { ok: boolean } }[] }
    const names = listed.snapshots.map((s) => s.name)
    expect(names).toEqual(expect.arrayContaining(['v1.json', 'v1.json.gz', 'now.json']))
    expect(listed.snapshots.find((s) => s.name === 'cut.json')?.integrity.ok).toBe(false)
    expect((await cli('snapshot', 'list')).out).toBe('snapshots: no snapshots\n')
    expect(await readdir(dir)).not.toContain('snapshots')
    expect((await cli('snapshot', 'list', '/etc')).err).toMatch(/snapshot\.outside_workspace/)
  })
})
