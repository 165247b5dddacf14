/**
 * The society panels rendered to static markup over a filled session: conflict, narration, KPIs,
 * the perturbation banner, the employment review and the inspector's relationships and reward,
 * with admin controls for admins, disabled (or absent, on the banner) for viewers.
 */
import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { ConsoleSession } from '../../../shared/contract/dto/console'
import type { SocietyView } from '../../../shared/contract/dto/society'
import { sampleAgentDetail, sampleAgentRow, sampleObserverFull, sampleSession, sampleSociety } from '../../../shared/testing/contract-samples'
import { SessionProvider } from '../app/session-context'
import type { Stores } from '../stores/stores'
import { countOf, isDisabled, tagOf, textOf } from '../testing/markup'
import { sampleDiff } from '../testing/observer-samples'
import { createTestSession, sessionFixture } from '../testing/session-fixture'
import { ConflictPanel } from './conflict/conflict-panel'
import { EconomyPanel } from './economy/economy-panel'
import { AgentSocietySections } from './inspector/agent-society'
import { KpiPanel } from './kpis/kpi-panel'
import { NarrationPanel } from './narration/narration-panel'
import { VIEWER_REASON } from './operator/command-gate'
import { PerturbationBanner } from './perturbations/perturbation-banner'

const admin: ConsoleSession = { ...sampleSession, role: 'admin' }

function render(element: ReactElement, fill: (stores: Stores) => void): string {
  const session = createTestSession(fill)
  return renderToStaticMarkup(<SessionProvider session={session}>{element}</SessionProvider>).replace(/<!-- -->/g, '')
}

/** A town at tick 100 whose society is `society`, seen by `session`. */
function town(society: Partial<SocietyView>, session: ConsoleSession = sampleSession) {
  return (stores: Stores) => {
    const full = { ...sampleObserverFull(1, [sampleAgentRow(), sampleAgentRow({ id: 'bob' })]), tick: 100, society: sampleSociety(society) }
    stores.observer.getState().receive(full, 0)
    stores.console.getState().setSession(session)
    stores.console.getState().setCommands(sessionFixture.commands)
  }
}

const conflict: SocietyView['conflict'] = {
  fairness: { queue_conflicts: 4, ghost_step_events: 1, rotation_events: 2, cooldown_events: 3 },
  rivalry_leaderboard: [
    { a: 'alice', b: 'bob', value: 0.62, last_tick: 99 },
    { a: 'carol', b: 'bob', value: 0.2, last_tick: null }
  ],
  rivalry_events: [
    { tick: 90, agent_id: 'alice', other: 'bob', value: 0.5, delta: 0.1, reason: 'queue_conflict' },
    { tick: 99, agent_id: 'bob', other: 'alice', value: 0.62, delta: 0.12, reason: 'queue_conflict' }
  ],
  contention: [
    { object_id: 'shower_1', conflicts: 7 },
    { object_id: 'fridge_1', conflicts: 2 }
  ]
}

describe('Conflict panel', () => {
  it('shows the leaderboard, the rivalry changes newest first, contention and fairness totals', () => {
    const html = render(<ConflictPanel />, (s) => {
      town({ conflict })(s)
      s.observer.getState().receive({ ...sampleDiff(2, 1, { tick: 101 }), society: sampleSociety({ conflict: { ...conflict, fairness: { queue_conflicts: 9, ghost_step_events: 3, rotation_events: 2, cooldown_events: 4 } } }) }, 10)
    })
    expect(countOf(html, 'conflict-leaderboard')).toBe(1)
    expect(countOf(html, 'leaderboard-row')).toBe(2)
    expect(tagOf(html, 'leaderboard-row')).toContain('data-a="alice" data-b="bob"')
    expect(textOf(html, 'leaderboard-value')).toBe('0.62')
    expect(countOf(html, 'rivalry-event')).toBe(2)
    expect(tagOf(html, 'rivalry-event')).toContain('data-agent-id="bob"')
    expect(textOf(html, 'rivalry-event')).toContain('+0.12')
    expect(countOf(html, 'contention-row')).toBe(2)
    expect(tagOf(html, 'contention-row')).toContain('data-object-id="shower_1"')
    expect(textOf(html, 'contention-count')).toBe('7')
    // Totals from the host; the chart sums what happened between the frames it got.
    expect(textOf(html, 'fairness-totals')).toBe('conflicts 5 · ghost 2 · rotations 0 · cooldowns 1')
    // Agent ids are links that focus the agent.
    expect(tagOf(html, 'agent-link')).toContain('data-agent-id="alice"')
  })

  it('opens the inspector beside it for the selected agent, and waits for the town before the first frame', () => {
    const html = render(<ConflictPanel />, (s) => {
      town({ conflict })(s)
      s.ui.getState().select('bob')
    })
    expect(tagOf(html, 'inspector')).toContain('data-agent-id="bob"')
    expect(html).toContain('agent-link mono selected')
    expect(textOf(render(<ConflictPanel />, () => {}), 'observer-status')).toBe('Waiting for the town…')
  })

  it('says so when there is no rivalry or contention yet', () => {
    const html = render(<ConflictPanel />, town({}))
    expect(countOf(html, 'rivalry-event')).toBe(0)
    expect(html).toContain('No rivalry changes yet.')
    expect(html).toContain('No queue conflicts yet.')
    expect(textOf(html, 'fairness-chart')).toBe('collecting fairness history…')
  })
})

