import { describe, expect, it } from 'vitest'
import { sampleAgentRow, sampleConsoleResult, sampleDecisionTrace, sampleObserverFullRows } from '../../../../shared/testing/contract-samples'
import { ok, err } from '../../../../shared/result'
import type { ConsoleEntry } from '../../stores/console-state'
import { annealArgs, latestPolicyResultKey, operatorActArgs, parseAnneal, roundRatio, shortHash, swapArgs } from './policy-commands'
import { agentTargets, objectTargets } from './possession-targets'
import { centreCell, channelGrid, channelGrids, featureGroup, formatFeature, groupFeatures, heatColor, topK } from './trace-data'
import { nextTraceState } from './trace-state'
import { modelLabel } from './model-swap'
import { formatMs } from './latency-chart'

const entry = (name: string, status: 'ok' | 'error' | 'queued', cmd_id: string): ConsoleEntry => ({ result: sampleConsoleResult({ name, status, cmd_id }), at: 0 })

describe('policy command arguments', () => {
  it('rounds and bounds anneal ratios', () => {
    expect(roundRatio(0.15000000000000002)).toBe(0.15)
    expect(roundRatio(1.2)).toBe(1)
    expect(annealArgs(0.35000000000000003)).toEqual({ ratio: 0.35 })
    expect(parseAnneal('0.4')).toBe(0.4)
    expect(parseAnneal('1.01')).toBeNull()
    expect(parseAnneal('-0.1')).toBeNull()
    expect(parseAnneal('')).toBeNull()
    expect(parseAnneal('x')).toBeNull()
  })

  it('builds swap and operator_act arguments', () => {
    expect(swapArgs('configs/policies/a.onnx')).toEqual({ model: 'configs/policies/a.onnx' })
    expect(operatorActArgs('alice', { action: 'walk', x: 2, y: 1 })).toEqual({ agent: 'alice', action: 'walk', x: 2, y: 1 })
    expect(operatorActArgs('alice', { action: 'use', object: 'fridge_1' })).toEqual({ agent: 'alice', action: 'use', object: 'fridge_1' })
    expect(operatorActArgs('alice', { action: 'chat', partner: 'bob' })).toEqual({ agent: 'alice', action: 'chat', partner: 'bob' })
  })

  it('keys the newest final result of a policy command, ignoring queued and other commands', () => {
    expect(latestPolicyResultKey([])).toBeNull()
    expect(latestPolicyResultKey([entry('anneal_set', 'queued', 'a'), entry('kill', 'ok', 'b')])).toBeNull()
    expect(latestPolicyResultKey([entry('kill', 'ok', 'b'), entry('possess', 'error', 'c'), entry('anneal_set', 'ok', 'd')])).toBe('c:error')
  })

  it('shortens hashes and labels models', () => {
    expect(shortHash('ab'.repeat(32))).toBe('abababababab')
    expect(shortHash(null)).toBe('—')
    expect(modelLabel({ path: 'p', name: 'm.onnx', sha256: 'cd'.repeat(32), accuracy: 0.875, observation_variant: 'hybrid' })).toBe('m.onnx · acc 87.5%')
    expect(modelLabel({ path: 'p', name: 'm.onnx', sha256: null, accuracy: null, observation_variant: null })).toBe('m.onnx · acc —')
    expect(formatMs(null)).toBe('—')
    expect(formatMs(0.8123)).toBe('0.81')
    expect(formatMs(12.34)).toBe('12.3')
  })
})

describe('trace data', () => {
  const trace = sampleDecisionTrace()

  it('slices a channel-major map into grids with their range', () => {
    const grids = channelGrids(trace.map)
    expect(grids.map((g) => g.name)).toEqual(['self', 'objects'])
    expect(grids[0]).toMatchObject({ rows: 3, cols: 3, min: 0, max: 1 })
    expect(grids[0]!.values[4]).toBe(1)
    expect(grids[1]!.values[2]).toBe(1)
    expect(centreCell(grids[0]!)).toEqual({ row: 1, col: 1 })
    // A short data array reads as zeros rather than undefined.
    expect(channelGrid({ shape: [1, 2, 2], channels: [], data: [0.5] }, 0)).toMatchObject({ name: 'channel 0', values: [0.5, 0, 0, 0] })
  })

  it('colours cells from dark (low) to full (high)', () => {
    expect(heatColor(0, 0, 1)).toBe('rgba(78, 161, 255, 0.080)')
    expect(heatColor(1, 0, 1)).toBe('rgba(78, 161, 255, 1.000)')
    expect(heatColor(0, 0, 0)).toBe('rgba(78, 161, 255, 0.080)')
    expect(heatColor(2, 2, 2)).toBe('rgba(78, 161, 255, 1.000)')
    expect(heatColor(0.5, 0, 1)).toBe('rgba(78, 161, 255, 0.540)')
    expect(heatColor(Number.NaN, 0, 1)).toBe('rgba(78, 161, 255, 0.080)')
  })

  it('takes the top k probabilities, highest first', () => {
    const probabilities = [
      { option: 'idle' as const, p: 0.1 },
      { option: 'eat' as const, p: 0.6 },
      { option: 'sleep' as const, p: 0.3 }
    ]
    expect(topK(probabilities, 2).map((p) => p.option)).toEqual(['eat', 'sleep'])
  })

  it('groups features by prefix and filters them', () => {
    expect(featureGroup('need_hunger')).toBe('need')
    expect(featureGroup('wallet')).toBe('other')
    expect(groupFeatures(trace.features).map((g) => [g.group, g.features.length])).toEqual([
      ['need', 2],
      ['other', 1]
    ])
    expect(groupFeatures(trace.features, 'HUNG').flatMap((g) => g.features.map((f) => f.name))).toEqual(['need_hunger'])
    expect(formatFeature(0.31)).toBe('0.31')
    expect(formatFeature(3)).toBe('3')
    expect(formatFeature(1 / 3)).toBe('0.333')
  })

  it('keeps the last trace on a failed refresh and reads not_found as gone', () => {
    const loaded = nextTraceState({ status: 'loading' }, ok(trace))
    expect(loaded).toEqual({ status: 'ok', trace })
    expect(nextTraceState(loaded, err('internal.error', 'boom'))).toBe(loaded)
    expect(nextTraceState({ status: 'loading' }, err('internal.error', 'boom'))).toEqual({ status: 'error', message: 'internal.error: boom' })
    expect(nextTraceState(loaded, err('console.not_found', 'gone'))).toEqual({ status: 'gone' })
  })
})

describe('possession targets', () => {
  it('offers objects and nearby agents nearest first', () => {
    const alice = sampleAgentRow({ x: 1, y: 1 })
    const objects = [...sampleObserverFullRows().objects, { ...sampleObserverFullRows().objects[0]!, id: 'bed_1', type: 'bed', x: 1, y: 2 }]
    expect(objectTargets(alice, objects).map((t) => t.label)).toEqual(['bed_1 (bed) · 1 tile', 'fridge_1 (fridge) · 2 tiles'])
    const agents = [alice, sampleAgentRow({ id: 'carol', x: 9, y: 1 }), sampleAgentRow({ id: 'bob', x: 2, y: 1 })]
    expect(agentTargets(alice, agents).map((t) => t.id)).toEqual(['bob', 'carol'])
    expect(agentTargets(alice, agents, 1).map((t) => t.id)).toEqual(['bob'])
  })
})
