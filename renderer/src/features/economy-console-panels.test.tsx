/** The Economy and Console panels, and the confirmation dialog, rendered to static markup. */
import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { sampleConsoleResult, sampleEconomy, sampleObserverFull, sampleSession } from '../../../shared/testing/contract-samples'
import { SessionProvider } from '../app/session-context'
import { ConfirmDialog } from '../components/confirm-dialog'
import type { Stores } from '../stores/stores'
import { countOf, isDisabled, tagOf, textOf } from '../testing/markup'
import { createTestSession, sessionFixture } from '../testing/session-fixture'
import { ConsolePanel } from './console/console-panel'
import { EconomyPanel } from './economy/economy-panel'

function render(element: ReactElement, fill: (stores: Stores) => void = () => {}): string {
  const session = createTestSession(fill)
  return renderToStaticMarkup(<SessionProvider session={session}>{element}</SessionProvider>).replace(/<!-- -->/g, '')
}

const job = {
  id: 'grocer',
  workplace: 'shop',
  start: '09:00',
  end: '17:00',
  wage: 0.02,
  lateness_penalty: 0.1,
  employed: 4,
  on_shift: 3,
  late: 1,
  attendance: 0.875,
  late_shifts: 2,
  wages_earned: 12.5,
  wages_withheld: 0.4
}

describe('Economy panel', () => {
  it('shows prices, utilities, queue counters, stock, restock interval and jobs', () => {
    const html = render(<EconomyPanel />, (s) => {
      const full = sampleObserverFull(1)
      full.economy = {
        ...sampleEconomy(),
        utilities: { power: true, water: false },
        queue_counters: { cooldown_events: 3, ghost_step_events: 1, rotation_events: 12 },
        stock_by_type: { fridge: { meals: 14 }, stove: { ingredients: 2 } },
        jobs: [job]
      }
      s.observer.getState().receive(full, 0)
    })
    expect(textOf(html, 'price-meal-cost')).toBe('0.40')
    expect(textOf(html, 'price-ingredients-cost')).toBe('0.15')
    expect(textOf(html, 'restock-interval')).toBe('200 ticks')
    expect(textOf(html, 'economy-util-power')).toBe('power on')
    expect(tagOf(html, 'economy-util-water')).toContain('data-on="false"')
    expect(isDisabled(html, 'economy-util-water-toggle')).toBe(true)
    expect(textOf(html, 'queue-cooldowns')).toBe('3')
    expect(textOf(html, 'queue-rotations')).toBe('12')
    expect(countOf(html, 'stock-row')).toBe(2)
    expect(html).toContain('meals 14')
    expect(tagOf(html, 'job-row')).toContain('data-job-id="grocer"')
    expect(textOf(html, 'job-hours')).toBe('09:00–17:00')
    expect(textOf(html, 'job-employed')).toBe('4')
    expect(textOf(html, 'job-attendance')).toBe('88%')
    expect(html).toContain('12.5')
  })

  it('waits for the town before the first frame', () => {
    expect(textOf(render(<EconomyPanel />), 'observer-status')).toBe('Waiting for the town…')
  })
})

describe('Console panel', () => {
  it('shows the role, the token form and the command runner for the chosen command', () => {
    const html = render(<ConsolePanel />, (s) => {
      s.console.getState().setSession(sampleSession)
      s.console.getState().setCommands(sessionFixture.commands)
    })
    expect(textOf(html, 'console-role')).toBe('viewer')
    expect(tagOf(html, 'admin-token')).toContain('type="password"')
    expect(isDisabled(html, 'btn-admin')).toBe(true)
    expect(isDisabled(html, 'btn-viewer')).toBe(true)
    expect(html).toContain('<option value="kill">kill (admin) ⚠</option>')
    expect(textOf(html, 'console-command-help')).toContain('List the commands.')
    expect(textOf(html, 'console-results')).toBe('No commands run yet.')
    expect(isDisabled(html, 'console-run')).toBe(false)
  })

  it('lists results newest first with status, code and message; errors clearly', () => {
    const html = render(<ConsolePanel />, (s) => {
      s.console.getState().addResult(sampleConsoleResult({ cmd_id: 'a', name: 'help', result: { commands: ['help'] } }))
      s.console.getState().addResult(sampleConsoleResult({ cmd_id: 'b', name: 'kill', status: 'error', error: { code: 'console.forbidden', message: 'admin required' } }))
    })
    expect(countOf(html, 'console-result')).toBe(2)
    expect(tagOf(html, 'console-result')).toContain('data-status="error"')
    expect(tagOf(html, 'console-result')).toContain('data-cmd-id="b"')
    expect(textOf(html, 'console-result-status')).toBe('error')
    expect(textOf(html, 'console-result-code')).toBe('console.forbidden')
    expect(textOf(html, 'console-result-message')).toBe('admin required')
  })

  it('shows why the session could not be fetched', () => {
    const html = render(<ConsolePanel />, (s) => s.console.getState().setError('app.unsupported: not wired yet'))
    expect(textOf(html, 'console-session-error')).toBe('app.unsupported: not wired yet')
    // Without a command list, the command is typed and its args are raw JSON.
    expect(tagOf(html, 'console-command')).toContain('input')
    expect(countOf(html, 'console-args-json')).toBe(1)
  })
})

describe('ConfirmDialog', () => {
  it('is an in-page dialog with Yes naming the action and No', () => {
    const html = renderToStaticMarkup(<ConfirmDialog request={{ title: 'Kill alice?', message: 'gone for good', confirmLabel: 'Kill alice', onConfirm: () => {} }} onClose={() => {}} />)
    expect(tagOf(html, 'confirm-dialog')).toContain('role="alertdialog"')
    expect(textOf(html, 'confirm-yes')).toBe('Kill alice')
    expect(textOf(html, 'confirm-no')).toBe('No')
  })
})