describe('Narration feed', () => {
  const narrations: SocietyView['narrations'] = [
    { tick: 10, category: 'conflict', priority: false, text: 'alice and bob argue over the shower', agents: ['alice', 'bob'] },
    { tick: 20, category: 'utility', priority: true, text: 'the power is out', agents: [] },
    { tick: 30, category: 'rivalry', priority: true, text: 'bob now resents alice', agents: ['bob'] }
  ]

  it('lists accumulated lines newest first with category, priority and a click target', () => {
    const html = render(<NarrationPanel />, (s) => {
      town({ narrations: narrations.slice(0, 2) })(s)
      s.observer.getState().receive({ ...sampleDiff(2, 1, { tick: 101 }), society: sampleSociety({ narrations: narrations.slice(1) }) }, 10)
    })
    expect(countOf(html, 'narration-line')).toBe(3)
    expect(tagOf(html, 'narration-line')).toContain('data-category="rivalry" data-priority="true"')
    expect(textOf(html, 'narration-category')).toBe('rivalry')
    expect(html).toContain('title="Inspect bob"')
    expect(textOf(html, 'narration-count')).toBe('3 of 3')
    expect(html).toContain('aria-pressed="false" data-testid="narration-chip" data-category="conflict"')
    expect(tagOf(html, 'narration-priority-only')).toContain('type="checkbox"')
    // A line about nobody links nobody.
    expect(html).toMatch(/data-category="utility" data-priority="true"><div class="narration-body">(?:(?!agent-link).)*<\/li>/)
  })

  it('says so when there is nothing to read yet', () => {
    expect(textOf(render(<NarrationPanel />, town({})), 'narration-empty')).toBe('No narration yet.')
  })
})

