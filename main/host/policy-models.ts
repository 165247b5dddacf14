/**
 * The models an admin can swap in: the .onnx files in the configs folder's `policies/`, with
 * what their manifest sidecar (`<model>.json`, written by `townlet policy train-bc`) says about
 * them. Paths are given relative to the working folder when they are inside it, as the console's
 * `policy_swap` reads them.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, isAbsolute } from 'node:path'
import type { PolicyStatus } from '../../shared/contract/dto/policy'

type ModelEntry = PolicyStatus['models'][number]

export async function listPolicyModels(configsDir: string, cwd: string): Promise<ModelEntry[]> {
  const dir = join(configsDir, 'policies')
  let names: string[]
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.onnx')).sort()
  } catch {
    return []
  }
  return Promise.all(
    names.map(async (name) => {
      const full = join(dir, name)
      const rel = relative(cwd, full)
      const path = rel.startsWith('..') || isAbsolute(rel) ? full : rel
      const facts = await readSidecar(join(dir, `${name.slice(0, -'.onnx'.length)}.json`))
      return { path, name, sha256: facts.sha256, accuracy: facts.accuracy, observation_variant: facts.observation_variant }
    })
  )
}

async function readSidecar(file: string): Promise<Pick<ModelEntry, 'sha256' | 'accuracy' | 'observation_variant'>> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    return {
      sha256: typeof data.sha256 === 'string' ? data.sha256 : null,
      accuracy: typeof data.accuracy === 'number' ? data.accuracy : null,
      observation_variant: typeof data.variant === 'string' ? data.variant : null
    }
  } catch {
    return { sha256: null, accuracy: null, observation_variant: null }
  }
}
