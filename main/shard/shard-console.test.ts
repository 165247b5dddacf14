import { describe, expect, it } from 'vitest'
import type { ConsoleResult } from '../../shared/contract/dto/console'
import { loadEmbeddedDefault } from '../config/load-config'
import { ManualScheduler } from './manual-scheduler'
import { Shard } from './shard'

describe('Shard console', () => {
  it('routes commands to the live world and hands out final results after the tick', () => {
    const shard = new Shard(loadEmbeddedDefault(), { scheduler: new ManualScheduler() })
    const finals: ConsoleResult[] = []
    shard.onConsoleResult((r) => finals.push(r))
    const queued = shard.submitConsole({ name: 'set_wallet', args: { agent: 'bob', value: 99 }, issuer: 'test', role: 'admin', cmd_id: 'w1' })
    expect(queued).toMatchObject({ status: 'queued', tick: 1 })
    shard.step(1)
    expect(finals).toEqual([expect.objectContaining({ cmd_id: 'w1', status: 'ok', tick: 1 })])
  })

  it('starts a fresh router on a config load, finalising what was queued as never applied', () => {
    const loaded = loadEmbeddedDefault()
    const shard = new Shard(loaded, { scheduler: new ManualScheduler() })
    const finals: ConsoleResult[] = []
    shard.onConsoleResult((r) => finals.push(r))
    shard.submitConsole({ name: 'utility', args: { utility: 'power', on: false }, issuer: 'test', role: 'admin', cmd_id: 'u1' })
    const router = shard.console
    shard.loadConfig(loaded)
    expect(finals).toEqual([expect.objectContaining({ cmd_id: 'u1', status: 'error', error: expect.objectContaining({ code: 'console.conflict' }) })])
    expect(shard.console).not.toBe(router)
    shard.step(2)
    expect(shard.simulation.world.state.utilities.power).toBe(true)
    // The cache went with the old world: the same cmd_id is a new command in the new town.
    expect(shard.submitConsole({ name: 'utility', args: { utility: 'power', on: false }, issuer: 'test', role: 'admin', cmd_id: 'u1' })).toMatchObject({ status: 'queued', replayed: false })
  })
})
