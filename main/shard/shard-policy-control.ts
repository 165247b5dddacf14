/**
 * The shard's policy controls (main/policy/runtime): attach the model the config names, swap in
 * another (an .onnx file or "scripted") from the next tick, and read the runtime's status and
 * decision traces, always on the live simulation. Kept apart from shard.ts so the shard stays a
 * clock and an owner of simulations.
 */
import { err, ok, type Result } from '../../shared/result'
import type { DecisionTrace, PolicyIdentity, PolicyStatus } from '../../shared/contract/dto/policy'
import type { LoadedConfig } from '../config/load-config'
import { configuredModel } from '../policy/runtime/model-path'
import type { ShardFiles } from './shard-options'
import { loadModelFile } from './shard-model'
import type { Simulation } from './simulation'

export interface ShardPolicyDeps {
  /** The live simulation (it changes on a config load, a snapshot load, a fork). */
  sim(): Simulation
  loaded(): LoadedConfig
  files: ShardFiles | undefined
  /** The shard's state changed: send frames. */
  changed(): void
}

export class ShardPolicyControl {
  constructor(private readonly deps: ShardPolicyDeps) {}

  /** Load the model the config names (backend onnx); on failure the scripted controller runs and the error is returned. */
  async attachConfigured(): Promise<Result<PolicyIdentity>> {
    const loaded = this.deps.loaded()
    const path = configuredModel(loaded.config, loaded.summary.source)
    return path === undefined ? ok(this.deps.sim().policy.identity()) : this.swap(path)
  }

  /**
   * Use another policy from the next tick. The model is read, checked against this world's
   * observation spec and loaded before anything changes; the current policy stays on any failure.
   */
  async swap(model: string): Promise<Result<PolicyIdentity>> {
    const sim = this.deps.sim()
    const loaded = await loadModelFile(sim, model, this.deps.files, this.deps.loaded().config.policy.provider)
    if (!loaded.ok) return loaded
    if (sim !== this.deps.sim()) {
      void loaded.value?.release()
      return err('console.conflict', 'a new config was loaded while the model was loading; swap again for the new town')
    }
    sim.policy.use(loaded.value)
    if (loaded.value) this.deps.changed()
    return ok(sim.policy.identity())
  }

  status(): Omit<PolicyStatus, 'models'> {
    return this.deps.sim().policy.status()
  }

  trace(id: string): Result<DecisionTrace> {
    return this.deps.sim().policy.trace(id)
  }
}
