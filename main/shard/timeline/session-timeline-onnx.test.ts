/**
 * The timeline with a real ONNX model deciding: every tick rebuilds to the live hash from the
 * keyframes and the logged decisions alone (no model is needed to look at the past), and a fork,
 * which replays through the policy, needs the model loaded again and then lands on the exact
 * hash; without it the replay's first differing decision is caught and named.
 */
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ok } from '../../../shared/result'
import { loadConfigFile, type LoadedConfig } from '../../config/load-config'
import { testWorkspace } from '../../fs/testing/test-workspace'
import { loadOnnxPolicy } from '../../policy/runtime/onnx-policy'
import { hashWorld } from '../../sim/hash/hash-world'
import { Simulation } from '../simulation'
import { opsAfter, record, sha256, watch } from './testing/timeline-town'

const RELEASE = resolve(__dirname, '../../../configs/policies/release.onnx')

let loaded: LoadedConfig
beforeAll(async () => {
  const l = await loadConfigFile(resolve(__dirname, '../../../configs/default.yaml'), await testWorkspace())
  if (!l.ok) throw new Error(l.error.message)
  loaded = l.value
})

async function withModel(sim: Simulation) {
  const model = await loadOnnxPolicy(RELEASE, sim.policy.spec)
  if (!model.ok) throw new Error(model.error.message)
  sim.policy.use(model.value)
  return ok(undefined)
}

describe('SessionTimeline with the ONNX policy', () => {
  it('replays to the live hash at every tick, and forks and reopens exactly with the model loaded again', async () => {
    const sim = new Simulation(loaded)
    await withModel(sim)
    const r = record(sim, loaded, { keyframeEvery: 15 })
    for (let t = 0; t < 70; t++) {
      for (const op of opsAfter(sim.world.state.tick)) sim.enqueue(op)
      await sim.stepAsync()
    }
    for (let t = 0; t <= 70; t++) {
      const f = r.timeline.frame(t)
      if (!f.ok) throw new Error(f.error.message)
      if (f.value.hash !== r.hashes.get(t)) expect(`tick ${t}: ${f.value.hash}`).toBe(`tick ${t}: ${r.hashes.get(t)}`)
    }
    const liveHash = hashWorld(sim.world, sha256)

    // The scripted controller decides differently from the model: the replay says so and nothing changes.
    const wrong = await r.timeline.fork(40)
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('timeline.diverged')
    expect(r.timeline.status().branches.length).toBe(1)

    const forked = await r.timeline.fork(40, 'onnx fork', { prepare: (s) => withModel(s) })
    if (!forked.ok) throw new Error(forked.error.message)
    expect(hashWorld(forked.value.simulation.world, sha256)).toBe(r.hashes.get(40))
    expect(forked.value.policyHash).toBe(sim.policy.model?.sha256)
    sim.dispose()
    watch(r, forked.value.simulation)
    for (let t = 0; t < 5; t++) await forked.value.simulation.stepAsync()

    const back = await r.timeline.reopen(r.timeline.status().branches[0]!.id, { prepare: (s) => withModel(s) })
    if (!back.ok) throw new Error(back.error.message)
    expect(hashWorld(back.value.simulation.world, sha256)).toBe(liveHash)
    expect(back.value.policy).toEqual(JSON.parse(JSON.stringify(sim.policy.toJSON())))
  }, 120_000)
})
