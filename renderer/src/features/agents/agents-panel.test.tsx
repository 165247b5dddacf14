/** The Agents panel's toolbar and money column, rendered to static markup. */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { sampleAgentRow, sampleObserverFull, sampleSession } from '../../../../shared/testing/contract-samples'
import { SessionProvider } from '../../app/session-context'
import { countOf, isDisabled, tagOf, textOf } from '../../testing/markup'
import { createTestSession, sessionFixture } from '../../testing/session-fixture'
import { AgentsPanel } from './agents-panel'

function render(wallets: Record<string, number>): string {
  const session = createTestSession((s) => {
    const agents = Object.entries(wallets).map(([id, wallet]) => sampleAgentRow({ id, wallet }))
    s.observer.getState().receive(sampleObserverFull(1, agents), 0)
    s.console.getState().setSession(sampleSession)
    s.console.getState().setCommands(sessionFixture.commands)
  })
  return renderToStaticMarkup(
    <SessionProvider session={session}>
      <AgentsPanel />
    </SessionProvider>
  ).replace(/<!-- -->/g, '')
}

describe('Agents panel toolbar and rows', () => {
  const html = render({ ada_10: 27.7, ada: 5, ada_2: 1_234.5 })

  it('lists ids in natural order', () => {
    expect([...html.matchAll(/data-testid="agent-row" data-agent-id="([^"]+)"/g)].map((m) => m[1])).toEqual(['ada', 'ada_2', 'ada_10'])
  })

  it('shows wallets with two decimals each, so the column lines up', () => {
    const wallets = [...html.matchAll(/<div role="cell" class="cell mono num right"[^>]*>([^<]*)</g)].map((m) => m[1])
    expect(wallets).toEqual(['5.00', '1,234.50', '27.70'])
  })

  it('offers Freeze order (not pressed) and CSV export; nothing says frozen yet', () => {
    expect(tagOf(html, 'agents-freeze')).toContain('aria-pressed="false"')
    expect(textOf(html, 'agents-export-csv')).toBe('Export CSV')
    expect(isDisabled(html, 'agents-export-csv')).toBe(false)
    expect(countOf(html, 'agents-frozen')).toBe(0)
    expect(html).toContain('data-frozen="false"')
  })

  it('disables the export when no row is shown', () => {
    expect(isDisabled(render({}), 'agents-export-csv')).toBe(true)
  })
})
