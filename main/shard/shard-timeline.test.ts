/**
 * The timeline in the running shard: a fork at a past tick is the town exactly as it was there,
 * wired like any live town (events, frames, console), and running on from it leaves the
 * abandoned future intact: reopening it returns to its exact hash and carries on as if never
 * left. With a model, a fork replays through the model that decided then, even after a swap
 * back to the scripted controller. Refusals (an unreachable tick, an unknown branch, an absurd
 * label) leave the shard as it was, a running clock included; a config load starts afresh.
 */
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfigFile, parseConfigText, type LoadedConfig } from '../config/load-config'
import { testFiles, testWorkspace } from '../fs/testing/test-workspace'
import { hashWorld } from '../sim/hash/hash-world'
import type { SimEvent } from '../sim/state/world'
import { ManualScheduler } from './manual-scheduler'
import { Shard } from './shard'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const RELEASE = resolve(__dirname, '../../configs/policies/release.onnx')

function town(id = 'timeline_town', keyframeEvery = 10): LoadedConfig {
  const yaml = [`config_id: ${id}`, 'seed: 7', 'world:', '  population: 6', '  generate: {}', 'snapshot:', `  timeline: { keyframe_every: ${keyframeEvery} }`, ''].join('\n')
  const loaded = parseConfigText(yaml, 'timeline-town.yaml')
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value
}

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value
}
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code)

async function setup(loaded = town()) {
  const events: SimEvent[][] = []
  const shard = new Shard(loaded, { scheduler: new ManualScheduler(), files: await testFiles(), timeline: true, onEvents: (e) => events.push(e) })
  const hash = () => hashWorld(shard.simulation.world, sha256)
  /** Step one tick at a time, recording the live hash after each. */
  const hashes = new Map<number, string>([[0, hash()]])
  const run = async (ticks: number) => {
    for (let i = 0; i < ticks; i++) {
      await shard.advance(1)
      hashes.set(shard.view().tick, hash())
    }
  }
  return { shard, hash, hashes, run, events }
}

