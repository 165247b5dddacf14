/**
 * The default 8-person town as the operator ran it: hugo's energy reaches 0 before his bed time
 * and stays there, which the KPIs panel used to show under "No alerts: the town is stable".
 * `need_depleted` names him and the need once it has sat at 0 for `min_duration_ticks`, while it
 * lasts, and only then.
 */
import { describe, expect, it } from 'vitest'
import { AlertSchema } from '../../shared/contract/dto/society'
import { TelemetryHub } from '../telemetry/telemetry-hub'
import { loadScenario } from './scenario-harness'

describe('scenario need_depleted: an agent at 0 % energy in the default town', () => {
  it('fires after the configured ticks at 0, names the agent and the need, and clears when the need refills', async () => {
    const s = await loadScenario('default.yaml')
    const world = s.sim.world
    const { min_duration_ticks } = world.params.config.stability.need_depleted
    const hub = TelemetryHub.create(world.params.config)
    const hugo = s.agent('hugo')
    let seen = s.events.length
    let zeroSince: number | null = null
    let fired = 0
    let cleared = 0
    s.run(1440, (tick) => {
      const snapshot = hub.observe({ world, events: s.events.slice(seen) })
      seen = s.events.length
      const energy = world.state.agents.cols.energy[hugo]!
      zeroSince = energy === 0 ? (zeroSince ?? tick) : null
      const alert = snapshot.alerts.find((a) => a.name === 'need_depleted')
      const hugoListed = alert?.depleted?.some((d) => d.agent_id === 'hugo' && d.need === 'energy') ?? false
      const due = zeroSince !== null && tick - zeroSince + 1 >= min_duration_ticks
      // Listed exactly while his energy has sat at 0 long enough.
      expect(hugoListed, `tick ${tick}`).toBe(due)
      if (!alert) {
        if (fired > 0) cleared++
        return
      }
      expect(AlertSchema.parse(alert)).toEqual(alert)
      expect(alert).toMatchObject({ severity: 'warn', priority: false })
      if (hugoListed) {
        fired++
        expect(alert.depleted).toContainEqual({ agent_id: 'hugo', need: 'energy', since_tick: zeroSince })
        expect(alert.message).toContain('hugo energy')
      }
    })
    expect(min_duration_ticks).toBe(30)
    expect(fired).toBeGreaterThan(0)
    expect(cleared).toBeGreaterThan(0)
  }, 60_000)
})
