/**
 * Resume parity through the real command line: `townlet run --ticks N --hash` prints the hash of
 * `townlet run --ticks k --save-snapshot S` followed by `townlet run --snapshot S --ticks N−k
 * --hash`, scripted and with the shipped ONNX model; k falls mid-affordance and mid-queue,
 * mid-perturbation, and mid-commitment and mid-anneal-schedule for the model, and a property
 * draws k and the seed. The snapshot carries the runtime blocks beside the world, and without
 * --config the run finds the config by the snapshot's config_id.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadConfigFile, type LoadedConfig } from '../config/load-config'
import { testWorkspace } from '../fs/testing/test-workspace'
import { ADMIN_TOKEN_ENV } from '../host/admin-token'
import { repoRoot } from '../host/test-host'
import { loadOnnxPolicy } from '../policy/runtime/onnx-policy'
import { Simulation } from '../shard/simulation'
import { Phase } from '../sim/state/agent-store'
import { stateChecksum } from '../snapshots/snapshot-document'
import { runCli } from './cli'
import { fakeIo } from './test-io'

const RELEASE = join(repoRoot, 'configs/policies/release.onnx')

async function run(argv: string[], cwd: string, env: Record<string, string> = {}) {
  const a = fakeIo({ cwd, env })
  const code = await runCli(['run', ...argv], a.io)
  return { code, out: a.out(), err: a.err() }
}

const hashOf = (out: string) => /^sha256 ([0-9a-f]{64})$/m.exec(out)?.[1]

interface Doc {
  checksum: string
  state: Record<string, unknown>
}

const readDoc = async (path: string): Promise<Doc> => {
  const bytes = await readFile(path)
  return JSON.parse((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as Doc
}

/**
 * N ticks in one run, and k ticks, a save to `name` and N−k more from it; both save at N too,
 * so the whole state beside the world (policy runtime, console, telemetry) is compared as well.
 */
async function bothWays(dir: string, name: string, k: number, n: number, first: string[], resume: string[] = first.filter((a) => a !== '--config' && !a.endsWith('.yaml')), env: Record<string, string> = {}) {
  const whole = await run(['--ticks', String(n), '--hash', '--save-snapshot', `whole-${name}`, ...first], dir, env)
  expect(whole.code, whole.err).toBe(0)
  const saved = await run(['--ticks', String(k), '--save-snapshot', name, ...first], dir, env)
  expect(saved.code, saved.err).toBe(0)
  const resumed = await run(['--snapshot', name, '--ticks', String(n - k), '--hash', '--save-snapshot', `again-${name}`, ...resume], dir)
  expect(resumed.code, resumed.err).toBe(0)
  expect(resumed.out).toContain(`final tick ${n}`)
  const [a, b] = [await readDoc(join(dir, `whole-${name}`)), await readDoc(join(dir, `again-${name}`))]
  // Block by block first, so a mismatch names its block.
  for (const block of Object.keys(a.state)) expect(b.state[block], block).toEqual(a.state[block])
  expect(b.checksum).toBe(a.checksum)
  return { whole: hashOf(whole.out), resumed: hashOf(resumed.out), out: resumed.out, err: resumed.err }
}

async function config(name: string): Promise<LoadedConfig> {
  const loaded = await loadConfigFile(resolve(repoRoot, 'configs', name), await testWorkspace())
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value
}

/** The first tick after which `test` holds of the town (scripted), within `limit` ticks. */
function firstTick(loaded: LoadedConfig, limit: number, test: (sim: Simulation) => boolean): number {
  const sim = new Simulation(loaded)
  for (let t = 1; t <= limit; t++) {
    sim.step()
    if (test(sim)) return t
  }
  throw new Error(`the condition never held within ${limit} ticks`)
}

