/**
 * Config loads as the operator meets them: a town that ran is not replaced without asking, and a
 * refused load's issues read top to bottom in the errors panel.
 */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { sampleStatus } from '../../../../shared/testing/contract-samples'
import { SessionProvider } from '../../app/session-context'
import { countOf, textOf } from '../../testing/markup'
import { createTestSession } from '../../testing/session-fixture'
import { ConfigErrorsPanel } from '../errors/config-errors-panel'
import { fileName, replaceTownRequest, townAtStake } from './replace-town'

describe('replaceTownRequest', () => {
  it('asks before a running town, or one that has ticked, is replaced', () => {
    expect(townAtStake(null)).toBe(false)
    expect(townAtStake(sampleStatus({ state: 'idle', tick: 0 }))).toBe(false)
    expect(townAtStake(sampleStatus({ state: 'running', tick: 0 }))).toBe(true)
    expect(townAtStake(sampleStatus({ state: 'paused', tick: 3 }))).toBe(true)
    expect(replaceTownRequest(sampleStatus({ state: 'idle', tick: 0 }), '/c/fast.yaml', () => {})).toBeNull()
  })

  it('names the town, its tick and the file, and says nothing is kept', () => {
    const status = sampleStatus({ state: 'running', tick: 12345 })
    const request = replaceTownRequest(status, '/work/configs/fast.yaml', () => {})
    expect(request?.title).toBe('Load fast.yaml?')
    expect(request?.confirmLabel).toBe('Load fast.yaml')
    expect(request?.message).toContain(`The current town (${status.config.config_id}, tick 12,345, running) will be replaced when fast.yaml loads`)
    expect(request?.message).toContain('unless you save it first')
    expect(request?.alternative).toBeUndefined()
    expect(request?.message).not.toMatch(/TODO/i)
    // Before the native file dialog the file is not known yet.
    expect(replaceTownRequest(status, null, () => {})?.title).toBe('Load another config?')
    expect(fileName('C:\\configs\\a.yaml')).toBe('a.yaml')
  })

  it('offers to save the town first when it can', () => {
    let saved = 0
    const request = replaceTownRequest(sampleStatus({ state: 'paused', tick: 40 }), 'configs/fast.yaml', () => {}, () => (saved += 1))
    expect(request?.alternative?.label).toBe('Save, then load')
    request?.alternative?.onChoose()
    expect(saved).toBe(1)
  })
})

describe('ConfigErrorsPanel', () => {
  it('lists the issues in line order, unlocated ones last, with the bad values', () => {
    const session = createTestSession((s) =>
      s.config.getState().setLoadError({
        source: '/c/bad.yaml',
        message: 'bad',
        issues: [
          { path: 'runtim', line: 7, col: 1, message: 'unknown key "runtim"' },
          { path: '', message: 'the model is not a file' },
          { path: 'seed', line: 4, col: 7, message: 'expected number, got "x"' }
        ]
      })
    )
    const html = renderToStaticMarkup(
      <SessionProvider session={session}>
        <ConfigErrorsPanel />
      </SessionProvider>
    ).replace(/<!-- -->/g, '')
    expect(countOf(html, 'config-error-row')).toBe(3)
    const rows = [...html.matchAll(/data-testid="config-error-row"[^>]*>(.*?)<\/tr>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').trim())
    expect(rows[0]).toMatch(/^seed\s+4:7\s+expected number, got "x"$/)
    expect(rows[1]).toMatch(/^runtim\s+7:1/)
    expect(rows[2]).toMatch(/^\(document\)/)
    expect(textOf(html, 'config-errors').length).toBeGreaterThan(0)
  })
})
