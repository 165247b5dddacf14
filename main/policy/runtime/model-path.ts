import { dirname, isAbsolute, resolve } from 'node:path'
import type { ShardConfig } from '../../config/shard-config-schema'

/**
 * Where a config's `policy.model` lives: relative paths are read from the config file's folder,
 * like its affordance registry; an embedded config's from the working folder.
 */
export function resolveModelPath(model: string, configSource: string): string {
  if (isAbsolute(model)) return model
  const base = configSource.startsWith('embedded:') ? process.cwd() : dirname(configSource)
  return resolve(base, model)
}

/** The model file a config's policy section names (backend onnx), resolved; undefined for the scripted backend. */
export function configuredModel(config: ShardConfig, configSource: string): string | undefined {
  const { backend, model } = config.policy
  return backend === 'onnx' && model !== undefined ? resolveModelPath(model, configSource) : undefined
}
