/**
 * Model files for a shard: where one may be read from (inside the workspace, links followed), and
 * loading the model a config names into a simulation that is not live yet (a config load, a
 * snapshot load), so a model that fails leaves the running shard as it was.
 */
import type { LoadedConfig } from '../config/load-config'
import { loadOnnxPolicy, type OnnxPolicy } from '../policy/runtime/onnx-policy'
import { configuredModel } from '../policy/runtime/model-path'
import { err, ok, type Result } from '../../shared/result'
import type { ShardFiles } from './shard-options'
import type { Simulation } from './simulation'

/** A model file's real path inside the workspace (links followed), or why it may not be read. */
export async function modelPath(files: ShardFiles | undefined, model: string): Promise<Result<string>> {
  if (!files) return err('fs.outside_workspace', `this shard reads no model files, so ${model} cannot be loaded: run it from a host or townlet run, which name the workspace`)
  return files.workspace.resolve(model, { base: files.base, what: 'policy model', codes: { notFound: 'policy.model_not_found', unreadable: 'policy.model_not_found' } })
}

/** Load the model `loaded` names (none for the scripted backend) into `sim`; `what` says what keeps running on failure. */
export async function useConfiguredModel(sim: Simulation, loaded: LoadedConfig, files: ShardFiles | undefined, what: string): Promise<Result<void>> {
  const named = configuredModel(loaded.config, loaded.summary.source)
  if (named === undefined) return ok(undefined)
  const path = await modelPath(files, named)
  if (!path.ok) return err(path.error.code, `${loaded.summary.source}: policy.model: ${path.error.message}; ${what}`)
  const model = await loadOnnxPolicy(path.value, sim.policy.spec, { provider: loaded.config.policy.provider })
  if (!model.ok) return err(model.error.code, `${loaded.summary.source}: policy.model: ${model.error.message}; ${what}`, model.error.details)
  sim.policy.use(model.value)
  return ok(undefined)
}

/**
 * A model for `sim` by name: an .onnx file inside the workspace, read and checked against the
 * world's observation spec, or null for "scripted". Nothing is used yet: the caller decides.
 */
export async function loadModelFile(sim: Simulation, model: string, files: ShardFiles | undefined, provider: LoadedConfig['config']['policy']['provider']): Promise<Result<OnnxPolicy | null>> {
  if (model === 'scripted') return ok(null)
  const path = await modelPath(files, model)
  if (!path.ok) return path
  return loadOnnxPolicy(path.value, sim.policy.spec, { provider })
}
