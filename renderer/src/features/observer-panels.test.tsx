/**
 * The observer panels rendered to static markup over a filled session: what each shows for a
 * sample town, and that admin controls are disabled with the reason for viewers.
 */
import { createRef } from 'react'
import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { ConsoleSession } from '../../../shared/contract/dto/console'
import { sampleAgentRow, sampleConsoleResult, sampleObserverFull, sampleSession } from '../../../shared/testing/contract-samples'
import { SessionProvider } from '../app/session-context'
import type { Stores } from '../stores/stores'
import { countOf, isDisabled, tagOf, textOf } from '../testing/markup'
import { manyAgents, sampleDiff } from '../testing/observer-samples'
import { createTestSession } from '../testing/session-fixture'
import { sessionFixture } from '../testing/session-fixture'
import { RoleBadge } from '../components/role-badge'
import { AgentsPanel } from './agents/agents-panel'
import { ObserverLayout } from './inspector/observer-layout'
import { ObserverStatus } from './inspector/observer-status'
import { MapLegend } from './map/map-legend'
import { MapToolbar } from './map/map-toolbar'
import { VIEWER_REASON } from './operator/command-gate'

const admin: ConsoleSession = { ...sampleSession, role: 'admin' }

function render(element: ReactElement, fill: (stores: Stores) => void): string {
  const session = createTestSession(fill)
  return renderToStaticMarkup(<SessionProvider session={session}>{element}</SessionProvider>).replace(/<!-- -->/g, '')
}

function town(stores: Stores, session: ConsoleSession = sampleSession, agents = [sampleAgentRow(), sampleAgentRow({ id: 'bob', x: 1, job: 'grocer', option: 'work', shift: 'late' })]): void {
  stores.observer.getState().receive(sampleObserverFull(1, agents), 0)
  stores.console.getState().setSession(session)
  stores.console.getState().setCommands(sessionFixture.commands)
}

/** The Map panel without its canvas (which needs a browser): toolbar, status, legend, inspector. */
function MapParts() {
  return (
    <ObserverLayout>
      <MapToolbar renderer={null} fpsRef={createRef()} />
      <ObserverStatus />
      <MapLegend colorBy="option" />
    </ObserverLayout>
  )
}

describe('Map panel', () => {
  it('shows its readouts, the toolbar and the legend', () => {
    const html = render(<MapParts />, (s) => town(s))
    expect(textOf(html, 'map-agent-count')).toBe('2')
    expect(countOf(html, 'map-fps')).toBe(1)
    expect(tagOf(html, 'map-color-by')).toContain('select')
    expect(isDisabled(html, 'map-follow')).toBe(true)
    expect(countOf(html, 'map-fit')).toBe(1)
    expect(html).toContain('>sleep</li>')
    expect(countOf(html, 'observer-status')).toBe(0)
  })

  it('disables Spawn for viewers with the reason, enables it for admins', () => {
    const viewer = render(<MapParts />, (s) => town(s))
    expect(isDisabled(viewer, 'btn-spawn')).toBe(true)
    expect(textOf(viewer, 'command-disabled-reason')).toBe(VIEWER_REASON)
    const adminHtml = render(<MapParts />, (s) => town(s, admin))
    expect(isDisabled(adminHtml, 'btn-spawn')).toBe(false)
    expect(countOf(adminHtml, 'command-disabled-reason')).toBe(0)
  })

  it('says it is waiting before the first frame, and why a fetch failed', () => {
    expect(textOf(render(<MapParts />, () => {}), 'observer-status')).toBe('Waiting for the town…')
    const failed = render(<MapParts />, (s) => s.observer.getState().setError('app.unsupported: not wired yet'))
    expect(textOf(failed, 'observer-status')).toContain('app.unsupported')
  })
})