describe('townlet run: resume parity through the command line', () => {
  it('scripted, saved mid-affordance and mid-queue: same hash, and the runtime blocks are in the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-parity-'))
    const k = firstTick(await config('default.yaml'), 2000, (sim) => {
      const { agents, objects } = sim.world.state
      const using = agents.cols.phase.some((p, i) => i < agents.count && p === Phase.using)
      return using && objects.queue.some((q) => q.length > 0)
    })
    const r = await bothWays(dir, 's.json', k, k + 300, [])
    expect(r.resumed).toBe(r.whole)
    const doc = JSON.parse(await readFile(join(dir, 's.json'), 'utf8')) as { state: Record<string, Record<string, unknown>> }
    expect(Object.keys(doc.state).sort()).toEqual(['console', 'last_events', 'policy', 'telemetry', 'world'])
    expect(doc.state.console).toMatchObject({ pending_ops: [] })
    expect(doc.state.telemetry).toHaveProperty('kpis')
  }, 60_000)

  it('scripted, saved mid-perturbation, gzipped, resumed without --config: the config is found by its config_id', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-parity-blackout-'))
    const blackout = join(repoRoot, 'configs/scenarios/blackout.yaml')
    const k = firstTick(await config('scenarios/blackout.yaml'), 3000, (sim) => sim.world.state.perturbations.active.length > 0)
    const r = await bothWays(dir, 's.json.gz', k, k + 200, ['--config', blackout])
    expect(r.out).toContain('scenario_blackout')
    expect(r.resumed).toBe(r.whole)
  }, 60_000)

  it('with the ONNX model, saved mid-commitment before an anneal schedule step: same hash, and --config brings the guardrails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-parity-onnx-'))
    const yaml = join(dir, 'annealed.yaml')
    await writeFile(yaml, 'config_id: annealed\nseed: 11\npolicy:\n  anneal:\n    ratio: 0.6\n    schedule: [{ tick: 110, ratio: 0.25 }]\n')
    const loaded = await loadConfigFile(yaml, await testWorkspace())
    if (!loaded.ok) throw new Error(loaded.error.message)
    const probe = new Simulation(loaded.value)
    const model = await loadOnnxPolicy(RELEASE, probe.policy.spec)
    if (!model.ok) throw new Error(model.error.message)
    probe.policy.use(model.value)
    const commit = probe.world.params.behavior.option_commit_ticks
    let k = 0
    for (let t = 1; t <= 100 && k === 0; t++) {
      await probe.stepAsync()
      const { cols, count } = probe.world.state.agents
      for (let i = 0; i < count && t >= 20; i++) {
        const busy = cols.phase[i] !== Phase.none && cols.phase[i] !== Phase.done && cols.phase[i] !== Phase.failed
        if (cols.alive[i] === 1 && busy && cols.option[i] !== 0 && probe.world.state.tick - cols.optionSince[i]! < commit) k = t
      }
    }
    expect(k).toBeGreaterThan(0)
    const policy = ['--policy', RELEASE]
    const r = await bothWays(dir, 's.json', k, 160, ['--config', yaml, ...policy], ['--config', yaml, ...policy])
    expect(r.resumed).toBe(r.whole)
    expect(r.err).not.toMatch(/warning/)
    // Resumed under the scripted controller instead: it runs, and says it will not carry on exactly.
    const other = await run(['--snapshot', 's.json', '--ticks', '5', '--config', yaml, '--policy', 'scripted'], dir)
    expect(other.code).toBe(0)
    expect(other.err).toMatch(/saved under a model \(sha256 [0-9a-f]{12}…\) and this run uses scripted controller: pass the same --policy/)
    // Without --config the snapshot's config_id is nowhere in the configs folder: exit 2, naming what is there.
    const lost = await run(['--snapshot', 's.json', '--ticks', '5', ...policy], dir)
    expect(lost.code).toBe(2)
    expect(lost.err).toMatch(/config_id "annealed" and no config in .* has it \(found: .*default.*scenario_blackout.*\): pass --config/)
    // With another config the guardrails refuse it.
    const wrong = await run(['--snapshot', 's.json', '--ticks', '5', '--config', join(repoRoot, 'configs/default.yaml')], dir)
    expect(wrong.code).toBe(2)
    expect(wrong.err).toMatch(/snapshot\.config_mismatch/)
  }, 120_000)

  it('carries console commands queued at the save into the resumed run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-parity-drill-'))
    const k = 40
    const drill = join(dir, 'drill.jsonl')
    const ada = new Simulation(await config('default.yaml')).world.state.agents.ids[0]!
    const lines = [
      { tick: 10, cmd_id: 'n-1', name: 'setneed', args: { agent: ada, need: 'energy', value: 0.2 } },
      { tick: k, cmd_id: 'n-2', name: 'setneed', args: { agent: ada, need: 'hunger', value: 0.05 } }
    ]
    await writeFile(drill, lines.map((l) => JSON.stringify(l)).join('\n'))
    const env = { [ADMIN_TOKEN_ENV]: 'drill' }
    const r = await bothWays(dir, 's.json', k, 120, ['--commands', drill, '--role', 'admin'], [], env)
    expect(r.resumed).toBe(r.whole)
    const saved = await readDoc(join(dir, 's.json'))
    expect(saved.state.console).toMatchObject({ pending_ops: [{ cmd_id: 'n-2' }] })
    // A drill on the resumed run goes through the restored router, as in the app: a cmd_id sent
    // before the save is answered from its first result, not applied twice.
    const again = join(dir, 'again.jsonl')
    await writeFile(again, JSON.stringify({ tick: 0, cmd_id: 'n-1', name: 'setneed', args: { agent: ada, need: 'energy', value: 0.2 } }))
    const drilled = await run(['--snapshot', 's.json', '--ticks', '5', '--commands', again, '--role', 'admin', '--results', 'again-results.jsonl'], dir, env)
    expect(drilled.code, drilled.err).toBe(0)
    expect(drilled.err).not.toMatch(/note:/)
    const results = (await readFile(join(dir, 'again-results.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as unknown)
    expect(results).toMatchObject([{ cmd_id: 'n-1', status: 'ok', replayed: true, tick: 11 }])
  }, 60_000)

  it('holds for any save tick and seed (property, scripted)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-parity-prop-'))
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 59 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (k, seed) => {
        const yaml = join(dir, `seed-${seed}.yaml`)
        await writeFile(yaml, `config_id: seeded\nseed: ${seed}\n`)
        const r = await bothWays(dir, `s-${seed}-${k}.json`, k, 60, ['--config', yaml], ['--config', yaml])
        expect(r.resumed).toBe(r.whole)
      }),
      { numRuns: 4 }
    )
  }, 120_000)
})

