/**
 * The console form and results rendered to static markup: a select for an enum, a toggle for a
 * boolean, results as tables or pretty JSON with Copy, the meta line whole, and a command queued
 * while paused saying what it waits for.
 */
import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { CommandInfo } from '../../../../shared/contract/dto/console'
import { CONSOLE_TELEMETRY_SCHEMA } from '../../../../shared/contract/dto/telemetry-console'
import { sampleConsoleResult, sampleSession, sampleStatus } from '../../../../shared/testing/contract-samples'
import { SessionProvider } from '../../app/session-context'
import type { Stores } from '../../stores/stores'
import { countOf, tagOf, textOf } from '../../testing/markup'
import { createTestSession } from '../../testing/session-fixture'
import { ConsolePanel } from './console-panel'

function render(element: ReactElement, fill: (stores: Stores) => void = () => {}): string {
  const session = createTestSession(fill)
  return renderToStaticMarkup(<SessionProvider session={session}>{element}</SessionProvider>).replace(/<!-- -->/g, '')
}

/** `utility` as the host describes it (main/console/describe-schema). */
const utility: CommandInfo = {
  name: 'utility',
  role: 'admin',
  destructive: true,
  help: 'Switch a utility on or off.',
  args: [
    { name: 'utility', type: 'one of "power", "water"', required: true, help: 'which utility', kind: 'enum', choices: ['power', 'water'] },
    { name: 'on', type: 'true or false', required: true, help: 'true to switch on, false for an outage', kind: 'boolean' }
  ]
}
/** The same command from a host that sends only the type words. */
const olderUtility: CommandInfo = { ...utility, args: utility.args.map(({ name, type, required, help }) => ({ name, type, required, help })) }

describe('Console form', () => {
  for (const [label, command] of [
    ['with kinds', utility],
    ['type words only', olderUtility]
  ] as const) {
    it(`gives an enum a select of its values and a boolean a true/false toggle (${label})`, () => {
      const html = render(<ConsolePanel />, (s) => {
        s.console.getState().setSession({ ...sampleSession, role: 'admin' })
        s.console.getState().setCommands([command])
      })
      expect(tagOf(html, 'console-arg-utility')).toMatch(/^<select/)
      expect(html).toContain('<option value="power">power</option>')
      expect(html).toContain('<option value="water">water</option>')
      expect(tagOf(html, 'console-arg-on')).toContain('role="radiogroup"')
      expect(tagOf(html, 'console-arg-on-true')).toContain('type="radio"')
      expect(tagOf(html, 'console-arg-on-false')).toContain('value="false"')
      // Required: no "omit" choice.
      expect(countOf(html, 'console-arg-on-omit')).toBe(0)
      // The form checks its own arguments, so the browser's bubble does not stand in for them.
      expect(html).toMatch(/<form class="runner" noValidate=""/i)
    })
  }
})

describe('Console results', () => {
  it('shows rows of objects as a table with Copy JSON, and the meta line whole', () => {
    const cmdId = 'ui-1733100000000-42-a-long-operator-chosen-id'
    const html = render(<ConsolePanel />, (s) =>
      s.console.getState().addResult(
        sampleConsoleResult({ cmd_id: cmdId, name: 'help', tick: 1234, result: { commands: [{ name: 'help', role: 'viewer' }, { name: 'kill', role: 'admin' }] } }),
        {},
        0
      )
    )
    expect(countOf(html, 'console-result-table')).toBe(1)
    expect(tagOf(html, 'console-result-table')).toContain('data-caption="commands"')
    expect(countOf(html, 'console-result-row')).toBe(2)
    expect(html).toContain('<th class="mono">role</th>')
    expect(countOf(html, 'console-result-copy')).toBe(1)
    // No one-line summary for an answer: the table is the answer.
    expect(countOf(html, 'console-result-message')).toBe(0)
    const meta = textOf(html, 'console-result-meta')
    expect(meta).toContain('tick 1234')
    expect(meta).toContain(cmdId)
    expect(meta).not.toContain('…')
  })

  it('shows any other answer as pretty JSON, never cut', () => {
    const long = 'x'.repeat(400)
    const html = render(<ConsolePanel />, (s) => s.console.getState().addResult(sampleConsoleResult({ result: { agent_id: 'alice', note: long } })))
    // textOf reads one line; pretty JSON has many.
    const json = /data-testid="console-result-json">([\s\S]*?)<\/pre>/.exec(html)?.[1]?.replace(/&quot;/g, '"') ?? ''
    expect(json).toContain('\n  "agent_id": "alice",')
    expect(json).toContain(long)
  })

  it('warns when a shard reports a newer telemetry schema than this console knows, and only then', () => {
    const html = render(<ConsolePanel />, (s) => {
      s.console.getState().addResult(sampleConsoleResult({ cmd_id: 'new', name: 'conflict_status', result: { schema_version: '1.99', history: [] } }))
      s.console.getState().addResult(sampleConsoleResult({ cmd_id: 'same', name: 'health_status', result: { schema_version: CONSOLE_TELEMETRY_SCHEMA } }))
      s.console.getState().addResult(sampleConsoleResult({ cmd_id: 'other', name: 'snapshot_inspect', result: { schema_version: '9.0' } }))
    })
    expect(countOf(html, 'console-result-warning')).toBe(1)
    expect(textOf(html, 'console-result-warning')).toBe(`shard reports telemetry schema 1.99, this console knows ${CONSOLE_TELEMETRY_SCHEMA}: update the workstation; fields may be missing`)
    // The answer itself is still shown in full.
    expect(countOf(html, 'console-result-body')).toBe(3)
  })

  it('says a command queued while paused waits for Resume or Step', () => {
    const html = render(<ConsolePanel />, (s) => {
      s.shard.getState().setStatus(sampleStatus({ state: 'paused', tick: 40 }), 0)
      s.console.getState().addResult(sampleConsoleResult({ name: 'setneed', status: 'queued', tick: 41 }))
    })
    expect(textOf(html, 'console-result-message')).toBe('queued while paused: waits for Resume or Step (applies at tick 41)')
  })
})
