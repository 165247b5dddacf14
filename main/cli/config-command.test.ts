import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfigFile } from '../config/load-config'
import { repoRoot } from '../host/test-host'
import { runCli } from './cli'
import { fakeIo } from './test-io'
import { testWorkspace } from '../fs/testing/test-workspace'

/** A temp copy of configs/default.yaml with its affordance registry beside it. */
async function tempConfig(): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'townlet-config-'))
  await cp(join(repoRoot, 'configs/default.yaml'), join(dir, 'town.yaml'))
  await cp(join(repoRoot, 'configs/affordances'), join(dir, 'affordances'), { recursive: true })
  return { dir, file: join(dir, 'town.yaml') }
}

async function cli(argv: string[], cwd: string) {
  const io = fakeIo({ cwd })
  const code = await runCli(argv, io.io)
  return { code, out: io.out(), err: io.err() }
}

const comments = (text: string) => text.split('\n').filter((l) => l.trimStart().startsWith('#'))

async function loaded(file: string) {
  const l = await loadConfigFile(file, await testWorkspace())
  if (!l.ok) throw new Error(l.error.message)
  return l.value.config
}

describe('townlet config', () => {
  it('set-stage --dry-run shows the diff and writes nothing', async () => {
    const { dir, file } = await tempConfig()
    const before = await readFile(file, 'utf8')
    const r = await cli(['config', 'set-stage', '--config', 'town.yaml', '--stage', 'c2', '--dry-run'], dir)
    expect(r.code).toBe(0)
    expect(r.out).toContain('features.stages.social_rewards: OFF (default) → C2')
    expect(r.out).toContain('+    social_rewards: C2')
    expect(r.out).toContain('dry run: nothing written')
    expect(await readFile(file, 'utf8')).toBe(before)
    expect((await readdir(dir)).sort()).toEqual(['affordances', 'town.yaml'])
  })

  it('set-stage writes a config that loads with the stage, every comment kept', async () => {
    const { dir, file } = await tempConfig()
    const before = await readFile(file, 'utf8')
    const r = await cli(['config', 'set-stage', '--config', 'town.yaml', '--stage', 'C2'], dir)
    expect(r).toMatchObject({ code: 0, err: '' })
    expect(r.out).toContain('wrote town.yaml')
    const after = await readFile(file, 'utf8')
    expect(comments(after)).toEqual(comments(before))
    expect(after.startsWith(before.trimEnd())).toBe(true) // the edit only appended the new block
    expect((await loaded(file)).features.stages.social_rewards).toBe('C2')
    // Setting it again changes nothing.
    const again = await cli(['config', 'set-stage', '--config', 'town.yaml', '--stage', 'C2'], dir)
    expect(again).toMatchObject({ code: 0, out: 'town.yaml: nothing to change\n' })
    expect((await readdir(dir)).sort()).toEqual(['affordances', 'town.yaml'])
  })

  it('edits a stage in place, keeping flow style and the comment on its line', async () => {
    const { dir, file } = await tempConfig()
    const before = (await readFile(file, 'utf8')) + 'features: { stages: { relationships: C1, social_rewards: C1 } } # staged rollout\n'
    await writeFile(file, before)
    const r = await cli(['config', 'set-stage', '--config', 'town.yaml', '--stage', 'C3'], dir)
    expect(r.code).toBe(0)
    expect(r.out).toContain('-features: { stages: { relationships: C1, social_rewards: C1 } } # staged rollout')
    expect(r.out).toContain('+features: { stages: { relationships: C1, social_rewards: C3 } } # staged rollout')
    expect(await readFile(file, 'utf8')).toBe(before.replace('social_rewards: C1', 'social_rewards: C3'))
  })

  it('refuses an unknown stage with exit 2 and the valid names', async () => {
    const { dir, file } = await tempConfig()
    const before = await readFile(file, 'utf8')
    const r = await cli(['config', 'set-stage', '--config', 'town.yaml', '--stage', 'C4'], dir)
    expect(r.code).toBe(2)
    expect(r.err).toContain('unknown stage "C4": use one of OFF, C1, C2, C3')
    const s = await cli(['config', 'schedule', '--config', 'town.yaml', '--add', '1:D1'], dir)
    expect(s.code).toBe(2)
    expect(s.err).toContain('use one of OFF, C1, C2, C3')
    expect(await readFile(file, 'utf8')).toBe(before)
  })

  it('schedule adds, changes, lists, removes and clears steps, round trip through the loader', async () => {
    const { dir, file } = await tempConfig()
    const before = await readFile(file, 'utf8')
    const add = await cli(['config', 'schedule', '--config', 'town.yaml', '--add', '2:C1', '--add', '0:OFF', '--add', '5:C3'], dir)
    expect(add.code).toBe(0)
    expect(add.out).toContain('added cycle 2: C1')
    expect((await loaded(file)).rewards.social_schedule).toEqual([
      { cycle: 0, stage: 'OFF' },
      { cycle: 2, stage: 'C1' },
      { cycle: 5, stage: 'C3' }
    ])
    expect(comments(await readFile(file, 'utf8'))).toEqual(comments(before))

    const change = await cli(['config', 'schedule', '--config', 'town.yaml', '--add', '2:C2', '--remove', '5'], dir)
    expect(change.out).toContain('cycle 2: C1 → C2')
    expect(change.out).toContain('removed cycle 5: C3')
    const list = await cli(['config', 'schedule', '--config', 'town.yaml'], dir)
    expect(list.out).toBe('town.yaml: social reward schedule\n  cycle 0: OFF\n  cycle 2: C2\n')

    const dry = await cli(['config', 'schedule', '--config', 'town.yaml', '--clear', '--dry-run'], dir)
    expect(dry.out).toContain('cleared 2 steps')
    expect((await loaded(file)).rewards.social_schedule).toHaveLength(2)
    expect((await cli(['config', 'schedule', '--config', 'town.yaml', '--clear'], dir)).code).toBe(0)
    expect((await loaded(file)).rewards.social_schedule).toEqual([])

    const missing = await cli(['config', 'schedule', '--config', 'town.yaml', '--remove', '9'], dir)
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('no step for cycle 9')
  })

  it('refuses an edit whose result would not load, and writes nothing', async () => {
    const { dir, file } = await tempConfig()
    const broken = (await readFile(file, 'utf8')) + 'rewards:\n  punctuality_bonus: 0.09\n  clip: { clip_per_tick: 0.05 }\n'
    await writeFile(file, broken)
    const r = await cli(['config', 'set-stage', '--config', 'town.yaml', '--stage', 'C1'], dir)
    expect(r.code).toBe(2)
    expect(r.err).toContain('the edited config would not load, so nothing was written')
    expect(r.err).toContain('rewards.punctuality_bonus')
    expect(await readFile(file, 'utf8')).toBe(broken)
  })

  it('explains bad usage with exit 2', async () => {
    for (const argv of [['config'], ['config', 'stage'], ['config', 'set-stage', '--stage', 'C1'], ['config', 'set-stage', '--config', 'nope.yaml', '--stage', 'C1'], ['config', 'schedule', '--config', 'x', '--add', 'one:C1']]) {
      const r = await cli(argv, repoRoot)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.err, argv.join(' ')).toMatch(/townlet config: /)
    }
    const help = await cli(['help', 'config'], repoRoot)
    expect(help.out).toContain('townlet config set-stage --config F --stage STAGE [--dry-run]')
  })
})
