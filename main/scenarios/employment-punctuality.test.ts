import { describe, expect, it } from 'vitest'
import { loadScenario } from './scenario-harness'

describe('scenario employment_punctuality: two shifts, late arrivals', () => {
  it('flags late arrivals, withholds their missing wages and records attendance', async () => {
    const s = await loadScenario('scenarios/employment_punctuality.yaml')
    const a = s.sim.world.state.agents.cols
    s.run(600) // 06:40 → 16:40: both shifts end
    const late = s.ofType('job_late').map((e) => e.agent_id)
    expect(late.sort()).toEqual(['erin', 'gina'])
    for (const id of ['dawn', 'finn']) {
      const i = s.agent(id)
      expect(a.latenessCount[i], id).toBe(0)
      expect(a.wagesWithheld[i], id).toBe(0)
      expect(a.attendance[i], id).toBeGreaterThan(0.95)
    }
    for (const id of ['erin', 'gina']) {
      const i = s.agent(id)
      expect(a.latenessCount[i], id).toBe(1)
      expect(a.wagesWithheld[i], id).toBeGreaterThan(0)
      expect(a.attendance[i], id).toBeLessThan(0.95)
    }
    const ended = s.ofType('shift_ended')
    expect(ended.map((e) => e.agent_id).sort()).toEqual(['dawn', 'erin', 'finn', 'gina'])
    expect(ended.find((e) => e.agent_id === 'erin')).toMatchObject({ late: true, arrived: true })
    expect(ended.find((e) => e.agent_id === 'dawn')).toMatchObject({ late: false, arrived: true })
  })

  it('repeats the shifts the next day', async () => {
    const s = await loadScenario('scenarios/employment_punctuality.yaml')
    s.run(1440 + 600)
    expect(s.ofType('shift_ended').length).toBe(8)
  })
})
