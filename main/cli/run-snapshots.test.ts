/**
 * `townlet run --save-snapshot` / `--snapshot`: N ticks in one run give the hash of k ticks,
 * a save, and N−k more from the file — plain and gzipped; and every unusable file is a usage
 * error (exit 2) with its snapshot code, the run never started.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { runCli } from './cli'
import { fakeIo } from './test-io'
import { repoRoot } from '../host/test-host'

async function run(argv: string[], cwd: string) {
  const a = fakeIo({ cwd })
  const code = await runCli(['run', ...argv], a.io)
  return { code, out: a.out(), err: a.err() }
}

const hashOf = (out: string) => /^sha256 ([0-9a-f]{64})$/m.exec(out)?.[1]

describe('townlet run --save-snapshot / --snapshot', () => {
  it('resumes to the same hash as an uninterrupted run, plain and gzipped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-resume-'))
    const whole = await run(['--ticks', '700', '--hash'], dir)
    expect(whole.code).toBe(0)
    for (const name of ['s.json', 's.json.gz']) {
      const saved = await run(['--ticks', '250', '--save-snapshot', name], dir)
      expect(saved.code, saved.err).toBe(0)
      expect(saved.out).toContain(`saved snapshot of tick 250 to ${name}`)
      const resumed = await run(['--snapshot', name, '--ticks', '450', '--hash'], dir)
      expect(resumed.code, resumed.err).toBe(0)
      expect(resumed.out).toContain('final tick 700')
      expect(hashOf(resumed.out)).toBe(hashOf(whole.out))
    }
    const bytes = await readFile(join(dir, 's.json.gz'))
    const doc = JSON.parse(gunzipSync(bytes).toString('utf8')) as { schema_version: string; identity: { config_id: string; rng: Record<string, string> }; tick: number }
    expect(doc).toMatchObject({ schema_version: '2.0', tick: 250, identity: { config_id: 'default' } })
    expect(Object.keys(doc.identity.rng).sort()).toEqual(['events', 'policy', 'world'])
  })

  it('refuses unusable snapshots with their codes and exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-resume-bad-'))
    await run(['--ticks', '20', '--save-snapshot', 'good.json'], dir)
    const good = await readFile(join(dir, 'good.json'), 'utf8')
    await writeFile(join(dir, 'cut.json'), good.slice(0, good.length / 2))
    await writeFile(join(dir, 'edited.json'), good.replace('"tick":20', '"tick":21'))
    await writeFile(join(dir, 'newer.json'), good.replace('"schema_version":"2.0"', '"schema_version":"2.9"'))
    await writeFile(join(dir, 'legacy.json'), JSON.stringify({ schema_version: '1.6', state: {} }))
    const cases: [string, RegExp][] = [
      ['cut.json', /snapshot\.invalid: the file is not valid JSON/],
      ['edited.json', /snapshot\.(integrity|invalid)/],
      ['newer.json', /snapshot\.schema_mismatch: schema_version "2\.9" is newer/],
      ['legacy.json', /snapshot\.schema_mismatch: .*legacy document/],
      ['missing.json', /snapshot\.not_found/],
      ['/etc/hostname', /snapshot\.outside_workspace/]
    ]
    for (const [file, message] of cases) {
      const r = await run(['--snapshot', file, '--ticks', '5'], dir)
      expect(r.code, file).toBe(2)
      expect(r.err, file).toMatch(message)
    }
    const other = await run(['--snapshot', 'good.json', '--ticks', '5', '--config', join(repoRoot, 'configs/scenarios/blackout.yaml')], dir)
    expect(other.code).toBe(2)
    expect(other.err).toMatch(/snapshot\.config_mismatch: the snapshot is of config_id "default"/)
    const reseed = await run(['--snapshot', 'good.json', '--ticks', '5', '--seed', '3'], dir)
    expect(reseed.code).toBe(2)
    expect((await run(['--ticks', '5', '--save-snapshot', 'out.txt'], dir)).err).toMatch(/name a \.json or \.json\.gz file/)
    expect((await run(['--ticks', '5', '--save-snapshot', '/etc/x.json'], dir)).err).toMatch(/outside the workspace/)
  })
})
