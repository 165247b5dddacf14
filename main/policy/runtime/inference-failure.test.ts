import { describe, expect, it } from 'vitest'
import { loadConfigFile } from '../../config/load-config'
import { Simulation } from '../../shard/simulation'
import { InferenceFailedError } from './inference-failed-error'
import { loadOnnxPolicy } from './onnx-policy'
import { writeFixedBatchModel } from './testing/fixed-batch-model'
import { testWorkspace } from '../../fs/testing/test-workspace'
import { captureWithPolicy } from '../bc/capture'

/** A default-town simulation driven by a real model that only runs for its 8 agents. */
async function fixedBatchSim(): Promise<Simulation> {
  const loaded = await loadConfigFile('configs/default.yaml', await testWorkspace())
  if (!loaded.ok) throw new Error(loaded.error.message)
  const sim = new Simulation(loaded.value)
  const policy = await loadOnnxPolicy(writeFixedBatchModel(sim.policy.spec, sim.world.state.agents.count), sim.policy.spec)
  if (!policy.ok) throw new Error(policy.error.message)
  sim.policy.use(policy.value)
  return sim
}

/** Three ticks with the model, then a newcomer: the decision after tick 4 runs with 9 agents. */
async function growTown(sim: Simulation): Promise<void> {
  for (let t = 0; t < 3; t++) await sim.stepAsync()
  expect(sim.policy.identity().backend).toBe('onnx')
  sim.enqueue({ op: 'spawn', id: 'newcomer' })
  await sim.stepAsync()
}

describe('finding 2: how the policy runtime signals an inference failure', () => {
  it('by default (the app) falls back to the scripted controller with a notice, as before', async () => {
    const sim = await fixedBatchSim()
    await growTown(sim)
    await sim.stepAsync()
    expect(sim.policy.identity().backend).toBe('scripted')
    expect(sim.policy.status().notice).toMatch(/^the model fixed-batch\.onnx failed at tick 4 .*the scripted controller took over$/s)
  })

  it("with onInferenceError 'fail' (townlet run) rejects the step with the tick and onnxruntime's reason, and decides nothing", async () => {
    const sim = await fixedBatchSim()
    sim.policy.onInferenceError = 'fail'
    await growTown(sim)
    const failed = await sim.stepAsync().then(
      () => undefined,
      (e: unknown) => e
    )
    expect(failed).toBeInstanceOf(InferenceFailedError)
    if (!(failed instanceof InferenceFailedError)) return
    expect(failed).toMatchObject({ code: 'policy.inference_failed', tick: 4, model: 'fixed-batch.onnx' })
    expect(failed.reason).toMatch(/cannot be reshaped to the requested shape/)
    // One line, so the CLI can print it after "error: …".
    expect(failed.reason).not.toContain('\n')
    // The world stayed where the failure found it; the model is still the policy (no silent fallback).
    expect(sim.world.state.tick).toBe(4)
    expect(sim.policy.identity().backend).toBe('onnx')
    expect(sim.policy.status().notice).toBeNull()
  })
})

describe('a capture driven by a model that fails at inference', () => {
  it('fails instead of recording the scripted controller under the model’s name', async () => {
    const loaded = await loadConfigFile('configs/default.yaml', await testWorkspace())
    if (!loaded.ok) throw new Error(loaded.error.message)
    // A model that only scores a batch of 3: the default town has 8.
    const path = writeFixedBatchModel(new Simulation(loaded.value).policy.spec, 3)
    await expect(captureWithPolicy(loaded.value, { ticks: 5, every: 1, created: 'now', anneal: 1, load: (spec) => loadOnnxPolicy(path, spec) })).rejects.toThrow(InferenceFailedError)
  })
})
