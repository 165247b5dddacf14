import { open, readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describeConfigError } from '../config/describe-config-error'
import { loadConfigFile, loadEmbeddedDefault, MAX_CONFIG_BYTES, type LoadedConfig } from '../config/load-config'
import { parseYamlData } from '../config/parse-yaml-data'
import type { ShardFiles } from '../shard/shard'
import { UsageError } from './cli-io'

/** The config named by --config (inside the workspace, relative to the working folder), or the embedded default. */
export async function loadCliConfig(path: string | undefined, files: ShardFiles): Promise<LoadedConfig> {
  if (path === undefined) return loadEmbeddedDefault()
  const loaded = await loadConfigFile(path, files.workspace, files.base)
  if (!loaded.ok) throw new UsageError(describeConfigError(loaded.error))
  return loaded.value
}

/** Bounds on the configs folder scan: it is ours, but a stray copy of something huge must not stall a resume. */
const MAX_SCAN_FILES = 500
const MAX_SCAN_DEPTH = 3
/** Folders of the configs tree that hold other kinds of YAML (registries, perturbation sets, saved towns). */
const NOT_SHARD_CONFIGS = new Set(['affordances', 'perturbations', 'policies', 'snapshots'])
/** Only the top-level key matters here: the file is loaded properly once chosen. */
const CONFIG_ID_PROBE = { name: 'shard config', topKeys: ['config_id'], shape: 'a shard config has a top-level config_id' } as const

/**
 * The config a snapshot was saved under, found by its config_id (`--snapshot` without
 * `--config`): the embedded default when it is the default's, else the one YAML in the configs
 * folder (`configsDir`, subfolders included) whose config_id it is. None, or more than one, is a
 * usage error that lists the config_ids there are and asks for --config.
 */
export async function configForSnapshot(configId: string, configsDir: string, files: ShardFiles): Promise<LoadedConfig> {
  const embedded = loadEmbeddedDefault()
  if (embedded.summary.config_id === configId) return embedded
  const found = await configIds(configsDir)
  const matches = found.filter((f) => f.configId === configId)
  const quoted = JSON.stringify(configId.slice(0, 80))
  if (matches.length === 1) return loadCliConfig(matches[0]!.path, files)
  if (matches.length > 1) {
    const names = matches.map((m) => relative(configsDir, m.path)).join(', ')
    throw new UsageError(`--snapshot: the snapshot is of config_id ${quoted}, which ${matches.length} configs in ${configsDir} have (${names}): pass --config with the one it was saved under`)
  }
  const ids = [...new Set([embedded.summary.config_id, ...found.map((f) => f.configId)])].sort()
  throw new UsageError(`--snapshot: the snapshot is of config_id ${quoted} and no config in ${configsDir} has it (found: ${ids.join(', ')}): pass --config with the config it was saved under`)
}

/** Every shard config under `dir` with its config_id (unreadable or foreign files are skipped). */
async function configIds(dir: string): Promise<{ path: string; configId: string }[]> {
  const out: { path: string; configId: string }[] = []
  const paths = await yamlFiles(dir, 0, { left: MAX_SCAN_FILES })
  for (const path of paths.sort()) {
    const text = await readBounded(path)
    if (text === undefined) continue
    const yaml = parseYamlData(text, CONFIG_ID_PROBE)
    if (!yaml.ok) continue
    const id = (yaml.data as { config_id?: unknown }).config_id
    if (typeof id === 'string' && id.length > 0 && id.length <= 200) out.push({ path, configId: id })
  }
  return out
}

async function yamlFiles(dir: string, depth: number, budget: { left: number }): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const out: string[] = []
  for (const e of entries) {
    if (budget.left <= 0) break
    const path = join(dir, e.name)
    if (e.isFile() && /\.ya?ml$/i.test(e.name)) {
      budget.left--
      out.push(path)
    } else if (e.isDirectory() && depth + 1 < MAX_SCAN_DEPTH && !(depth === 0 && NOT_SHARD_CONFIGS.has(e.name))) {
      out.push(...(await yamlFiles(path, depth + 1, budget)))
    }
  }
  return out
}

async function readBounded(path: string): Promise<string | undefined> {
  const handle = await open(path, 'r').catch(() => undefined)
  if (!handle) return undefined
  try {
    const info = await handle.stat()
    if (!info.isFile() || info.size > MAX_CONFIG_BYTES) return undefined
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}
