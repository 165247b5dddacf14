import { describe, expect, it } from 'vitest'
import { createClock } from '../../../../shared/sim-clock'
import { sampleStatus } from '../../../../shared/testing/contract-samples'
import { forkConfirm, integrityBadge, kindBadge, loadConfirm, migrateConfirm, policyText, tickText, verdictBadge } from './snapshot-text'
import { sampleEntry, samplePreview } from './snapshot-fixtures'

describe('snapshot wording', () => {
  it('reads ticks as day and time with the tick, and short policy hashes', () => {
    expect(tickText(createClock(1440, '06:00'), 90)).toBe('day 0 · 07:30 · tick 90')
    expect(tickText(null, 12_345)).toBe('tick 12,345')
    expect(tickText(null, null)).toBe('—')
    expect(policyText('0123456789abcdef')).toBe('0123456789ab')
    expect(policyText(null)).toBe('—')
  })

  it('badges integrity, kind and verdict', () => {
    expect(integrityBadge(sampleEntry())).toMatchObject({ label: 'ok', tone: 'ok' })
    expect(integrityBadge(sampleEntry({ integrity: { ok: false, problem: { code: 'snapshot.integrity', message: 'bad sum' } } }))).toMatchObject({ tone: 'error', title: 'snapshot.integrity: bad sum' })
    expect(kindBadge(sampleEntry())).toBeNull()
    expect(kindBadge(sampleEntry({ kind: 'legacy' }))?.label).toBe('legacy')
    expect(kindBadge(sampleEntry({ autosave: true }))?.label).toBe('autosave')
    expect(verdictBadge('warn').tone).toBe('warn')
  })

  it('says before a load that the shard pauses first and what is lost', () => {
    const request = loadConfirm('a.json', sampleStatus({ tick: 4200 }), () => {})
    expect(request.message).toContain('The shard pauses first')
    expect(request.message).toContain('tick 4,200')
    expect(request.message).toContain('Save now')
    expect(request.confirmLabel).toBe('Load a.json')
  })

  it('says before a migration that the source stays, and before a fork that the future is kept', () => {
    expect(migrateConfirm(samplePreview(), () => {}).message).toBe('Writes a new snapshot for town-v2 (1 step, as previewed). old-town.json itself is not changed.')
    expect(forkConfirm('tick 400', () => {}).message).toContain('kept as a branch')
  })
})
