import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadEmbeddedDefault } from '../config/load-config'
import { Simulation } from '../shard/simulation'
import { writeFixedBatchModel } from '../policy/runtime/testing/fixed-batch-model'
import { writeRandomModel } from '../policy/runtime/testing/random-model'
import { runCli } from './cli'
import { fakeIo } from './test-io'

async function run(argv: string[], cwd: string, env: Record<string, string> = {}) {
  const a = fakeIo({ cwd, env })
  const code = await runCli(['run', ...argv], a.io)
  return { code, out: a.out(), err: a.err() }
}

/** The default town's observation spec, which the test models are written for. */
function defaultSpec() {
  return new Simulation(loadEmbeddedDefault()).policy.spec
}

describe('finding 1: a model file that is not a usable policy is bad input (exit 2)', () => {
  it('exits 2 with the reason for a truncated, a non-ONNX, a missing and a mismatched model, given by --policy or by the config', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-exit-codes-'))
    const good = await readFile(writeRandomModel(defaultSpec()))
    await writeFile(join(dir, 'truncated.onnx'), good.subarray(0, Math.floor(good.length / 2)))
    await writeFile(join(dir, 'text.onnx'), 'config_id: not-a-model\nseed: 1\n')
    await writeFile(join(dir, 'compact.yaml'), 'config_id: compact\nseed: 1\nfeatures: { systems: { observations: compact } }\n')
    // A config whose policy.model exists (so the config loads) but is cut short.
    await writeFile(join(dir, 'bad-model.yaml'), 'config_id: bad-model\nseed: 1\npolicy: { backend: onnx, model: truncated.onnx }\n')
    const cases: [string[], RegExp][] = [
      [['--policy', 'truncated.onnx'], /truncated\.onnx: not a usable ONNX model/],
      [['--policy', 'text.onnx'], /text\.onnx: not a usable ONNX model/],
      [['--policy', 'missing.onnx'], /missing\.onnx does not exist/],
      [['--config', 'compact.yaml', '--policy', join(process.cwd(), 'configs/policies/release.onnx')], /trained for the hybrid observation/],
      [['--config', 'bad-model.yaml'], /truncated\.onnx: not a usable ONNX model/]
    ]
    for (const [argv, message] of cases) {
      const { code, err } = await run(['--ticks', '5', '--events', 'events.jsonl', ...argv], dir)
      expect({ argv, code }).toEqual({ argv, code: 2 })
      expect(err).toMatch(message)
      expect(err).not.toMatch(/\n\s+at /)
    }
    // No events file (nor its temp file) was left behind by the refused runs.
    expect((await readdir(dir)).sort()).toEqual(['bad-model.yaml', 'compact.yaml', 'text.onnx', 'truncated.onnx'])
  })
})

describe('finding 2: an inference failure mid-run ends `townlet run` with exit 1', () => {
  it('stops at the failing tick, drops the events file, says why on stderr and never claims the scripted controller', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-inference-fail-'))
    // The default town has 8 agents; this real model only runs for exactly 8. A spawn submitted
    // at tick 3 joins in tick 4, so the decision after tick 4 is the first with 9 agents.
    const model = join(dir, 'fixed-batch.onnx')
    await copyFile(writeFixedBatchModel(defaultSpec(), 8), model)
    await writeFile(join(dir, 'drill.jsonl'), `${JSON.stringify({ tick: 3, cmd_id: 'spawn-zed', name: 'spawn', args: { id: 'zed' } })}\n`)
    await writeFile(join(dir, 'events.jsonl'), 'kept from an earlier run\n')
    const env = { TOWNLET_ADMIN_TOKEN: 'drill-token' }
    const { code, out, err } = await run(['--ticks', '20', '--policy', model, '--events', 'events.jsonl', '--commands', 'drill.jsonl', '--role', 'admin'], dir, env)
    expect(code).toBe(1)
    expect(err).toMatch(/^error: inference failed at tick 4: .*cannot be reshaped/m)
    expect(err).not.toMatch(/\n\s+at /)
    expect(out).not.toContain('scripted controller')
    expect(out).not.toContain('ran 20 ticks')
    // The failed run left the earlier events file as it was and no temp file beside it.
    expect(await readFile(join(dir, 'events.jsonl'), 'utf8')).toBe('kept from an earlier run\n')
    expect((await readdir(dir)).sort()).toEqual(['drill.jsonl', 'events.jsonl', 'fixed-batch.onnx'])
  })

  it('runs the same model to the end while the town keeps its size', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-inference-ok-'))
    const model = join(dir, 'fixed-batch.onnx')
    await copyFile(writeFixedBatchModel(defaultSpec(), 8), model)
    const { code, out } = await run(['--ticks', '20', '--policy', model], dir)
    expect(code).toBe(0)
    expect(out).toMatch(/^policy: fixed-batch\.onnx \(sha256/m)
  })
})
