import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './cli'
import { fakeIo } from './test-io'

describe('townlet run --policy / --anneal', () => {
  it('runs the shipped model, reports its identity, and gives the same hash twice', async () => {
    const hashes: string[] = []
    for (let k = 0; k < 2; k++) {
      const a = fakeIo()
      expect(await runCli(['run', '--ticks', '120', '--policy', 'configs/policies/release.onnx', '--anneal', '0.5', '--hash', '--json'], a.io)).toBe(0)
      const summary = JSON.parse(a.out()) as { policy: Record<string, unknown>; hash: string }
      expect(summary.policy).toMatchObject({ backend: 'onnx', model: 'release.onnx', execution_provider: 'cpu', anneal_ratio: 0.5, observation_variant: 'hybrid' })
      hashes.push(summary.hash)
    }
    expect(hashes[1]).toBe(hashes[0])
    const text = fakeIo()
    expect(await runCli(['run', '--ticks', '5', '--policy', 'configs/policies/release.onnx'], text.io)).toBe(0)
    expect(text.out()).toMatch(/policy: release\.onnx \(sha256 [0-9a-f]{12}…, cpu provider, hybrid observations, anneal 1\)/)
  })

  it('refuses an anneal ratio outside [0, 1] and a policy that is neither scripted nor a model', async () => {
    for (const argv of [['--anneal', '1.5'], ['--anneal', '-0.1'], ['--anneal', 'half'], ['--policy', 'learned'], ['--policy', '']]) {
      const a = fakeIo()
      expect(await runCli(['run', '--ticks', '5', ...argv], a.io)).toBe(2)
      expect(a.err()).toMatch(/--anneal|--policy/)
    }
  })

  it('ends with the reason and exit 2 (bad input) when the model is missing, not ONNX, or made for another observation variant', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-cli-policy-'))
    await writeFile(join(dir, 'fake.onnx'), 'not a model at all')
    await writeFile(join(dir, 'compact.yaml'), 'config_id: compact\nseed: 1\nfeatures: { systems: { observations: compact } }\n')
    const cases: [string[], RegExp][] = [
      [['--policy', join(dir, 'missing.onnx')], /missing\.onnx does not exist/],
      [['--policy', join(dir, 'fake.onnx')], /fake\.onnx/],
      [['--config', join(dir, 'compact.yaml'), '--policy', 'configs/policies/release.onnx'], /compact/]
    ]
    for (const [argv, message] of cases) {
      const a = fakeIo()
      expect(await runCli(['run', '--ticks', '5', '--workspace', dir, ...argv], a.io)).toBe(2)
      expect(a.err()).toMatch(message)
    }
    // And one outside the workspace is bad input too, refused before it is read.
    const outside = fakeIo()
    expect(await runCli(['run', '--ticks', '5', '--policy', join(dir, 'fake.onnx')], outside.io)).toBe(2)
    expect(outside.err()).toContain('outside the workspace')
  })
})
