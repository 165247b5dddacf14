import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConsoleResult } from '../../shared/contract/dto/console'
import type { DecisionTrace, PolicyStatus } from '../../shared/contract/dto/policy'
import type { ShardStatus } from '../../shared/contract/dto/shard-status'
import { createTestHost, okValue, repoRoot, type TestHost } from './test-host'

const TOKEN = 'policy-admin'
const RELEASE = join(repoRoot, 'configs/policies/release.onnx')

let host: TestHost | undefined
afterEach(async () => {
  await host?.dispose()
  host = undefined
})

async function started(): Promise<TestHost> {
  host = createTestHost({ env: { TOWNLET_ADMIN_TOKEN: TOKEN } })
  await host.start()
  return host
}

/** A generated town of 12 in a temp folder; `policy` is the YAML of its policy section. */
async function townConfig(policy: string, extra = ''): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'townlet-policy-'))
  const file = join(dir, 'learned.yaml')
  await writeFile(file, `config_id: learned\nseed: 5\nworld: { population: 12, generate: {} }\npolicy:\n${policy}\n${extra}`)
  return file
}

async function finalResult(h: TestHost, cmdId: string): Promise<ConsoleResult> {
  return (await h.waitFor('console.result', (r: ConsoleResult) => r.cmd_id === cmdId && r.status !== 'queued', 20_000)) as ConsoleResult
}

describe('the policy runtime through the host and a real worker', () => {
  it('loads a config whose policy is an ONNX model and runs it: status, latency, traces', async () => {
    const h = await started()
    okValue(await h.admin('config.load', { path: await townConfig(`  backend: onnx\n  model: ${RELEASE}`) }))
    okValue<ShardStatus>(await h.admin('shard.step', { ticks: 30 }))
    const status = okValue<PolicyStatus>(await h.call('policy.status'))
    const sidecar = JSON.parse(await readFile(join(repoRoot, 'configs/policies/release.json'), 'utf8')) as { sha256: string }
    expect(status.identity).toMatchObject({ backend: 'onnx', model: 'release.onnx', policy_hash: sidecar.sha256, execution_provider: 'cpu', observation_variant: 'hybrid', anneal_ratio: 1 })
    expect(status.decisions.total.learned).toBeGreaterThan(0)
    expect(status.latency.history.length).toBeGreaterThan(0)
    expect(status.embedding.in_use).toBe(12)
    expect(status.models.map((m) => m.name)).toEqual(['candidate.onnx', 'release.onnx'])
    expect(status.models.find((m) => m.name === 'release.onnx')).toMatchObject({ path: 'configs/policies/release.onnx', sha256: sidecar.sha256, observation_variant: 'hybrid' })
    // Observer frames carry agents as columns: the first living slot, named through the roster.
    const full = okValue<{ roster: string[]; agents: { index: number[] } }>(await h.call('observer.full'))
    const agent = full.roster[full.agents.index[0]!]!
    const trace = okValue<DecisionTrace>(await h.call('policy.trace', { id: agent }))
    expect(trace).toMatchObject({ agent, decided_by: 'learned', map: { shape: [4, 11, 11] } })
    expect(trace.probabilities?.length).toBeGreaterThan(0)
    const missing = await h.call('policy.trace', { id: 'nobody' })
    expect(!missing.ok && missing.error.code).toBe('console.not_found')
  })

  it('refuses a config naming a missing model or a model for another observation variant; the running shard keeps its config', async () => {
    const h = await started()
    const before = okValue<ShardStatus>(await h.admin('shard.step', { ticks: 3 }))
    const missing = await h.admin('config.load', { path: await townConfig('  backend: onnx\n  model: nowhere/model.onnx') })
    expect(!missing.ok && missing.error).toMatchObject({ code: 'config.invalid', message: expect.stringMatching(/policy\.model \(line \d+:\d+\): the policy model .*nowhere\/model\.onnx does not exist/) })
    const compact = await h.admin('config.load', { path: await townConfig(`  backend: onnx\n  model: ${RELEASE}`, 'features: { systems: { observations: compact } }\n') })
    expect(!compact.ok && compact.error).toMatchObject({ code: 'policy.model_mismatch', message: expect.stringMatching(/hybrid[\s\S]*compact|compact[\s\S]*hybrid/) })
    const after = okValue<ShardStatus>(await h.call('shard.status'))
    expect(after).toMatchObject({ tick: before.tick, config: { config_id: before.config.config_id } })
    expect(okValue<PolicyStatus>(await h.call('policy.status')).identity.backend).toBe('scripted')
  })

  it('swaps the policy live from the console (admin), refuses bad models with the reason, and changes the anneal ratio', async () => {
    const h = await started()
    const viewer = okValue<ConsoleResult>(await h.call('console.run', { name: 'policy_swap', args: { model: 'configs/policies/release.onnx' } }))
    expect(viewer).toMatchObject({ status: 'error', error: { code: 'console.forbidden' } })
    okValue(await h.call('console.auth', { token: TOKEN }))
    const queued = okValue<ConsoleResult>(await h.call('console.run', { name: 'policy_swap', args: { model: 'configs/policies/release.onnx' }, cmd_id: 'swap-1' }))
    expect(queued.status).toBe('queued')
    const swapped = await finalResult(h, 'swap-1')
    expect(swapped).toMatchObject({ status: 'ok', result: { backend: 'onnx', model: 'release.onnx' } })
    okValue(await h.admin('shard.step', { ticks: 10 }))
    expect(okValue<PolicyStatus>(await h.call('policy.status')).decisions.total.learned).toBeGreaterThan(0)

    okValue(await h.call('console.run', { name: 'policy_swap', args: { model: 'configs/default.onnx' }, cmd_id: 'swap-2' }))
    expect(await finalResult(h, 'swap-2')).toMatchObject({ status: 'error', error: { code: 'policy.model_not_found', message: expect.stringContaining('does not exist') } })
    expect(okValue<PolicyStatus>(await h.call('policy.status')).identity.model).toBe('release.onnx')

    const bad = okValue<ConsoleResult>(await h.call('console.run', { name: 'anneal_set', args: { ratio: 1.5 } }))
    expect(bad).toMatchObject({ status: 'error', error: { code: 'console.invalid_args', message: expect.stringContaining('ratio') } })
    okValue(await h.call('console.run', { name: 'anneal_set', args: { ratio: 0.25 }, cmd_id: 'anneal-1' }))
    okValue(await h.admin('shard.step', { ticks: 1 }))
    expect(await finalResult(h, 'anneal-1')).toMatchObject({ status: 'ok' })
    expect(okValue<PolicyStatus>(await h.call('policy.status')).identity.anneal_ratio).toBe(0.25)
  })
})
