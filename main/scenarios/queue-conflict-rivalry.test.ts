import { describe, expect, it } from 'vitest'
import { rivalryGainFactor } from '../sim/society/personality-effects'
import { rivalryOf } from '../sim/society/tie-ledger'
import { loadScenario } from './scenario-harness'

describe('scenario queue_conflict: conflicts become rivalry', () => {
  it('turns every handover into rivalry on both sides, by the config and each side’s personality', async () => {
    const s = await loadScenario('scenarios/queue_conflict.yaml')
    const { world } = s.sim
    const society = world.state.society
    const config = world.params.config.society
    // Right after each tick, every rivalry an event reported is what the state holds.
    let peak = 0
    s.run(120, (tick) => {
      for (const e of s.events) {
        if (e.type !== 'rivalry_changed' || e.tick !== tick) continue
        const r = rivalryOf(society, s.agent(e.agent_id as string), s.agent(e.other as string))
        expect(r).toBeCloseTo(e.value as number, 6)
        peak = Math.max(peak, r)
      }
    })
    const conflicts = s.ofType('queue_conflict')
    const changes = s.ofType('rivalry_changed')
    expect(conflicts.length).toBeGreaterThanOrEqual(2)
    expect(changes).toHaveLength(2 * conflicts.length)
    for (const [n, c] of conflicts.entries()) {
      for (const change of changes.slice(2 * n, 2 * n + 2)) {
        const owner = s.agent(change.agent_id as string)
        const factor = rivalryGainFactor(config.personalities.effects, society.ambition[owner]!, society.forgiveness[owner]!)
        const expected = config.rivalry.increment_per_conflict * (c.intensity as number) * config.rivalry.handover_boost * factor
        expect(change.delta as number).toBeCloseTo(expected, 6)
        // The band every built-in personality falls in (stoic 0.705× to industrious 1.21×).
        expect(change.delta as number).toBeGreaterThanOrEqual(0.7 * config.rivalry.increment_per_conflict * (c.intensity as number) * config.rivalry.handover_boost)
        expect(change.delta as number).toBeLessThanOrEqual(1.21 * config.rivalry.increment_per_conflict * (c.intensity as number) * config.rivalry.handover_boost)
      }
    }
    // A handover stings a little: rivalry stays far below avoidance, so nobody avoids anybody.
    expect(peak).toBeGreaterThan(0)
    expect(peak).toBeLessThan(0.1)
    expect(s.ofType('rivalry_avoidance')).toEqual([])
    expect(society.counters.queue_conflicts).toBe(conflicts.length)
    expect(society.contention[0]).toBe(conflicts.length)
  })
})
