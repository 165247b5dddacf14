import { describe, expect, it } from 'vitest'
import { loadScenario } from '../scenarios/scenario-harness'
import { runWithHub, withTelemetry } from './testing/hub-runner'
import { starvingTown } from './testing/starving-town'
import { StabilitySchema } from '../config/sections/telemetry'

describe('telemetry in towns', () => {
  it('raises starvation_spike in a starving town, narrates the faints and never promotes', () => {
    const world = starvingTown()
    const config = withTelemetry(world.params.config, { stability: { ...world.params.config.stability, promotion: StabilitySchema.parse({ promotion: { window_ticks: 100 } }).promotion } })
    const { snapshots } = runWithHub(world, 400, config)
    // ann and bob reach hunger 0.05 at tick 25 and have starved 30 ticks by tick 54.
    const first = snapshots.findIndex((s) => s.alerts.some((a) => a.name === 'starvation_spike'))
    expect(snapshots[first]!.tick).toBe(54)
    const alert = snapshots[first]!.alerts.find((a) => a.name === 'starvation_spike')!
    expect(alert).toMatchObject({ severity: 'critical', priority: true, tick: 54 })
    expect(alert.message).toMatch(/^2 starvation incidents in the last 1440 ticks/)
    const last = snapshots[snapshots.length - 1]!
    // The four, then replacements who arrive to the same empty kitchen.
    expect(last.stability.starvation_incidents).toBeGreaterThanOrEqual(4)
    expect(last.kpis!.starvation_incidents).toBe(last.stability.starvation_incidents)
    expect(last.kpis!.self_sufficiency!).toBeLessThan(0.3)
    expect(last.kpis!.targets_missed).toContain('self_sufficiency')
    expect(last.promotion.candidate_ready).toBe(false)
    expect(last.promotion.windows.every((w) => !w.passed && w.reasons.some((r) => r.startsWith('starvation_spike')))).toBe(true)
    const lines = snapshots.flatMap((s) => s.narrations)
    expect(lines.filter((l) => l.category === 'exit' && l.priority && /fainted from hunger/.test(l.text)).length).toBeGreaterThanOrEqual(2)
    // A faint costs the leaver its terminal penalty on its final tick.
    const exitTick = snapshots.find((s) => s.rewards.components.terminal_penalty! < 0)
    expect(exitTick).toBeDefined()
  })

  it('raises lateness_spike when too many shifts start late', async () => {
    const s = await loadScenario('scenarios/employment_punctuality.yaml')
    const world = s.sim.world
    // No narration cooldown, so gina's late line is not held back by a chat just before it.
    const strict = withTelemetry(world.params.config, {
      stability: { ...world.params.config.stability, lateness: { window_ticks: 1440, max_rate: 0.25, min_shifts: 2 } },
      narration: { global_cooldown_ticks: 0 }
    })
    const { snapshots } = runWithHub(world, 600, strict)
    const alerts = snapshots.flatMap((x) => x.alerts.filter((a) => a.name === 'lateness_spike'))
    expect(alerts.length).toBeGreaterThan(0)
    expect(alerts[alerts.length - 1]!.message).toMatch(/^2 late arrivals in 4 shifts over the last 1440 ticks \(50%, max 25%\)/)
    expect(alerts[0]).toMatchObject({ severity: 'warn', priority: false })
    expect(snapshots[snapshots.length - 1]!.kpis!.lateness_rate).toBe(0.5)
    expect(snapshots.flatMap((x) => x.narrations).filter((l) => l.category === 'lateness').map((l) => l.agents[0]).sort()).toEqual(['erin', 'gina'])
  })

  it('promotes a calm town after two passing windows', async () => {
    const s = await loadScenario('scenarios/queue_conflict.yaml')
    const world = s.sim.world
    const config = withTelemetry(world.params.config, { stability: { ...world.params.config.stability, promotion: { window_ticks: 300, required_passes: 2, allowed_alerts: [], history: 10 } } })
    const { snapshots } = runWithHub(world, 600, config)
    expect(snapshots.every((x) => x.alerts.length === 0)).toBe(true)
    expect(snapshots[298]!.promotion.candidate_ready).toBe(false)
    expect(snapshots[299]!.promotion).toMatchObject({ candidate_ready: false, pass_streak: 1 })
    expect(snapshots[599]!.promotion).toMatchObject({
      candidate_ready: true,
      windows: [
        { start_tick: 1, end_tick: 300, passed: true, reasons: [] },
        { start_tick: 301, end_tick: 600, passed: true, reasons: [] }
      ]
    })
  })
})
