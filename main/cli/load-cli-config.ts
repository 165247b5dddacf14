import { describeConfigError } from '../config/describe-config-error'
import { loadConfigFile, loadEmbeddedDefault, type LoadedConfig } from '../config/load-config'
import type { ShardFiles } from '../shard/shard'
import { UsageError } from './cli-io'

/** The config named by --config (inside the workspace, relative to the working folder), or the embedded default. */
export async function loadCliConfig(path: string | undefined, files: ShardFiles): Promise<LoadedConfig> {
  if (path === undefined) return loadEmbeddedDefault()
  const loaded = await loadConfigFile(path, files.workspace, files.base)
  if (!loaded.ok) throw new UsageError(describeConfigError(loaded.error))
  return loaded.value
}
