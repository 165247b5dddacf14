import { dirname, isAbsolute, resolve } from 'node:path'

/**
 * Where a config's `policy.model` lives: relative paths are read from the config file's folder,
 * like its affordance registry; an embedded config's from the working folder.
 */
export function resolveModelPath(model: string, configSource: string): string {
  if (isAbsolute(model)) return model
  const base = configSource.startsWith('embedded:') ? process.cwd() : dirname(configSource)
  return resolve(base, model)
}
