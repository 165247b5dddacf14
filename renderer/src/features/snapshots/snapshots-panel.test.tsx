/** The Snapshots panel rendered to static markup, as a viewer and as an admin, with hand-built replies. */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { sampleSession, sampleStatus } from '../../../../shared/testing/contract-samples'
import { SessionProvider } from '../../app/session-context'
import type { Stores } from '../../stores/stores'
import { countOf, isDisabled, textOf } from '../../testing/markup'
import { createTestSession } from '../../testing/session-fixture'
import { sampleDiff, sampleEntry, sampleInspection, samplePreview, sampleTimeline, sampleTimelineFrame, sampleVerdict } from './snapshot-fixtures'
import { SnapshotsPanel } from './snapshots-panel'

const entries = [
  sampleEntry({ name: 'snap-a.json' }),
  sampleEntry({ name: 'old-town.json', kind: 'legacy', schema_version: '1.6', config_id: null, policy_hash: null }),
  sampleEntry({ name: 'broken.json.gz', gzip: true, integrity: { ok: false, problem: { code: 'snapshot.integrity', message: 'checksum differs' } } })
]

function render(role: 'viewer' | 'admin', fill: (s: Stores) => void = () => {}): string {
  const session = createTestSession((s) => {
    s.console.getState().setSession({ ...sampleSession, role })
    s.shard.getState().setStatus(sampleStatus({ tick: 1000 }), 0)
    s.snapshots.getState().setList({ root: 'workspace/snapshots', snapshots: entries })
    s.timeline.getState().setStatus(sampleTimeline())
    fill(s)
  })
  return renderToStaticMarkup(
    <SessionProvider session={session}>
      <SnapshotsPanel />
    </SessionProvider>
  ).replace(/<!-- -->/g, '')
}

const select = (name: string) => (s: Stores) => s.snapshots.getState().select(name)

describe('Snapshots panel', () => {
  it('lists every snapshot with its tick, size, integrity and kind', () => {
    const html = render('viewer')
    expect(countOf(html, 'snapshot-row')).toBe(3)
    expect(html).toContain('tick 1,200')
    expect(html).toContain('47.0 KB')
    expect(html).toContain(' gz')
    expect(textOf(html, 'snapshot-kind')).toBe('legacy')
    expect(html).toContain('title="snapshot.integrity: checksum differs"')
    expect(html).toContain('in workspace/snapshots')
  })

  it('shows a viewer the reads and no admin button, with the reason once', () => {
    const html = render('viewer', select('snap-a.json'))
    for (const id of ['btn-save-snapshot', 'btn-load-snapshot', 'btn-migrate', 'btn-bookmark', 'btn-reopen-branch']) expect(countOf(html, id), id).toBe(0)
    expect(textOf(html, 'snapshot-viewer-reason')).toContain('admin token required')
    for (const id of ['btn-validate', 'btn-preview-migration', 'btn-diff']) expect(countOf(html, id), id).toBe(1)
    expect(isDisabled(html, 'btn-validate')).toBe(false)
  })

  it('gives an admin Save, Load (for a readable snapshot) and Migrate after a preview with steps', () => {
    const html = render('admin', (s) => {
      s.snapshots.getState().select('snap-a.json')
      s.snapshots.getState().setRead('preview', { state: 'ok', value: samplePreview() })
    })
    expect(countOf(html, 'snapshot-viewer-reason')).toBe(0)
    expect(isDisabled(html, 'btn-save-snapshot')).toBe(false)
    expect(isDisabled(html, 'btn-load-snapshot')).toBe(false)
    expect(textOf(html, 'btn-load-snapshot')).toBe('Load snap-a.json…')
    expect(isDisabled(html, 'btn-migrate')).toBe(false)
    const legacy = render('admin', select('old-town.json'))
    expect(isDisabled(legacy, 'btn-load-snapshot')).toBe(true)
    expect(isDisabled(legacy, 'btn-migrate')).toBe(true)
  })

  it('closes Load while this page views a past tick, and says why', () => {
    const html = render('admin', (s) => {
      s.snapshots.getState().select('snap-a.json')
      s.timeline.getState().seek(300)
      s.timeline.getState().showFrame(sampleTimelineFrame(300), 0)
    })
    expect(isDisabled(html, 'btn-load-snapshot')).toBe(true)
    expect(textOf(html, 'snapshot-disabled-reason')).toContain('viewing a past tick')
    expect(isDisabled(html, 'btn-save-snapshot')).toBe(false)
  })

  it('inspects: identity, RNG fingerprints, counts and the migrations applied', () => {
    const html = render('viewer', (s) => {
      s.snapshots.getState().select('snap-a.json')
      s.snapshots.getState().setRead('inspection', { state: 'ok', value: sampleInspection() })
    })
    expect(textOf(html, 'inspect-config-id')).toBe('town-v2')
    expect(textOf(html, 'inspect-rng')).toContain('world a1b2c3d4')
    expect(textOf(html, 'inspect-counts')).toContain('44 ties')
    expect(textOf(html, 'inspect-migrations')).toContain('adds the stove queue')
  })

  it('shows a verdict with its coded reasons and the migrations it needs', () => {
    const html = render('viewer', (s) => {
      s.snapshots.getState().select('snap-a.json')
      s.snapshots.getState().setRead('verdict', { state: 'ok', value: sampleVerdict() })
    })
    expect(textOf(html, 'verdict-badge')).toBe('refused')
    expect(textOf(html, 'verdict-reasons')).toBe('snapshot.config_mismatch written for town-v1, running town-v2')
    expect(textOf(html, 'verdict-migrations')).toContain('town-v1-&gt;town-v2')
  })

  it('previews a migration: each step, the diff per section and the legacy field report', () => {
    const html = render('viewer', (s) => {
      s.snapshots.getState().select('old-town.json')
      s.snapshots.getState().setRead('preview', { state: 'ok', value: samplePreview() })
    })
    expect(textOf(html, 'migration-step')).toContain('imports a document of the original Python shards')
    expect(countOf(html, 'report-row')).toBe(2)
    expect(html).toContain('Python RNG state cannot carry over')
    expect(html).toMatch(/data-section="agents"/)
  })

  it('diffs side by side: agents, economy and relationships first, the rest folded', () => {
    const html = render('viewer', (s) => {
      s.snapshots.getState().select('snap-a.json')
      s.snapshots.getState().setCompareWith('old-town.json')
      s.snapshots.getState().setRead('diff', { state: 'ok', value: sampleDiff('snap-a.json', 'old-town.json') })
    })
    const sections = [...html.matchAll(/data-testid="diff-section" data-section="(\w+)"/g)].map((m) => m[1])
    expect(sections.slice(-4)).toEqual(['agents', 'economy', 'relationships', 'lifecycle'])
    expect(html).toContain('agents.alice.wallet')
    expect(html).toContain('<details class="diff-more"')
  })

  it('shows an error with its code', () => {
    const html = render('admin', (s) => {
      s.snapshots.getState().select('snap-a.json')
      s.snapshots.getState().setRead('inspection', { state: 'error', error: { code: 'snapshot.integrity', message: 'checksum differs' } })
      s.snapshots.getState().setOutcome({ state: 'error', error: { code: 'snapshot.config_mismatch', message: 'written for town-v1' } })
    })
    expect(textOf(html, 'snapshot-inspect-error')).toBe('snapshot.integrity checksum differs')
    expect(textOf(html, 'snapshot-outcome-error')).toBe('snapshot.config_mismatch written for town-v1')
  })
})
