/** The alerts card over a town where two agents sat at 0 % energy: a need_depleted row naming each, with a link, the need and since when. */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { Alert } from '../../../../shared/contract/dto/society'
import { sampleConfig } from '../../../../shared/testing/contract-samples'
import { SessionProvider } from '../../app/session-context'
import { countOf, tagOf, textOf } from '../../testing/markup'
import { createTestSession } from '../../testing/session-fixture'
import { AlertsCard } from './alerts-card'

const depleted: Alert = {
  name: 'need_depleted',
  severity: 'warn',
  message: '2 agents with a need at 0 for 30+ ticks: hugo energy for 45 ticks, erin energy for 31 ticks',
  tick: 919,
  priority: false,
  depleted: [
    { agent_id: 'hugo', need: 'energy', since_tick: 890 },
    { agent_id: 'erin', need: 'energy', since_tick: 904 }
  ]
}

function render(alerts: readonly Alert[]): string {
  const session = createTestSession((stores) => stores.config.getState().setSummary({ ...sampleConfig, ticks_per_day: 1440, start_time: '06:00' }))
  return renderToStaticMarkup(
    <SessionProvider session={session}>
      <AlertsCard alerts={alerts} />
    </SessionProvider>
  ).replace(/<!-- -->/g, '')
}

describe('Alerts card', () => {
  it('lists the agents whose need is at 0, each a link that selects it, with the need and since when', () => {
    const html = render([depleted])
    expect(html).not.toContain('the town is stable')
    expect(tagOf(html, 'alert-row')).toContain('data-name="need_depleted"')
    expect(tagOf(html, 'alert-row')).toContain('data-severity="warn"')
    expect(countOf(html, 'depleted-need')).toBe(2)
    expect(tagOf(html, 'depleted-need')).toContain('data-agent-id="hugo" data-need="energy"')
    expect(textOf(html, 'depleted-need')).toBe('hugo energy at 0 since day 0 · 20:50 (tick 890)')
    expect(tagOf(html, 'agent-link')).toContain('data-agent-id="hugo"')
  })

  it('says the town is stable only without alerts, and lists no agents for other alerts', () => {
    expect(textOf(render([]), 'alerts-empty')).toBe('No alerts: the town is stable.')
    const html = render([{ name: 'lateness_spike', severity: 'warn', message: '60% late', tick: 5, priority: false }])
    expect(countOf(html, 'alert-depleted')).toBe(0)
  })
})
