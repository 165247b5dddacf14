/**
 * The inspector rendered over a filled session: events read as sentences from the agent's side,
 * "commands applied" lists only what was aimed at the agent and starts afresh with another config.
 */
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { sampleAgentRow, sampleConfig, sampleConsoleResult, sampleObserverFull } from '../../../../shared/testing/contract-samples'
import { SessionProvider } from '../../app/session-context'
import type { Stores } from '../../stores/stores'
import { countOf, textOf } from '../../testing/markup'
import { sampleDiff } from '../../testing/observer-samples'
import { createTestSession } from '../../testing/session-fixture'
import { AgentInspector } from './agent-inspector'

function render(fill: (stores: Stores) => void): string {
  const session = createTestSession((s) => {
    s.observer.getState().receive(sampleObserverFull(1, [sampleAgentRow(), sampleAgentRow({ id: 'bob', x: 2 })]), 0)
    s.ui.getState().select('alice')
    fill(s)
  })
  return renderToStaticMarkup(
    <SessionProvider session={session}>
      <AgentInspector />
    </SessionProvider>
  ).replace(/<!-- -->/g, '')
}

afterEach(() => {
  vi.useRealTimers()
})

describe('Agent inspector activity', () => {
  it('tells recent events as sentences, from the agent’s side', () => {
    const html = render((s) => {
      s.observer.getState().receive(sampleDiff(2, 1, { events: [{ type: 'queue_conflict', tick: 2, object_id: 'fridge_1', actor: 'bob', rival: 'alice', reason: 'handover', intensity: 0.5 }] }), 0)
    })
    expect(textOf(html, 'inspector-event')).toBe('2 Queued behind bob at fridge_1 (handover, intensity 0.5)')
    expect(html).not.toContain('actor=')
  })

  it('lists commands aimed at the agent, not a town-wide snapshot that names everyone', () => {
    const html = render((s) => {
      s.console.getState().addResult(sampleConsoleResult({ cmd_id: 'ui-1', name: 'setneed' }), { agent_id: 'alice', need: 'hunger', value: 1 }, 10)
      s.console.getState().addResult(sampleConsoleResult({ cmd_id: 'ui-2', name: 'telemetry_snapshot', result: { agents: [{ agent_id: 'alice' }, { agent_id: 'bob' }] } }), {}, 11)
    })
    expect(countOf(html, 'inspector-command')).toBe(1)
    expect(textOf(html, 'inspector-command')).toContain('setneed')
  })

  it('forgets the commands of the previous town when another config loads', () => {
    const html = render((s) => {
      s.console.getState().addResult(sampleConsoleResult({ cmd_id: 'ui-1', name: 'setneed' }), { agent_id: 'alice' }, 1_000)
      vi.useFakeTimers()
      vi.setSystemTime(2_000)
      s.config.getState().setSummary({ ...sampleConfig, config_id: 'another' })
      s.console.getState().addResult(sampleConsoleResult({ cmd_id: 'ui-2', name: 'kill', status: 'queued' }), { agent: 'alice' }, 3_000)
    })
    expect(countOf(html, 'inspector-command')).toBe(1)
    expect(textOf(html, 'inspector-command')).toContain('kill')
  })

  it('folds every section under a heading that toggles it', () => {
    const html = render(() => {})
    for (const id of ['needs', 'state', 'relationships', 'actions', 'possession', 'trace', 'events', 'commands']) expect(countOf(html, `inspector-toggle-${id}`), id).toBe(1)
  })
})
