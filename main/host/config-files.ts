import { readdir } from 'node:fs/promises'
import { join, sep } from 'node:path'
import type { ConfigFile } from '../../shared/contract/dto/config-summary'

/**
 * Folders under configs/ that hold parts of configs (affordance registries, perturbation specs,
 * policies), not shard configs: listing them would offer files that can never load.
 */
const PART_FOLDERS = ['affordances', 'perturbations', 'policies']

/** Every shard config YAML under the configs folder (sub-folders included), sorted by name. */
export async function listConfigFiles(configsDir: string): Promise<ConfigFile[]> {
  let entries: string[]
  try {
    entries = await readdir(configsDir, { recursive: true })
  } catch {
    return []
  }
  return entries
    .filter((name) => /\.ya?ml$/i.test(name) && !PART_FOLDERS.includes(name.split(sep)[0] ?? ''))
    .map((name) => ({ name: name.split(sep).join('/'), path: join(configsDir, name) }))
    .sort((a, b) => a.name.localeCompare(b.name))
}
