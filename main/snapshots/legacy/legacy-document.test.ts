import { describe, expect, it } from 'vitest'
import { loadEmbeddedDefault } from '../../config/load-config'
import { decideScripted } from '../../policy/scripted/scripted-controller'
import { tick } from '../../sim/tick'
import { resumePoint } from '../load-snapshot'
import { SnapshotDocumentSchema, stateChecksum } from '../snapshot-document'
import { legacyToDocument } from './legacy-document'
import { BARE_FIXTURE, ENVELOPE_FIXTURE, defaultTarget, readFixture } from './testing/legacy-fixtures'

const WHO = { policy_hash: null, backend: 'scripted', provider: 'scripted', observation_variant: 'hybrid' } as const

describe('legacyToDocument', () => {
  for (const fixture of [ENVELOPE_FIXTURE, BARE_FIXTURE]) {
    it(`${fixture}: a 2.0 document that loads through the snapshot loader and runs`, () => {
      const result = legacyToDocument(readFixture(fixture), defaultTarget(), WHO)
      if (!result.ok) throw new Error(result.error.message)
      const { document } = result.value
      expect(SnapshotDocumentSchema.parse(document)).toEqual(document)
      expect(document.checksum).toBe(stateChecksum(document.state))
      expect(document.identity.config_id).toBe('default')
      expect(document.migrations.applied).toEqual([
        expect.objectContaining({ id: 'legacy-1.x', from: { config_id: fixture === BARE_FIXTURE ? 'v1.1.0' : 'v1.3.0', schema_version: fixture === BARE_FIXTURE ? '1.x' : '1.6' }, to: { config_id: 'default', schema_version: '2.0' } })
      ])
      const point = resumePoint(document, loadEmbeddedDefault())
      if (!point.ok) throw new Error(point.error.message)
      for (let t = 0; t < 50; t++) tick(point.value.world, { decisions: decideScripted(point.value.world), console: [] })
      expect(point.value.world.state.tick).toBe(document.tick + 50)
    })
  }

  it('passes a refusal through with its code', () => {
    const result = legacyToDocument({ schema_version: '1.6', state: { tick: 1 } }, defaultTarget(), WHO)
    expect(!result.ok && result.error.code).toBe('snapshot.invalid')
  })
})
