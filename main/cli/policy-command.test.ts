import { access, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as ort from 'onnxruntime-node'
import { beforeAll, describe, expect, it } from 'vitest'
import { AGENT_OPTIONS } from '../../shared/contract/dto/world-summary'
import { loadConfigFile } from '../config/load-config'
import { repoRoot } from '../host/test-host'
import { ObservationBuilder } from '../policy/observations/observation-builder'
import { checkModelFits, readModelInfo } from '../policy/onnx/model-file'
import { compileOrThrow } from '../shard/simulation'
import { createWorld } from '../sim/town/create-world'
import { runCli } from './cli'
import { fakeIo } from './test-io'
import { testWorkspace } from '../fs/testing/test-workspace'

async function policy(argv: string[]) {
  const a = fakeIo()
  const code = await runCli(['policy', ...argv], a.io)
  return { code, out: a.out(), err: a.err() }
}

async function flipByte(path: string, at: number) {
  const bytes = await readFile(path)
  bytes[at]! ^= 0x20
  await writeFile(path, bytes)
}

const exists = (path: string) => access(path).then(() => true, () => false)

describe('townlet policy: capture → train-bc → audit', () => {
  let root: string
  let versions: string
  let dataset: string
  let model: string

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'townlet-policy-'))
    versions = join(root, 'policies/versions.json')
    dataset = join(root, 'data/small')
    model = join(root, 'policies/small.onnx')
    const captured = await policy(['capture', '--config', 'configs/default.yaml', '--ticks', '400', '--out', dataset, '--versions', versions, '--json'])
    expect(captured.err).toBe('')
    expect(captured.code).toBe(0)
  }, 60_000)

  it('captures a registered dataset of decision-point samples', async () => {
    const reg = JSON.parse(await readFile(versions, 'utf8'))
    expect(reg.datasets.small).toMatchObject({ dir: '../data/small', manifest: '../data/small/manifest.json', status: 'active' })
    const meta = JSON.parse(await readFile(join(dataset, 'meta.json'), 'utf8'))
    expect(meta).toMatchObject({ config_id: 'default', variant: 'hybrid', ticks: 400, options: [...AGENT_OPTIONS] })
    expect(meta.samples).toBeGreaterThan(200)
  })

  it('trains a model that passes the gate, loads in onnxruntime and fits the shard', async () => {
    const trained = await policy(['train-bc', '--dataset', dataset, '--out', model, '--versions', versions, '--epochs', '4', '--seed', '3', '--json'])
    expect(trained.code, trained.err).toBe(0)
    const report = JSON.parse(trained.out)
    expect(report.passed).toBe(true)
    expect(report.accuracy_heldout).toBeGreaterThanOrEqual(0.8)
    expect(report.dataset).toBe('small')
    expect(report.class_weight_power).toBe(0.5)
    expect(Object.keys(report.per_option)).toEqual([...AGENT_OPTIONS])

    const bytes = await readFile(model)
    const info = readModelInfo(bytes)
    if (!info.ok) throw new Error(info.error.message)
    const loaded = await loadConfigFile(join(repoRoot, 'configs/default.yaml'), await testWorkspace())
    if (!loaded.ok) throw new Error(loaded.error.message)
    const created = createWorld(loaded.value.config, compileOrThrow(loaded.value.affordances.manifest))
    if (!created.ok) throw new Error('world')
    const builder = new ObservationBuilder(created.world)
    expect(checkModelFits(info.value, builder.spec, AGENT_OPTIONS)).toEqual({ ok: true, value: undefined })
    const batch = builder.build(created.world, [])
    const session = await ort.InferenceSession.create(bytes, { executionProviders: ['cpu'] })
    const out = await session.run({
      map: new ort.Tensor('float32', batch.map, [batch.count, ...builder.spec.mapShape]),
      features: new ort.Tensor('float32', batch.features, [batch.count, builder.spec.featureSize])
    })
    expect(out.logits!.dims).toEqual([batch.count, AGENT_OPTIONS.length])
    await session.release()

    const sidecar = JSON.parse(await readFile(join(root, 'policies/small.json'), 'utf8'))
    const reg = JSON.parse(await readFile(versions, 'utf8'))
    expect(reg.models.small).toMatchObject({ file: 'small.onnx', dataset: 'small', seed: 3, sha256: sidecar.sha256, observation_variant: 'hybrid' })

    const audit = await policy(['audit', '--versions', versions])
    expect(audit.code, audit.out).toBe(0)
    expect(audit.out).toContain('0 failures')
  }, 60_000)

  it('fails the gate without writing a model, exit 1', async () => {
    const out = join(root, 'policies/never.onnx')
    const run = await policy(['train-bc', '--dataset', dataset, '--out', out, '--versions', versions, '--epochs', '1', '--threshold', '1'])
    expect(run.code).toBe(1)
    expect(run.out).toContain('gate FAILED')
    expect(await exists(out)).toBe(false)
  }, 60_000)

  it('audit catches a flipped byte in a model, and train-bc refuses a damaged dataset', async () => {
    const copy = join(root, 'policies/small-copy.onnx')
    await writeFile(copy, await readFile(model))
    const reg = JSON.parse(await readFile(versions, 'utf8'))
    reg.models.copy = { ...reg.models.small, file: 'small-copy.onnx' }
    await writeFile(versions, JSON.stringify(reg))
    await flipByte(copy, 100)
    const audit = await policy(['audit', '--versions', versions, '--json'])
    expect(audit.code).toBe(1)
    const report = JSON.parse(audit.out)
    const bad = report.entries.find((e: { name: string }) => e.name === 'copy')
    expect(bad.findings[0]).toMatchObject({ level: 'fail', file: copy })
    expect(report.entries.find((e: { name: string }) => e.name === 'small').findings).toEqual([])

    await flipByte(join(dataset, 'labels.bin'), 5)
    const audit2 = await policy(['audit', '--versions', versions])
    expect(audit2.code).toBe(1)
    expect(audit2.out).toMatch(/FAIL dataset small .*\n\s+error: labels\.bin does not match the manifest/)
    const refused = await policy(['train-bc', '--dataset', dataset, '--out', join(root, 'x.onnx'), '--versions', versions])
    expect(refused.code).toBe(2)
    expect(refused.err).toMatch(/dataset .* refused \(policy.checksum_mismatch\): labels.bin of dataset/)
  }, 60_000)
})