describe('KPI panel', () => {
  const society: Partial<SocietyView> = {
    kpis: { window_ticks: 1440, tick: 1440, self_sufficiency: 0.724, tenure_days: 2.5, relationship_coverage: 0.61, starvation_incidents: 1, lateness_rate: 0.125, queue_conflict_rate: null },
    alerts: [
      { name: 'lateness_spike', severity: 'warn', message: 'late 30% of shifts', tick: 90, priority: false },
      { name: 'starvation_spike', severity: 'critical', message: '1 incident', tick: 80, priority: true }
    ],
    promotion: {
      windows: [
        { start_tick: 1, end_tick: 1440, passed: true, reasons: [] },
        { start_tick: 1441, end_tick: 2880, passed: false, reasons: ['starvation_spike at tick 2000: 1 incident'] }
      ],
      candidate_ready: true
    },
    rewards: { mean_total: -0.012, components: { survival: 0.002, needs_penalty: -0.014 } }
  }

  it('shows each KPI against its target, alerts critical first, promotion windows and reward means', () => {
    const html = render(<KpiPanel />, town(society))
    expect(textOf(html, 'kpi-self_sufficiency')).toBe('72%')
    expect(textOf(html, 'kpi-tenure_days')).toBe('2.5 d')
    expect(textOf(html, 'kpi-relationship_coverage')).toBe('61%')
    expect(textOf(html, 'kpi-starvation_incidents')).toBe('1')
    expect(textOf(html, 'kpi-lateness_rate')).toBe('13%')
    expect(textOf(html, 'kpi-queue_conflict_rate')).toBe('—')
    expect(textOf(html, 'kpi-target-self_sufficiency')).toBe('≥ 70% ✓')
    expect(textOf(html, 'kpi-target-tenure_days')).toBe('≥ 3.0 d ✗')
    expect(html).toContain('data-kpi="starvation_incidents" data-status="missed"')
    expect(countOf(html, 'alert-row')).toBe(2)
    expect(tagOf(html, 'alert-row')).toContain('data-name="starvation_spike" data-severity="critical" data-priority="true"')
    expect(countOf(html, 'promotion-window')).toBe(2)
    expect(tagOf(html, 'promotion-window')).toContain('data-passed="false"')
    expect(html).toContain('starvation_spike at tick 2000')
    expect(textOf(html, 'candidate-ready')).toBe('candidate ready')
    expect(textOf(html, 'reward-mean-total')).toBe('-0.012')
    expect(countOf(html, 'reward-mean-component')).toBe(2)
    expect(tagOf(html, 'reward-mean-component')).toContain('data-name="needs_penalty"')
  })

  it('offers the notification opt-in, off by default, and says when no window was measured yet', () => {
    const html = render(<KpiPanel />, town({}))
    expect(tagOf(html, 'notify-toggle')).toContain('type="checkbox"')
    expect(tagOf(html, 'notify-toggle')).not.toContain('checked')
    expect(countOf(html, 'notify-note')).toBe(0)
    expect(textOf(html, 'kpi-self_sufficiency')).toBe('—')
    expect(textOf(html, 'kpi-window')).toBe('No KPI window has been measured yet.')
    expect(textOf(html, 'alerts-empty')).toContain('stable')
    expect(countOf(html, 'candidate-ready')).toBe(0)
    expect(countOf(html, 'candidate-not-ready')).toBe(1)
  })

  it('says why notifications stay off when opted in where the API is missing', () => {
    const html = render(<KpiPanel />, (s) => {
      town({})(s)
      s.ui.setState({ notifyAlerts: true })
    })
    expect(tagOf(html, 'notify-toggle')).toContain('checked')
    expect(textOf(html, 'notify-note')).toContain('not available')
  })
})

describe('Perturbation banner', () => {
  const row = (event_id: string, starts_at: number, ends_at: number) => ({ event_id, spec: 'blackout', kind: 'power_outage', targets: [], magnitude: 1.5, starts_at, ends_at })
  const busy: Partial<SocietyView> = {
    perturbations: {
      active: [row('p-1', 90, 130)],
      pending: [row('p-2', 110, 140)],
      cooldowns: [{ spec: 'price_spike', until: 160 }],
      specs: [
        { name: 'blackout', kind: 'power_outage' },
        { name: 'price_spike', kind: 'price_spike' }
      ]
    }
  }

  it('shows active and pending events with their timing, and cooldowns', () => {
    const html = render(<PerturbationBanner />, town(busy))
    expect(tagOf(html, 'perturbation-banner')).toContain('data-active="1"')
    expect(tagOf(html, 'perturbation-active')).toContain('data-event-id="p-1"')
    expect(textOf(html, 'perturbation-active')).toContain('power_outage')
    expect(textOf(html, 'perturbation-active')).toContain('town-wide')
    expect(textOf(html, 'perturbation-active')).toContain('×1.5')
    expect(textOf(html, 'perturbation-when')).toBe('ends in 30 ticks')
    expect(tagOf(html, 'perturbation-pending')).toContain('data-event-id="p-2"')
    expect(html).toContain('starts in 10 ticks')
    expect(textOf(html, 'perturbation-cooldowns')).toBe('cooldowns: price_spike ready in 60 ticks')
  })

  it('gives admins the trigger form and a cancel per event', () => {
    const html = render(<PerturbationBanner />, town(busy, admin))
    expect(countOf(html, 'perturbation-cancel')).toBe(2)
    expect(tagOf(html, 'perturbation-trigger-spec')).toContain('select')
    expect(html).toContain('price_spike (price_spike) — cooling down')
    expect(tagOf(html, 'perturbation-trigger-magnitude')).toContain('type="number"')
    expect(tagOf(html, 'perturbation-trigger-duration')).toContain('type="number"')
    expect(isDisabled(html, 'perturbation-trigger')).toBe(false)
    expect(countOf(html, 'confirm-dialog')).toBe(0)
  })

  it('is read-only for viewers', () => {
    const html = render(<PerturbationBanner />, town(busy))
    expect(countOf(html, 'perturbation-cancel')).toBe(0)
    expect(countOf(html, 'perturbation-trigger')).toBe(0)
  })

  it('is compact with nothing going on, and absent when there is also nothing to do', () => {
    const quiet = { perturbations: { active: [], pending: [], cooldowns: [], specs: [{ name: 'blackout', kind: 'power_outage' }] } }
    const adminHtml = render(<PerturbationBanner />, town(quiet, admin))
    expect(tagOf(adminHtml, 'perturbation-banner')).toContain('compact')
    expect(countOf(adminHtml, 'perturbation-trigger')).toBe(1)
    expect(countOf(render(<PerturbationBanner />, town(quiet)), 'perturbation-banner')).toBe(0)
    expect(countOf(render(<PerturbationBanner />, town({}, admin)), 'perturbation-banner')).toBe(0)
    expect(render(<PerturbationBanner />, () => {})).toBe('')
  })
})