describe('townlet run --snapshot: the runtime blocks', () => {
  it('refuses blocks that do not fit (exit 2, snapshot.invalid) and resumes a file saved without them (the world alone)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-parity-blocks-'))
    expect((await run(['--ticks', '30', '--save-snapshot', 'good.json'], dir)).code).toBe(0)
    const good = await readDoc(join(dir, 'good.json'))
    const write = async (name: string, state: Record<string, unknown>) => {
      await writeFile(join(dir, name), JSON.stringify({ ...good, state, checksum: stateChecksum(state) }))
    }
    await write('bad-policy.json', { ...good.state, policy: { schema_version: 1, records: 'nope' } })
    await write('bad-console.json', { ...good.state, console: { pending_ops: [{ op: 'warp' }], router: null } })
    await write('bad-telemetry.json', { ...good.state, telemetry: { kpis: -1 } })
    for (const [file, at] of [['bad-policy.json', /policy/], ['bad-console.json', /pending_ops/], ['bad-telemetry.json', /telemetry/]] as const) {
      const r = await run(['--snapshot', file, '--ticks', '5'], dir)
      expect(r.code, file).toBe(2)
      expect(r.err, file).toMatch(/--snapshot: snapshot\.invalid: /)
      expect(r.err, file).toMatch(at)
    }
    const { policy: _p, console: _c, telemetry: _t, ...worldOnly } = good.state
    await write('world-only.json', worldOnly)
    const older = await run(['--snapshot', 'world-only.json', '--ticks', '5'], dir)
    expect(older.code, older.err).toBe(0)
    expect(older.out).toContain('final tick 35')
  })
})

describe('townlet run --snapshot without --config', () => {
  it('refuses a config_id that several configs share, naming them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-parity-twins-'))
    const configs = join(dir, 'configs')
    await run(['--ticks', '3', '--save-snapshot', 'twin.json', '--config', join(repoRoot, 'configs/scenarios/queue_conflict.yaml')], dir)
    const { mkdir, copyFile } = await import('node:fs/promises')
    await mkdir(join(configs, 'scenarios'), { recursive: true })
    await copyFile(join(repoRoot, 'configs/scenarios/queue_conflict.yaml'), join(configs, 'a.yaml'))
    await copyFile(join(repoRoot, 'configs/scenarios/queue_conflict.yaml'), join(configs, 'scenarios/b.yaml'))
    const a = fakeIo({ cwd: dir, paths: { ...fakeIo().io.paths, configsDir: configs } })
    expect(await runCli(['run', '--snapshot', 'twin.json', '--ticks', '2'], a.io)).toBe(2)
    expect(a.err()).toMatch(/config_id "scenario_queue_conflict", which 2 configs in .* have \(a\.yaml, scenarios\/b\.yaml\): pass --config/)
    // One copy: found, and it runs.
    const { rm } = await import('node:fs/promises')
    await rm(join(configs, 'a.yaml'))
    const b = fakeIo({ cwd: dir, paths: { ...fakeIo().io.paths, configsDir: configs } })
    expect(await runCli(['run', '--snapshot', 'twin.json', '--ticks', '2'], b.io)).toBe(0)
    expect(b.out()).toContain('final tick 5')
  })
})