describe('ShardTimeline', () => {
  it('forks at a past tick exactly, runs on, and reopens the abandoned branch to its exact hash', async () => {
    const s = await setup()
    const agent = s.shard.simulation.world.state.agents.ids[0]
    s.shard.submitConsole({ name: 'set_wallet', args: { agent, value: 9 }, cmd_id: 'w-1', issuer: 'op', role: 'admin' })
    await s.run(60)
    const mainHashes = new Map(s.hashes)
    const main = must(s.shard.timeline.status())
    expect(main).toMatchObject({ earliest_tick: 0, live_tick: 60, keyframe_every: 10, branches: [{ current: true }] })
    expect(main.marks.some((m) => m.kind === 'console')).toBe(true)
    expect(must(s.shard.timeline.frame(25)).hash).toBe(s.hashes.get(25))

    must(await s.shard.timeline.fork(25))
    expect(s.shard.view()).toMatchObject({ state: 'paused', tick: 25 })
    expect(s.hash()).toBe(s.hashes.get(25))
    const forked = must(s.shard.timeline.status())
    expect(forked.branches).toHaveLength(2)
    expect(forked.branches.find((b) => b.current)).toMatchObject({ from_tick: 25, to_tick: 25 })
    expect(forked.branches.find((b) => !b.current)).toMatchObject({ id: main.branches[0]!.id, to_tick: 60 })
    expect(forked.marks).toContainEqual({ tick: 25, kind: 'fork', label: 'fork at 25' })

    // The fork is a live town like any other: its events reach the shard's listeners, its console works.
    const heard = s.events.length
    const finals: string[] = []
    s.shard.onConsoleResult((r) => finals.push(`${r.cmd_id} ${r.status}`))
    s.shard.submitConsole({ name: 'set_wallet', args: { agent, value: 2 }, cmd_id: 'w-2', issuer: 'op', role: 'admin' })
    await s.run(10)
    expect(s.events.length).toBeGreaterThan(heard)
    expect(finals).toEqual(['w-2 ok'])
    const forkTip = s.hash()
    expect(must(s.shard.timeline.frame(30)).hash).toBe(s.hashes.get(30))

    must(await s.shard.timeline.reopen(main.branches[0]!.id))
    expect(s.shard.view()).toMatchObject({ state: 'paused', tick: 60 })
    expect(s.hash()).toBe(mainHashes.get(60))
    // As if never left: five more ticks give what an unbroken run of 65 gives.
    await s.run(5)
    const straight = await setup()
    straight.shard.submitConsole({ name: 'set_wallet', args: { agent, value: 9 }, cmd_id: 'w-1', issuer: 'op', role: 'admin' })
    await straight.run(65)
    expect(s.hash()).toBe(straight.hash())

    const forkBranch = must(s.shard.timeline.status()).branches.find((b) => b.from_tick === 25)!
    must(await s.shard.timeline.reopen(forkBranch.id))
    expect(s.shard.view().tick).toBe(35)
    expect(s.hash()).toBe(forkTip)
  }, 60_000)

  it('refuses unreachable ticks, unknown branches and absurd labels, leaving a running shard running and untouched', async () => {
    const s = await setup()
    await s.run(20)
    s.shard.start()
    const sim = s.shard.simulation
    for (const tick of [21, -1, 1.5, Number.NaN, 2 ** 60]) expect(code(await s.shard.timeline.fork(tick))).toBe('timeline.unreachable')
    for (const tick of [21, -1, 2 ** 60]) expect(code(s.shard.timeline.frame(tick))).toBe('timeline.unreachable')
    expect(code(await s.shard.timeline.reopen('b999'))).toBe('timeline.unknown_branch')
    expect(code(await s.shard.timeline.reopen(must(s.shard.timeline.status()).branches[0]!.id))).toBe('timeline.unknown_branch')
    expect(code(s.shard.timeline.bookmark(5, 'x'.repeat(10_000)))).toBe('ipc.invalid_payload')
    expect(code(s.shard.timeline.bookmark(9_999, 'later'))).toBe('timeline.unreachable')
    expect(s.shard.simulation).toBe(sim)
    expect(s.shard.view().state).toBe('running')
    s.shard.pause()

    const marked = must(s.shard.timeline.bookmark(12, `lunch\u0007 ${'é'.repeat(300)}`))
    const mark = marked.marks.find((m) => m.kind === 'bookmark')!
    expect(mark.tick).toBe(12)
    expect(mark.label.length).toBeLessThanOrEqual(200)
    expect(mark.label.includes(String.fromCharCode(7))).toBe(false)
  })

  it('keeps no timeline unless asked (a townlet run never looks back), and says so', async () => {
    const shard = new Shard(town(), { scheduler: new ManualScheduler() })
    shard.step(5)
    expect(code(shard.timeline.status())).toBe('timeline.unreachable')
    expect(code(shard.timeline.frame(2))).toBe('timeline.unreachable')
    expect(code(await shard.timeline.fork(2))).toBe('timeline.unreachable')
    expect(shard.view()).toMatchObject({ tick: 5, state: 'paused' })
  })

  it('starts a new timeline on a config load, and marks a snapshot save', async () => {
    const s = await setup()
    await s.run(15)
    must(await s.shard.snapshots.save({ label: 'noon' }))
    expect(must(s.shard.timeline.status()).marks).toContainEqual(expect.objectContaining({ kind: 'snapshot', tick: 15 }))
    s.shard.loadConfig(town('other_town'))
    expect(must(s.shard.timeline.status())).toMatchObject({ earliest_tick: 0, live_tick: 0, branches: [{ current: true }], marks: [] })
  })

  it('forks through the model that decided those ticks, even after a swap back to the scripted controller', async () => {
    const base = await loadConfigFile(resolve(__dirname, '../../configs/default.yaml'), await testWorkspace())
    if (!base.ok) throw new Error(base.error.message)
    const s = await setup({ ...base.value, config: { ...base.value.config, snapshot: { ...base.value.config.snapshot, timeline: { ...base.value.config.snapshot.timeline, keyframe_every: 10 } } } })
    must(await s.shard.swapPolicy(RELEASE))
    await s.run(30)
    must(await s.shard.swapPolicy('scripted'))
    await s.run(5)
    const live = new Map(s.hashes)
    must(await s.shard.timeline.fork(24))
    expect(s.hash()).toBe(s.hashes.get(24))
    expect(s.shard.policyStatus().identity.backend).toBe('onnx')
    // And on through the model, as the live run did, to the tick it swapped.
    await s.run(6)
    expect(s.hash()).toBe(live.get(30))
  }, 120_000)
})