describe('Employment review', () => {
  const employment: SocietyView['employment'] = {
    pending: [
      { agent_id: 'bob', job_id: 'grocer', absences: 3, since_tick: 2880 },
      { agent_id: 'carol', job_id: null, absences: 4, since_tick: 3000 }
    ],
    exits_today: 1,
    daily_exit_cap: 2
  }

  it('lists pending exits with exits today against the cap; viewers see the buttons disabled with the reason', () => {
    const html = render(<EconomyPanel />, town({ employment }))
    expect(countOf(html, 'employment-row')).toBe(2)
    expect(tagOf(html, 'employment-row')).toContain('data-agent-id="bob"')
    expect(textOf(html, 'employment-exits')).toBe('exits today 1 / 2')
    expect(html).toContain('2,880')
    expect(isDisabled(html, 'employment-approve')).toBe(true)
    expect(isDisabled(html, 'employment-defer')).toBe(true)
    expect(tagOf(html, 'employment-approve')).toContain(`title="${VIEWER_REASON}"`)
    expect(textOf(html, 'employment-disabled-reason')).toBe(VIEWER_REASON)
    // The Utilities card keeps the page's one command-disabled-reason.
    expect(countOf(html, 'command-disabled-reason')).toBe(1)
  })

  it('enables Approve and Defer for admins; nothing pending says so', () => {
    const html = render(<EconomyPanel />, town({ employment }, admin))
    expect(isDisabled(html, 'employment-approve')).toBe(false)
    expect(isDisabled(html, 'employment-defer')).toBe(false)
    expect(textOf(render(<EconomyPanel />, town({})), 'employment-empty')).toBe('No exits pending review.')
  })
})

describe('Inspector relationships and reward', () => {
  it('lists ties by rivalry then trust, each a link to the other agent, and the reward with its components', () => {
    const detail = sampleAgentDetail()
    detail.ties = [
      { other: 'carol', trust: 0.9, familiarity: 0.8, rivalry: 0 },
      { other: 'bob', trust: 0.2, familiarity: 0.4, rivalry: 0.3 },
      { other: 'dave', trust: -0.4, familiarity: 0.1, rivalry: 0 }
    ]
    const html = render(<AgentSocietySections state={{ status: 'ok', detail }} />, () => {})
    expect(countOf(html, 'inspector-ties')).toBe(1)
    expect(countOf(html, 'inspector-tie')).toBe(3)
    expect([...html.matchAll(/data-testid="inspector-tie" data-other="(\w+)"/g)].map((m) => m[1])).toEqual(['bob', 'carol', 'dave'])
    expect(tagOf(html, 'inspector-tie-link')).toContain('data-agent-id="bob"')
    expect(textOf(html, 'inspector-personality')).toContain('balanced')
    expect(textOf(html, 'inspector-reward-total')).toBe('-0.050')
    expect(textOf(html, 'inspector-reward-episode')).toBe('-1.20')
    expect(countOf(html, 'inspector-reward-component')).toBe(2)
    // Largest magnitude first.
    expect(tagOf(html, 'inspector-reward-component')).toContain('data-name="needs_penalty"')
  })

  it('says the agent left on console.not_found, and loads quietly', () => {
    expect(textOf(render(<AgentSocietySections state={{ status: 'gone' }} />, () => {}), 'inspector-detail-status')).toBe('left the town')
    expect(textOf(render(<AgentSocietySections state={{ status: 'loading' }} />, () => {}), 'inspector-detail-status')).toBe('loading…')
    const none = sampleAgentDetail()
    none.reward = null
    none.ties = []
    const html = render(<AgentSocietySections state={{ status: 'ok', detail: none }} />, () => {})
    expect(html).toContain('no ties yet')
    expect(countOf(html, 'inspector-reward-none')).toBe(1)
  })
})
