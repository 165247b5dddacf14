/**
 * telemetry_snapshot, conflict_status and health_status on a real Shard running configs/default.yaml
 * for hundreds of ticks, with rivalries forced by failed chats and the fridge queue contested:
 * each answer parses with its result schema, the caches fill and stay bounded, arguments out of
 * range are refused in words, a viewer may run all three, and a real telemetry pipe (a file
 * transport streaming the town) shows up in the transport and health blocks.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Role } from '../../../shared/contract/dto/console'
import { loadConfigFile, parseConfigText, type LoadedConfig } from '../../config/load-config'
import { TransportBlockSchema } from '../../config/sections/telemetry'
import { Workspace } from '../../fs/workspace'
import { testWorkspace } from '../../fs/testing/test-workspace'
import { CONFIGS_DIR } from '../../scenarios/scenario-harness'
import { ManualScheduler } from '../../shard/manual-scheduler'
import { Shard } from '../../shard/shard'
import type { JsonValue } from '../../sim/state/world'
import { streamShard } from '../../telemetry/stream/shard-stream'
import { STREAM_SCHEMA_VERSION } from '../../telemetry/stream/stream-schema'
import { transportsFromSpecs } from '../../telemetry/transports/spec'
import { TelemetryPipe } from '../../telemetry/transports/telemetry-pipe'
import { CONSOLE_TELEMETRY_SCHEMA, telemetrySchemaWarning } from '../../../shared/contract/dto/telemetry-console'
import { ConflictStatusSchema, HealthStatusSchema, TelemetrySnapshotBlocksSchema } from '../../../shared/contract/console-commands/telemetry-results'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function defaultTown(): Promise<LoadedConfig> {
  const loaded = await loadConfigFile(resolve(CONFIGS_DIR, 'default.yaml'), await testWorkspace())
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value
}

function shardOf(loaded: LoadedConfig) {
  const shard = new Shard(loaded, { scheduler: new ManualScheduler() })
  let n = 0
  const send = (name: string, args: unknown = {}, role: Role = 'viewer') => shard.submitConsole({ name, args, issuer: 'tester', role, cmd_id: `c-${++n}` })
  const ok = (name: string, args: unknown = {}, role: Role = 'viewer') => {
    const r = send(name, args, role)
    if (r.status === 'error') throw new Error(`${name}: ${r.error?.message}`)
    return r.result
  }
  return { shard, send, ok }
}

/** Failed chats between every pair of the first agents: rivalry_changed events for sure. */
function forceRivalries(t: ReturnType<typeof shardOf>, agents: readonly string[]): void {
  for (let i = 0; i < agents.length; i++) {
    for (let j = i + 1; j < agents.length; j++) t.send('force_chat', { speaker: agents[i], listener: agents[j], quality: 0 }, 'admin')
  }
}

