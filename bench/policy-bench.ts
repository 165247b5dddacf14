/**
 * The policy bench: what a learned policy costs. For 10, 100 and 1,000 agents in the bench
 * towns (bench/engine-config.ts) it measures, on the CPU execution provider with one thread:
 *   - inference latency per tick batch (one `InferenceSession.run` for every living agent),
 *   - the shard's tick rate with the ONNX policy (anneal 1: every decision from the model)
 *     against the scripted controller, in-process, as `townlet run --policy` runs it.
 * The model is the shipped release policy (configs/policies/release.onnx).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { loadOnnxPolicy } from '../main/policy/runtime/onnx-policy'
import { Simulation } from '../main/shard/simulation'
import { loadEngineConfig } from './engine-config'
import { count, formatTable } from './table'

const SIZES = [10, 100, 1000]

interface PolicyResult {
  agents: number
  scriptedTps: number
  onnxTps: number
  meanMs: number
  p95Ms: number
}

async function benchSize(agents: number, model: string, budgetMs: number): Promise<PolicyResult> {
  const scripted = new Simulation(loadEngineConfig(agents))
  for (let i = 0; i < 200; i++) scripted.step() // past the first commute
  let start = performance.now()
  let steps = 0
  while (performance.now() - start < budgetMs) {
    scripted.step()
    steps++
  }
  const scriptedTps = steps / ((performance.now() - start) / 1000)

  const learned = new Simulation(loadEngineConfig(agents))
  const loaded = await loadOnnxPolicy(model, learned.policy.spec)
  if (!loaded.ok) throw new Error(`the release model does not load: ${loaded.error.message}`)
  learned.policy.use(loaded.value)
  for (let i = 0; i < 200; i++) await learned.stepAsync()
  start = performance.now()
  steps = 0
  while (performance.now() - start < budgetMs) {
    await learned.stepAsync()
    steps++
  }
  const onnxTps = steps / ((performance.now() - start) / 1000)
  const latency = learned.policy.status().latency
  await loaded.value.release()
  return { agents, scriptedTps, onnxTps, meanMs: latency.mean_ms ?? NaN, p95Ms: latency.p95_ms ?? NaN }
}

export async function policyReport(root: string, budgetMs = 3000): Promise<string[]> {
  const model = join(root, 'configs/policies/release.onnx')
  if (!existsSync(model)) return [`policy bench skipped: ${model} is missing (regenerate it: see docs/operator-guide.md "Policies")`]
  const rows: string[][] = []
  for (const agents of SIZES) {
    const r = await benchSize(agents, model, budgetMs)
    rows.push([count(r.agents), r.meanMs.toFixed(3), r.p95Ms.toFixed(3), count(r.scriptedTps), count(r.onnxTps), `${((r.onnxTps / r.scriptedTps) * 100).toFixed(0)} %`])
  }
  return [
    'Policy runtime (ONNX on the CPU provider, 1 thread; inference = one batch of every living agent per tick):',
    ...formatTable(['agents', 'inference mean ms', 'p95 ms', 'ticks/s scripted', 'ticks/s ONNX', 'ONNX / scripted'], rows)
  ]
}
