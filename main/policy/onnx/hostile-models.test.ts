/**
 * Hostile model files (the trust-boundary issue, models): whatever is named as a policy — a
 * truncated or foreign file, an empty one, a FIFO, a device, a file far beyond the size bound —
 * is refused with the reason before onnxruntime sees it (or as soon as it does), never hangs or
 * floods the reader, and the running policy stays.
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp, open, readFile, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadEmbeddedDefault } from '../../config/load-config'
import { Workspace } from '../../fs/workspace'
import { realScheduler } from '../../shard/scheduler'
import { Shard } from '../../shard/shard'
import { loadOnnxPolicy } from '../runtime/onnx-policy'
import { writeRandomModel } from '../runtime/testing/random-model'

async function hostileFiles() {
  const dir = await mkdtemp(join(tmpdir(), 'townlet-models-'))
  const spec = new Shard(loadEmbeddedDefault(), { scheduler: realScheduler }).simulation.policy.spec
  const good = await readFile(writeRandomModel(spec))
  await writeFile(join(dir, 'truncated.onnx'), good.subarray(0, Math.floor(good.length / 3)))
  await writeFile(join(dir, 'text.onnx'), 'config_id: not-a-model\n')
  await writeFile(join(dir, 'empty.onnx'), '')
  await writeFile(join(dir, 'random.onnx'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))
  execFileSync('mkfifo', [join(dir, 'pipe.onnx')])
  await symlink('/dev/zero', join(dir, 'zero.onnx'))
  // Sparse: 300 MiB on paper; reading it whole would take the time and the memory.
  const huge = await open(join(dir, 'huge.onnx'), 'w')
  await huge.truncate(300 * 1024 * 1024)
  await huge.close()
  return { dir, spec }
}

describe('hostile model files', () => {
  it('refuses each with its reason, at once, without reading more than the bound', async () => {
    const { dir, spec } = await hostileFiles()
    const expected: [string, string, RegExp][] = [
      ['truncated.onnx', 'policy.invalid_model', /not a usable ONNX model/],
      ['text.onnx', 'policy.invalid_model', /not a usable ONNX model/],
      ['random.onnx', 'policy.invalid_model', /not a usable ONNX model/],
      ['empty.onnx', 'policy.invalid_model', /empty/],
      ['pipe.onnx', 'policy.model_not_found', /not a regular file/],
      ['zero.onnx', 'policy.model_not_found', /not a regular file/],
      ['huge.onnx', 'policy.invalid_model', /314572800 bytes, more than the 256 MiB/],
      ['missing.onnx', 'policy.model_not_found', /does not exist/]
    ]
    for (const [name, code, message] of expected) {
      const loaded = await loadOnnxPolicy(join(dir, name), spec)
      expect(!loaded.ok && loaded.error.code, name).toBe(code)
      expect(!loaded.ok && loaded.error.message, name).toMatch(message)
    }
  })

  it('keeps the running policy when a swap is refused, and refuses a model outside the workspace', async () => {
    const { dir } = await hostileFiles()
    const inside = await mkdtemp(join(tmpdir(), 'townlet-models-ws-'))
    const shard = new Shard(loadEmbeddedDefault(), { scheduler: realScheduler, files: { workspace: await Workspace.create([{ name: 'workspace', path: inside }]), base: inside } })
    for (const name of ['truncated.onnx', 'pipe.onnx', 'huge.onnx']) {
      const swapped = await shard.swapPolicy(join(dir, name))
      expect(!swapped.ok && swapped.error.code, name).toBe('fs.outside_workspace')
    }
    await symlink(join(dir, 'truncated.onnx'), join(inside, 'linked.onnx'))
    const linked = await shard.swapPolicy('linked.onnx')
    expect(!linked.ok && linked.error.message).toContain('link')
    expect(shard.simulation.policy.identity().backend).toBe('scripted')
    shard.dispose()
  })
})
