import { afterEach, describe, expect, it, vi } from 'vitest'
import { err, ok } from '../../../shared/result'
import { sampleConsoleResult, sampleDecisionTrace, samplePolicyStatus } from '../../../shared/testing/contract-samples'
import { annealArgs, operatorActArgs, possessArgs, swapArgs } from '../features/policy/policy-commands'
import { createStores } from '../stores/stores'
import { FakeClient } from '../testing/fake-client'
import { createCommands } from './commands'
import { POLICY_REFRESH_MS } from './policy-commands'

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

function setup() {
  const client = new FakeClient({
    'policy.status': () => ok(samplePolicyStatus()),
    'policy.trace': ({ id }) => (id === 'alice' ? ok(sampleDecisionTrace(id)) : err('console.not_found', `no agent ${id}`)),
    'console.run': (req) => ok(sampleConsoleResult({ cmd_id: req.cmd_id ?? 'x', name: req.name, status: 'queued' }))
  })
  const stores = createStores()
  const commands = createCommands(client, stores)
  const statusCalls = () => client.channelsCalled().filter((c) => c === 'policy.status').length
  return { client, stores, commands, statusCalls }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('policy commands', () => {
  it('puts the status in the policy store, and keeps it beside the error of a failed refresh', async () => {
    const { client, stores, commands } = setup()
    expect(await commands.refreshPolicy()).toBe(true)
    expect(stores.policy.getState().status?.identity.model).toBe('release.onnx')
    client.handlers['policy.status'] = () => err('internal.error', 'boom')
    expect(await commands.refreshPolicy()).toBe(false)
    expect(stores.policy.getState()).toMatchObject({ error: 'internal.error: boom', status: { identity: { model: 'release.onnx' } } })
    expect(stores.failures.getState().notices).toEqual([])
  })

  it('shares a refresh in flight', async () => {
    const { commands, statusCalls } = setup()
    await Promise.all([commands.refreshPolicy(), commands.refreshPolicy()])
    expect(statusCalls()).toBe(1)
  })

  it('fetches a trace by agent id', async () => {
    const { client, commands } = setup()
    expect(await commands.fetchPolicyTrace('alice')).toEqual(ok(sampleDecisionTrace('alice')))
    expect(client.calls.at(-1)).toEqual({ channel: 'policy.trace', req: { id: 'alice' } })
    const gone = await commands.fetchPolicyTrace('zed')
    expect(gone.ok ? null : gone.error.code).toBe('console.not_found')
  })

  it('polls once a second however many watch, until the last stops', async () => {
    vi.useFakeTimers()
    const { commands, statusCalls } = setup()
    const stopA = commands.watchPolicy()
    const stopB = commands.watchPolicy()
    await vi.advanceTimersByTimeAsync(0)
    const first = statusCalls()
    await vi.advanceTimersByTimeAsync(POLICY_REFRESH_MS * 3)
    expect(statusCalls() - first).toBe(3)
    stopA()
    stopA()
    await vi.advanceTimersByTimeAsync(POLICY_REFRESH_MS)
    expect(statusCalls() - first).toBe(4)
    stopB()
    await vi.advanceTimersByTimeAsync(POLICY_REFRESH_MS * 3)
    expect(statusCalls() - first).toBe(4)
  })

  it('refreshes at once when a policy command reaches its final result', async () => {
    vi.useFakeTimers()
    const { stores, commands, statusCalls } = setup()
    const stop = commands.watchPolicy()
    await vi.advanceTimersByTimeAsync(0)
    const before = statusCalls()
    stores.console.getState().addResult(sampleConsoleResult({ cmd_id: 'ui-1', name: 'anneal_set', status: 'queued' }))
    await vi.advanceTimersByTimeAsync(0)
    expect(statusCalls()).toBe(before)
    stores.console.getState().addResult(sampleConsoleResult({ cmd_id: 'ui-1', name: 'anneal_set', status: 'ok' }))
    await vi.advanceTimersByTimeAsync(0)
    expect(statusCalls()).toBe(before + 1)
    stop()
  })

  it('types each call by the contract: a misspelt command or argument does not compile (tsc checks these lines)', async () => {
    const { client, commands } = setup()
    // @ts-expect-error: set_need is the engine's spelling, an alias at the host; the renderer sends the command's one name
    await commands.runConsole('set_need', { agent: 'alice', need: 'hunger', value: 0.5 })
    // @ts-expect-error: setneed's argument is agent, not agent_id
    await commands.runConsole('setneed', { agent_id: 'alice', need: 'hunger', value: 0.5 })
    // @ts-expect-error: need is one of hunger, hygiene, energy
    await commands.runConsole('setneed', { agent: 'alice', need: 'thirst', value: 0.5 })
    // What does compile goes over the wire as written.
    await commands.runConsole('setneed', { agent: 'alice', need: 'hygiene', value: 0.5 })
    expect(client.calls.filter((c) => c.channel === 'console.run').map((c) => (c.req as { name: string }).name)).toEqual(['set_need', 'setneed', 'setneed', 'setneed'])
  })

  it('sends anneal_set, policy_swap, operator_act and possess through console.run under their one spelling', async () => {
    const { client, stores, commands } = setup()
    await commands.runConsole('anneal_set', annealArgs(0.35000000000000003))
    await commands.runConsole('policy_swap', swapArgs('configs/policies/candidate.onnx'))
    await commands.runConsole('operator_act', operatorActArgs('alice', { action: 'use', object: 'fridge_1' }))
    await commands.runConsole('possess', possessArgs('alice'))
    const runs = client.calls.filter((c) => c.channel === 'console.run').map((c) => c.req as { name: string; args: unknown })
    expect(runs.map(({ name, args }) => ({ name, args }))).toEqual([
      { name: 'anneal_set', args: { ratio: 0.35 } },
      { name: 'policy_swap', args: { model: 'configs/policies/candidate.onnx' } },
      { name: 'operator_act', args: { agent: 'alice', action: 'use', object: 'fridge_1' } },
      { name: 'possess', args: { agent: 'alice' } }
    ])
    await flush()
    expect(stores.console.getState().results[0]?.result.name).toBe('possess')
  })
})
