/**
 * Rewards and telemetry over real towns: the default town through two days as the shard would
 * run it, social rewards switching on by schedule, and telemetry that only reads the world.
 */
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfigFile, type LoadedConfig } from '../config/load-config'
import { Simulation } from '../shard/simulation'
import { hashWorld } from '../sim/hash/hash-world'
import { rewardOf } from '../sim/rewards/reward-of'
import { TelemetryHub, type SocietyTelemetry } from '../telemetry/telemetry-hub'
import { decideScripted } from '../policy/scripted/scripted-controller'
import { tick } from '../sim/tick'
import type { World } from '../sim/state/world'
import { CONFIGS_DIR } from './scenario-harness'
import { testWorkspace } from '../fs/testing/test-workspace'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const TWO_DAYS = 2880

async function defaultConfig(patch: (l: LoadedConfig) => LoadedConfig = (l) => l): Promise<LoadedConfig> {
  const loaded = await loadConfigFile(resolve(CONFIGS_DIR, 'default.yaml'), await testWorkspace())
  if (!loaded.ok) throw new Error(loaded.error.message)
  return patch(loaded.value)
}

function run(world: World, ticks: number, hub?: TelemetryHub, each?: () => void): SocietyTelemetry[] {
  const out: SocietyTelemetry[] = []
  for (let t = 0; t < ticks; t++) {
    const decisions = decideScripted(world)
    const events = tick(world, { decisions, console: [] })
    if (hub) out.push(hub.observe({ world, events, decisions }))
    each?.()
  }
  return out
}

describe('society telemetry in the default town', () => {
  it('runs two days with no hard-hold alert, KPIs measured and narration within its limits', async () => {
    const loaded = await defaultConfig()
    const world = new Simulation(loaded).world
    const snaps = run(world, TWO_DAYS, TelemetryHub.create(loaded.config))
    expect(snaps.flatMap((s) => s.alerts).filter((a) => a.severity === 'critical')).toEqual([])
    const last = snaps[snaps.length - 1]!
    expect(last.kpis).toMatchObject({ window_ticks: 1440, tick: TWO_DAYS, tenure_days: 2, starvation_incidents: 0 })
    expect(last.kpis!.self_sufficiency!).toBeGreaterThan(0.5)
    expect(last.promotion.windows.map((w) => [w.start_tick, w.end_tick])).toEqual([
      [1, 1440],
      [1441, 2880]
    ])
    const lines = snaps.flatMap((s) => s.narrations)
    expect(lines.length).toBeGreaterThan(0)
    const { global_window_ticks, global_window_limit } = loaded.config.narration
    for (const line of lines) expect(lines.filter((l) => l.tick > line.tick - global_window_ticks && l.tick <= line.tick).length).toBeLessThanOrEqual(global_window_limit)
    // Every agent is paid every tick; the summary's mean is theirs.
    expect(last.rewards.agents).toBe(8)
    const mean = Array.from({ length: 8 }, (_, i) => rewardOf(world, i)!.total).reduce((a, b) => a + b, 0) / 8
    expect(last.rewards.mean_total).toBeCloseTo(mean, 12)
  })

  it('switches chat rewards on when the schedule says (cycle 1 begins at tick 1080 with a 06:00 start)', async () => {
    const loaded = await defaultConfig((l) => ({ ...l, config: { ...l.config, rewards: { ...l.config.rewards, social_schedule: [{ cycle: 1, stage: 'C1' as const }] } } }))
    const world = new Simulation(loaded).world
    let before = 0
    let after = 0
    run(world, 2000, undefined, () => {
      for (let i = 0; i < world.state.agents.count; i++) {
        const chat = rewardOf(world, i)!.components.social_chat
        if (world.state.tick < 1080) before += Math.abs(chat)
        else after += chat
      }
    })
    expect(before).toBe(0)
    expect(after).toBeGreaterThan(0)
  })

  it('only reads the world: the same hash with or without telemetry, and the same telemetry twice', async () => {
    const loaded = await defaultConfig()
    const a = new Simulation(loaded).world
    const b = new Simulation(loaded).world
    const c = new Simulation(loaded).world
    const hubA = TelemetryHub.create(loaded.config)
    const hubC = TelemetryHub.create(loaded.config)
    const snapsA = run(a, 1500, hubA)
    run(b, 1500)
    const snapsC = run(c, 1500, hubC)
    expect(hashWorld(a, sha256)).toBe(hashWorld(b, sha256))
    expect(JSON.stringify(snapsC)).toBe(JSON.stringify(snapsA))
    expect(hubC.toJSON()).toEqual(hubA.toJSON())
  })
})
