import Database from 'better-sqlite3'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadEmbeddedDefault } from '../config/load-config'
import { realScheduler } from '../shard/scheduler'
import { Shard } from '../shard/shard'
import { HistoryRecorder, type HistorySource } from './history-recorder'
import { RunHistory } from './run-history'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-recorder-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A real shard of the default town, seen the way the CLI shows it to the recorder. */
function shardAndSource(): { shard: Shard; source: HistorySource } {
  const loaded = { value: loadEmbeddedDefault() }
  const shard = new Shard(loaded.value, { scheduler: realScheduler })
  const source: HistorySource = {
    world: () => shard.simulation.world,
    onTick: (listener) => shard.simulation.onTick((events) => listener(events)),
    telemetry: () => shard.telemetry(),
    identity: () => ({ config_id: loaded.value.summary.config_id, config_sha256: loaded.value.summary.sha256, seed: loaded.value.config.seed, policy: shard.simulation.policy.identity() })
  }
  return { shard, source }
}

describe('HistoryRecorder on a real shard', () => {
  it('writes windows as the shard ticks, in batches, and the lives under way at the end', async () => {
    const path = join(dir, 'live.sqlite')
    const store = await RunHistory.open(path, { write: true })
    if (!store.ok) throw new Error(store.error.message)
    const { shard, source } = shardAndSource()
    const rec = HistoryRecorder.start(store.value, source, { windowTicks: 100, batchRows: 2, now: () => 1000 })
    if (!rec.ok) throw new Error(rec.error.message)
    await shard.advance(450)
    // Batches of two rows went out while it ran: another connection sees them before the end.
    const peek = new Database(path, { readonly: true })
    expect((peek.prepare('SELECT count(*) AS n FROM windows').get() as { n: number }).n).toBe(4)
    peek.close()
    const done = rec.value.finish('completed')
    expect(done).toMatchObject({ ok: true, value: { run_id: 1, windows: 5 } })
    const shown = store.value.showRun(1)
    if (!shown.ok) throw new Error(shown.error.message)
    expect(shown.value.windows.map((w) => [w.from_tick, w.to_tick])).toEqual([[1, 100], [101, 200], [201, 300], [301, 400], [401, 450]])
    expect(shown.value.windows.every((w) => w.kpis?.tick === w.to_tick)).toBe(true)
    expect(shown.value.episodes).toHaveLength(shard.simulation.world.state.agents.count)
    expect(shown.value.run).toMatchObject({ status: 'completed', ticks: 450, start_tick: 0, ended_ms: 1000 })
    shard.dispose()
    store.value.close()
  })

  it('stops recording when a write fails and lets the shard tick on', async () => {
    const path = join(dir, 'locked.sqlite')
    const store = await RunHistory.open(path, { write: true })
    if (!store.ok) throw new Error(store.error.message)
    const { shard, source } = shardAndSource()
    const rec = HistoryRecorder.start(store.value, source, { windowTicks: 10, batchRows: 1, now: () => 1 })
    if (!rec.ok) throw new Error(rec.error.message)
    // Another program takes the file: the next batch waits out its busy timeout, then gives up.
    const other = new Database(path)
    other.exec('BEGIN EXCLUSIVE')
    await shard.advance(40)
    expect(shard.simulation.world.state.tick).toBe(40)
    other.exec('ROLLBACK')
    other.close()
    await shard.advance(40)
    expect(shard.simulation.world.state.tick).toBe(80)
    expect(rec.value.finish('completed')).toMatchObject({ ok: false, error: { code: 'history.write_failed', message: expect.stringContaining('locked') } })
    // The run row still says how it ended.
    const runs = store.value.listRuns()
    expect(runs.ok && runs.value[0]).toMatchObject({ status: 'failed', ticks: 80 })
    shard.dispose()
    store.value.close()
  }, 20_000)
})