describe('townlet policy: bad usage', () => {
  it.each([
    [['frobnicate'], 'unknown subcommand "frobnicate"'],
    [[], 'missing subcommand'],
    [['capture', '--out', 'x'], '--ticks is required'],
    [['capture', '--ticks', '0', '--out', 'x'], '--ticks must be a whole number'],
    [['capture', '--ticks', '10'], '--out is required'],
    [['train-bc', '--out', 'a.onnx'], '--dataset is required'],
    [['train-bc', '--dataset', 'nowhere', '--out', 'a.pt'], 'a model file name ends in .onnx'],
    [['train-bc', '--dataset', 'nowhere', '--out', 'a.onnx'], 'no such folder'],
    [['train-bc', '--dataset', 'd', '--out', 'a.onnx', '--threshold', '1.5'], '--threshold must be a number from 0 to 1'],
    [['train-bc', '--dataset', 'd', '--out', 'a.onnx', '--class-weight', 'x'], '--class-weight must be a number from 0'],
    [['audit', '--bogus'], "Unknown option '--bogus'"]
  ])('%j → %s', async (argv, message) => {
    const run = await policy(argv)
    expect(run.code).toBe(2)
    expect(run.err).toContain(message)
  })

  it('audit fails on a registry that does not exist', async () => {
    const run = await policy(['audit', '--versions', join(tmpdir(), 'no-such-dir-townlet', 'versions.json')])
    expect(run.code).toBe(1)
    expect(run.out).toContain('does not exist')
  })

  it('is listed in the help', async () => {
    const a = fakeIo()
    expect(await runCli(['help', 'policy'], a.io)).toBe(0)
    expect(a.out()).toContain('townlet policy train-bc --dataset DIR [--dataset DIR …] --out F.onnx')
  })
})
