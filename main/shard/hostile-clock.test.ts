/**
 * A long step cannot hold the shard hostage (finding 10 of the trust-boundary issue): steps run in
 * chunks of about 10 ms of work, so Pause, Start, another Step or a config load take effect
 * within one chunk; a step says how far it got, reports progress while it runs, and its caller
 * gets the result, never a timeout for a step that succeeded.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Workspace } from '../fs/workspace'
import { testWorkspace } from '../fs/testing/test-workspace'
import { join } from 'node:path'
import { loadEmbeddedDefault, parseConfigText } from '../config/load-config'
import { bigTownYaml } from '../server/testing/socket-harness'
import { createEventBus } from '../host/event-bus'
import { ShardService } from '../host/shard-service'
import { repoRoot } from '../host/test-host'
import { realScheduler } from './scheduler'
import { Shard, STEP_CHUNK_MS, type ShardView } from './shard'

const later = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('finding 10: a long step in the shard', () => {
  it('yields between chunks, so a pause sent meanwhile stops it within one chunk', async () => {
    const shard = new Shard(loadEmbeddedDefault(), { scheduler: realScheduler })
    const ticksPerChunk: number[] = []
    const progress: number[] = []
    const stepping = shard.stepTicks(100_000, (done) => progress.push(done))
    await later(80)
    const atPause = shard.view().tick
    expect(atPause, 'the step yields: the timer ran while it was stepping').toBeGreaterThan(0)
    expect(atPause).toBeLessThan(100_000)
    const paused = shard.pause()
    const outcome = await stepping
    expect(paused.state).toBe('paused')
    expect(outcome.requested).toBe(100_000)
    expect(outcome.done).toBe(outcome.view.tick)
    expect(outcome.done).toBeLessThan(100_000)
    // It stopped at the first tick boundary after the pause: nothing ran past it.
    expect(outcome.view.tick).toBe(atPause)
    expect(outcome.view.stepping).toBeNull()
    for (let i = 1; i < progress.length; i++) ticksPerChunk.push(progress[i]! - progress[i - 1]!)
    expect(progress.length).toBeGreaterThan(1)
    shard.dispose()
  })

  it('reports the step under way in every frame, and nothing once it ends', async () => {
    const frames: ShardView[] = []
    const shard = new Shard(loadEmbeddedDefault(), { scheduler: realScheduler, onFrame: (v) => frames.push(v), frameIntervalMs: 10 })
    const outcome = await shard.stepTicks(3_000)
    expect(outcome).toMatchObject({ requested: 3_000, done: 3_000 })
    const during = frames.filter((f) => f.stepping !== null)
    expect(during.length).toBeGreaterThan(0)
    expect(during.every((f) => f.stepping!.total === 3_000 && f.stepping!.done === f.tick)).toBe(true)
    expect(frames.at(-1)!.stepping).toBeNull()
    expect(STEP_CHUNK_MS).toBeLessThanOrEqual(10)
    shard.dispose()
  })

  it('stops a step when the clock starts or another config loads, and queues a second step behind the first', async () => {
    const shard = new Shard(loadEmbeddedDefault(), { scheduler: realScheduler })
    const first = shard.stepTicks(200)
    const second = shard.stepTicks(300)
    const [a, b] = await Promise.all([first, second])
    expect(a.done + b.done).toBe(500)
    expect(shard.view().tick).toBe(500)
    const long = shard.stepTicks(100_000)
    await later(30)
    shard.start()
    const cut = await long
    expect(cut.done).toBeLessThan(100_000)
    expect(shard.view().state).toBe('running')
    shard.pause()
    const again = shard.stepTicks(100_000)
    await later(30)
    shard.loadConfig(loadEmbeddedDefault())
    expect((await again).done).toBeLessThan(100_000)
    expect(shard.view()).toMatchObject({ state: 'idle', tick: 0 })
    shard.dispose()
  })
})

describe('finding 10: a long step through the host', () => {
  let service: ShardService | undefined
  let workspace: Workspace
  beforeAll(async () => {
    workspace = await testWorkspace()
  })
  afterEach(async () => {
    await service?.dispose()
    service = undefined
  })

  it('answers the step with its result, never shard.timeout, when it outlasts the request timeout', async () => {
    // Long enough to boot the worker from source; the step below takes several times longer.
    service = new ShardService({ workerPath: join(repoRoot, 'main/host/source-worker.cjs'), events: createEventBus(), log: () => {}, requestTimeoutMs: 2_500, workspace: () => workspace, workspaceBase: repoRoot, validator: { checkAffordances: () => { throw new Error('no reloads in this test') } } })
    // A town of 1,000: each tick costs about a millisecond, so 6,000 of them take seconds.
    const big = parseConfigText(bigTownYaml(1000), 'big-town.yaml')
    if (!big.ok) throw new Error(big.error.message)
    await service.boot(big.value)
    const started = performance.now()
    const stepped = await service.step(6_000)
    expect(stepped).toMatchObject({ tick: 6_000, state: 'paused', stepped: { requested: 6_000, done: 6_000 }, stepping: null })
    // The step really outlasted the request timeout, so only its progress kept it alive.
    expect(performance.now() - started).toBeGreaterThan(2_500)
  }, 180_000)

  it('pauses a long step promptly, and the step’s caller learns how far it got', async () => {
    service = new ShardService({ workerPath: join(repoRoot, 'main/host/source-worker.cjs'), events: createEventBus(), log: () => {}, workspace: () => workspace, workspaceBase: repoRoot, validator: { checkAffordances: () => { throw new Error('no reloads in this test') } } })
    await service.boot(loadEmbeddedDefault())
    const stepping = service.step(100_000)
    await later(300)
    const paused = await service.command({ type: 'pause' })
    const outcome = await stepping
    expect(paused.state).toBe('paused')
    expect(outcome.stepped.done).toBeLessThan(100_000)
    expect(outcome.stepped.done).toBe(outcome.tick)
    // The pause reply came after the step's last tick: the two agree.
    expect(paused.tick).toBe(outcome.tick)
  }, 60_000)
})
