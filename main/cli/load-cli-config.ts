import { resolve } from 'node:path'
import { describeConfigError } from '../config/describe-config-error'
import { loadConfigFile, loadEmbeddedDefault, type LoadedConfig } from '../config/load-config'
import { UsageError } from './cli-io'

/** The config named by --config (relative to the working directory), or the embedded default. */
export async function loadCliConfig(path: string | undefined, cwd: string): Promise<LoadedConfig> {
  if (path === undefined) return loadEmbeddedDefault()
  const loaded = await loadConfigFile(resolve(cwd, path))
  if (!loaded.ok) throw new UsageError(describeConfigError(loaded.error))
  return loaded.value
}