describe('Agents panel', () => {
  it('lists agents with their job, shift and what they do; the selected row is marked', () => {
    const html = render(<AgentsPanel />, (s) => {
      town(s)
      s.ui.getState().select('bob')
    })
    expect(textOf(html, 'agents-count')).toBe('2 of 2')
    expect(html).toContain('data-testid="agent-row" data-agent-id="alice"')
    expect(html).toMatch(/class="agent-row selected"[^>]*data-testid="agent-row" data-agent-id="bob"/)
    expect(html).toContain('shift-late')
    expect(html).toContain('aria-sort="ascending"')
    expect(countOf(html, 'agents-sort-hunger')).toBe(1)
    // The inspector opens beside the table for the selected agent.
    expect(tagOf(html, 'inspector')).toContain('data-agent-id="bob"')
  })

  it('renders only a window of rows for a thousand agents', () => {
    const html = render(<AgentsPanel />, (s) => town(s, sampleSession, manyAgents(1_000)))
    expect(textOf(html, 'agents-count')).toBe('1000 of 1000')
    const rows = countOf(html, 'agent-row')
    expect(rows).toBeGreaterThan(20)
    expect(rows).toBeLessThan(50)
  })

  it('draws a sparkline per need from the agent history', () => {
    const html = render(<AgentsPanel />, (s) => {
      town(s)
      s.observer.getState().receive(sampleDiff(2, 1, { agents: [sampleAgentRow({ hunger: 0.5 })] }), 1_000)
    })
    expect(html).toMatch(/<polyline points="0\.0,[\d.]+ 40\.0,[\d.]+"/)
  })
})

describe('Agent inspector', () => {
  function inspect(session: ConsoleSession): string {
    return render(<MapParts />, (s) => {
      town(s, session, [sampleAgentRow({ option: 'eat', phase: 'queued', target: 'fridge_1', queue_pos: 1, job: 'grocer', shift: 'on_time', fail_reason: 'no stock' })])
      s.ui.getState().select('alice')
      s.console.getState().addResult(sampleConsoleResult({ cmd_id: 'ui-1', name: 'setneed', status: 'ok' }), { agent_id: 'alice', need: 'hunger', value: 1 })
      s.console.getState().addResult(sampleConsoleResult({ cmd_id: 'ui-2', name: 'kill', status: 'queued' }), { agent: 'bob' })
      s.observer.getState().receive(sampleDiff(2, 1, { events: [{ type: 'queue_conflict', tick: 2, actor: 'carol', rival: 'alice' }] }), 0)
    })
  }

  it('shows what the agent does, who it is, its events and the commands that named it', () => {
    const html = inspect(sampleSession)
    expect(tagOf(html, 'inspector')).toContain('data-agent-id="alice"')
    expect(textOf(html, 'inspector-option')).toBe('eat')
    expect(textOf(html, 'inspector-phase')).toBe('queued')
    expect(textOf(html, 'inspector-target')).toBe('fridge_1')
    expect(textOf(html, 'inspector-queue-pos')).toBe('1')
    expect(textOf(html, 'inspector-job')).toBe('grocer · on_time')
    expect(textOf(html, 'inspector-wallet')).toBe('5.00')
    expect(textOf(html, 'inspector-fail-reason')).toBe('no stock')
    expect(textOf(html, 'inspector-need-hunger')).toBe('80%')
    expect(countOf(html, 'inspector-event')).toBe(1)
    expect(countOf(html, 'inspector-command')).toBe(1)
    expect(textOf(html, 'inspector-command')).toContain('setneed')
  })

  it('disables every action for a viewer and says why, once', () => {
    const html = inspect(sampleSession)
    for (const id of ['inspector-setneed-need', 'inspector-setneed-value', 'inspector-setneed-apply', 'inspector-teleport-x', 'inspector-teleport-y', 'inspector-teleport-apply', 'inspector-teleport-pick', 'inspector-kill', 'btn-spawn']) {
      expect(isDisabled(html, id), id).toBe(true)
    }
    expect(countOf(html, 'command-disabled-reason')).toBe(1)
    expect(textOf(html, 'command-disabled-reason')).toBe(VIEWER_REASON)
  })

  it('enables the actions for an admin (teleport waits for coordinates)', () => {
    const html = inspect(admin)
    expect(isDisabled(html, 'inspector-setneed-apply')).toBe(false)
    expect(isDisabled(html, 'inspector-kill')).toBe(false)
    expect(isDisabled(html, 'inspector-teleport-apply')).toBe(true)
    expect(countOf(html, 'command-disabled-reason')).toBe(0)
    expect(countOf(html, 'confirm-dialog')).toBe(0)
  })

  it('says so when the selected agent is no longer in the town', () => {
    const html = render(<MapParts />, (s) => {
      town(s)
      s.ui.getState().select('ghost')
    })
    expect(textOf(html, 'inspector-missing')).toContain('ghost is not in the town')
  })
})

describe('role badge', () => {
  it('shows the role by name', () => {
    expect(textOf(renderToStaticMarkup(<RoleBadge role="viewer" />), 'role-badge')).toBe('viewer')
    expect(renderToStaticMarkup(<RoleBadge role="admin" />)).toContain('badge-role-admin')
  })
})
