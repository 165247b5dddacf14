/**
 * The town at a glance, from the latest frame: population and simulated time, mean needs (bars
 * and a short history), money, jobs, what agents are doing, objects, utilities and totals.
 */
import { useShard } from '../../app/session-context'
import { Card } from '../../components/card'
import { formatCount, formatDayClock } from '../../components/format'
import { Readout } from '../../components/readout'
import { ActivityChips } from './activity-chips'
import { NeedBars } from './need-bars'
import { NeedsChart } from './needs-chart'
import { WorldFacts } from './world-facts'

export function WorldCard() {
  const world = useShard((s) => s.world)
  return (
    <Card title="World" testId="world-card" className="span-2">
      <div className="world-head">
        <Readout label="agents" testId="world-agents">
          {world ? formatCount(world.agents) : '—'}
        </Readout>
        <Readout label="time" testId="world-time" title="Simulated day (from 0) and time of day">
          {world ? formatDayClock(world.day, world.clock) : '—'}
        </Readout>
        {world === null ? <span className="dim">waiting for the first frame</span> : null}
        {world?.agents === 0 ? (
          <span className="dim" data-testid="world-no-agents">
            no agents
          </span>
        ) : null}
      </div>
      {world ? (
        <>
          <div className="world-grid">
            <section className="world-section" aria-label="needs">
              <h3>needs</h3>
              <NeedBars needs={world.needs} live={world.agents > 0} />
              <NeedsChart />
            </section>
            <section className="world-section" aria-label="town">
              <WorldFacts world={world} />
            </section>
          </div>
          <section className="world-section" aria-label="activity">
            <h3>activity</h3>
            <ActivityChips activity={world.activity} />
          </section>
        </>
      ) : null}
    </Card>
  )
}