describe('telemetry console commands on the default town', () => {
  it('report the schema this build’s console knows, so it warns of nothing (bump CONSOLE_TELEMETRY_SCHEMA with STREAM_SCHEMA_VERSION)', async () => {
    expect(CONSOLE_TELEMETRY_SCHEMA).toBe(STREAM_SCHEMA_VERSION)
    const t = shardOf(await defaultTown())
    t.shard.step(5)
    for (const name of ['telemetry_snapshot', 'conflict_status', 'health_status']) expect(telemetrySchemaWarning(name, t.ok(name))).toBeNull()
  })

  it('conflict_status lists queue history, rivalry events and alerts, latest N, oldest first', async () => {
    const t = shardOf(await defaultTown())
    const ids = t.shard.simulation.world.state.agents.ids.slice(0, 4)
    // Everyone hungry at once: the fridge queue is contested (handovers, queue_conflict events).
    for (const id of t.shard.simulation.world.state.agents.ids) t.send('setneed', { agent: id, need: 'hunger', value: 0.05 }, 'admin')
    forceRivalries(t, ids)
    t.shard.step(400)
    forceRivalries(t, ids)
    t.shard.step(200)

    const status = ConflictStatusSchema.parse(t.ok('conflict_status', { history: 5, rivalries: 4 }))
    expect(status.schema_version).toBe(STREAM_SCHEMA_VERSION)
    expect(status.tick).toBe(600)
    expect(status.history!.length).toBeGreaterThan(0)
    expect(status.history!.length).toBeLessThanOrEqual(5)
    expect(status.history!.some((h) => h.conflicts > 0)).toBe(true)
    expect(status.rivalry_events).toHaveLength(4)
    expect(status.rivalry_events!.every((r) => r.type === 'rivalry_changed' || r.type === 'rivalry_avoidance')).toBe(true)
    // Oldest first, newest last: the last entries of the caches.
    const ticks = status.history!.map((h) => h.tick)
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b))
    const all = ConflictStatusSchema.parse(t.ok('conflict_status', { history: 256, rivalries: 256 }))
    expect(all.history!.slice(-5)).toEqual(status.history)
    expect(all.rivalry_events!.slice(-4)).toEqual(status.rivalry_events)
    expect(all.rivalry_events!.some((r) => r.type === 'rivalry_changed' && r.reason === 'chat_failure')).toBe(true)
    expect(all.cache).toEqual({ queue: all.history!.length, rivalries: all.rivalry_events!.length, possessed: 0, limit: 256 })
    expect(Array.isArray(all.alerts)).toBe(true)
    // The world's own views stay as they were.
    expect(all.top_rivalries.length).toBeGreaterThan(0)
    expect(all.society_counters.chat_failure).toBeGreaterThan(0)
    // Defaults: 10 of each.
    const plain = ConflictStatusSchema.parse(t.ok('conflict_status'))
    expect(plain.rivalry_events).toHaveLength(Math.min(10, all.rivalry_events!.length))
  }, 60_000)

  it('refuses history and rivalries out of range or not whole, saying what is allowed', async () => {
    const t = shardOf(await defaultTown())
    for (const bad of [{ history: 0 }, { history: 1e9 }, { rivalries: 2.5 }, { history: '5' }, { rivalries: -1 }, { history: null }]) {
      const r = t.send('conflict_status', bad)
      expect(r.status).toBe('error')
      expect(r.error?.code).toBe('console.invalid_args')
      expect(r.error?.message).toMatch(/conflict_status: .*(history|rivalries)/)
      expect(r.error?.message).toMatch(/a whole number from 1 to 256/)
    }
    expect(t.send('conflict_status', { history: 3, extra: 1 }).error?.code).toBe('console.invalid_args')
    expect(t.send('conflict_status', { history: 1, rivalries: 256 }).status).toBe('ok')
  })

  it('telemetry_snapshot carries schema_version, stability (thresholds from the config), transport, object stock and the employment queue', async () => {
    const loaded = await defaultTown()
    const t = shardOf(loaded)
    t.send('possess', { agent: 'alice' }, 'admin')
    t.shard.step(300)
    const result = t.ok('telemetry_snapshot') as { [key: string]: JsonValue }
    const blocks = TelemetrySnapshotBlocksSchema.parse(result)
    expect(blocks.schema_version).toBe(STREAM_SCHEMA_VERSION)
    expect(blocks.stability!.tick).toBe(300)
    expect(blocks.stability!.thresholds).toEqual(JSON.parse(JSON.stringify(loaded.config.stability)))
    expect(blocks.stability!.metrics).not.toHaveProperty('thresholds')
    expect(blocks.transport).toEqual({ attached: false })
    expect(blocks.object_stock.length).toBeGreaterThan(0)
    expect(blocks.object_stock.find((o) => o.type === 'fridge')).toMatchObject({ object_id: expect.any(String), stock: expect.any(Object) })
    expect(blocks.employment_queue).toMatchObject({ pending_count: 0, daily_exit_cap: loaded.config.employment.daily_exit_cap, queue_limit: loaded.config.employment.exit_queue_limit })
    expect(blocks.possessed_agents).toEqual(['alice'])
    // The older parts stay.
    expect(result).toMatchObject({ agents: expect.any(Array), employment: expect.any(Object), economy: expect.any(Object) })
    // JSON-safe: survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  }, 60_000)

  it('health_status reports loop health without a transport: tick durations over the last 60 ticks, console ops, perturbations, exit queue', async () => {
    const t = shardOf(await defaultTown())
    const before = HealthStatusSchema.parse(t.ok('health_status'))
    expect(before).toMatchObject({ tick: 0, window_ticks: 0, health: { tick_duration_ms: { mean: 0, max: 0 }, transport: null } })
    t.shard.step(250)
    t.send('set_wallet', { agent: 'bob', value: 5 }, 'admin')
    t.send('set_wallet', { agent: 'cara', value: 5 }, 'admin')
    const health = HealthStatusSchema.parse(t.ok('health_status'))
    expect(health.schema_version).toBe(STREAM_SCHEMA_VERSION)
    expect(health.tick).toBe(250)
    expect(health.window_ticks).toBe(60)
    expect(health.health.tick_duration_ms.mean).toBeGreaterThan(0)
    expect(health.health.tick_duration_ms.max).toBeGreaterThanOrEqual(health.health.tick_duration_ms.mean)
    expect(health.health.queue_depth).toEqual({ transport_messages: 0, console_ops: 2 })
    expect(health.health.transport).toBeNull()
    expect(health.health.dropped).toEqual({ transport: 0, unencodable: 0 })
    const world = t.shard.simulation.world.state
    expect(health.health.perturbations).toEqual({ pending: world.perturbations.pending.length, active: world.perturbations.active.length })
    expect(health.health.exit_queue).toBe(world.lifecycle.employment.queue.length)
  }, 60_000)

  it('with a real telemetry pipe attached, the transport block and health carry its status', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'telemetry-commands-'))
    dirs.push(dir)
    const specs = transportsFromSpecs(['file:stream.jsonl'])
    if (!specs.ok) throw new Error(specs.error.message)
    const made = await TelemetryPipe.create(TransportBlockSchema.parse({ buffer: { flush_interval_ms: 2 }, transports: specs.value }), { workspace: await Workspace.create([{ name: 'w', path: dir }]), base: dir })
    if (!made.ok) throw new Error(made.error.message)
    const pipe = made.value
    const t = shardOf(await defaultTown())
    const stream = streamShard(t.shard, pipe)
    t.shard.reportTransport(() => pipe.status() as unknown as JsonValue)
    t.shard.step(120)
    await pipe.flush()
    const blocks = TelemetrySnapshotBlocksSchema.parse(t.ok('telemetry_snapshot'))
    expect(blocks.transport).toMatchObject({ attached: true, connected: true, dropped_messages: 0, transports: [{ kind: 'file', dropped_messages: 0, last_error: null }] })
    const health = HealthStatusSchema.parse(t.ok('health_status'))
    expect(health.health.transport).toMatchObject({ connected: true, transports: [{ kind: 'file' }] })
    expect(health.health.transport!.transports[0]!.sent_messages).toBeGreaterThan(0)
    stream.finish()
    await pipe.close()
  }, 60_000)

  it('a viewer may run all three, and none of them changes the town', async () => {
    const t = shardOf(await defaultTown())
    t.shard.step(50)
    const hash = JSON.stringify(t.shard.simulation.world.state.counters) + t.shard.simulation.world.state.tick
    for (const name of ['telemetry_snapshot', 'conflict_status', 'health_status']) {
      expect(t.send(name, {}, 'viewer')).toMatchObject({ status: 'ok', role: 'viewer' })
    }
    expect(t.shard.simulation.pendingOps()).toEqual([])
    expect(JSON.stringify(t.shard.simulation.world.state.counters) + t.shard.simulation.world.state.tick).toBe(hash)
  })

  it('keeps each cache at telemetry.conflict_history_limit however long the town runs', async () => {
    // The default town with a tiny limit: the caches fill quickly and stay at it.
    const text = readFileSync(resolve(CONFIGS_DIR, 'default.yaml'), 'utf8')
    const loaded = parseConfigText(`${text}\ntelemetry:\n  conflict_history_limit: 3\n`, 'limited.yaml')
    if (!loaded.ok) throw new Error(loaded.error.message)
    const limited = loaded.value
    expect(limited.config.telemetry.conflict_history_limit).toBe(3)
    const t = shardOf(limited)
    const ids = t.shard.simulation.world.state.agents.ids.slice(0, 4)
    for (let round = 0; round < 4; round++) {
      forceRivalries(t, ids)
      t.shard.step(150)
    }
    const all = ConflictStatusSchema.parse(t.ok('conflict_status', { history: 256, rivalries: 256 }))
    expect(all.cache).toMatchObject({ rivalries: 3, limit: 3 })
    expect(all.cache!.queue).toBeLessThanOrEqual(3)
    expect(all.rivalry_events).toHaveLength(3)
    expect(all.rivalry_events!.at(-1)!.tick).toBeGreaterThan(450)
  }, 60_000)
})
