/**
 * The document checker through the codec: every schema case (2.0, newer minors with and without
 * allow_downgrade, legacy envelope and bare state, unknown), integrity (checksum, identity
 * against state), absurd values, and fast-check fuzzing of truncated, re-typed and mutated
 * documents: never a throw, always a snapshot code, and no message longer than a bounded line.
 */
import fc from 'fast-check'
import { gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { decodeSnapshot, decodeSnapshotWithNotes, encodeSnapshot } from './snapshot-codec'
import { stateChecksum, type SnapshotDocument } from './snapshot-document'
import { SNAPSHOT_ERROR_CODES } from './snapshot-errors'
import { copy, realDocument, type Loose } from './testing/snapshot-fixtures'

let doc: SnapshotDocument
beforeAll(async () => {
  doc = await realDocument('default.yaml', 40)
})

const bytes = (value: unknown) => Buffer.from(JSON.stringify(value))
/** Edit a copy and keep the checksum right, so the edit itself is what is judged. */
function edited(patch: (d: Loose) => void, resum = true): Buffer {
  const d = copy(doc) as Loose
  patch(d)
  if (resum && typeof d.state === 'object' && d.state !== null) d.checksum = stateChecksum(d.state)
  return bytes(d)
}
const codeOf = (b: Uint8Array, allowDowngrade = false) => {
  const r = decodeSnapshot(b, { allowDowngrade })
  return r.ok ? 'ok' : r.error.code
}

describe('snapshot document checks', () => {
  it('reads its own documents back, plain and gzipped', () => {
    for (const gzip of [false, true]) expect(decodeSnapshot(encodeSnapshot(doc, { gzip }))).toEqual({ ok: true, value: doc })
  })

  it('tells the schemas apart, with what to do', () => {
    const newer = edited((d) => (d.schema_version = '2.7'))
    const refused = decodeSnapshot(newer)
    expect(refused).toMatchObject({ ok: false, error: { code: 'snapshot.schema_mismatch' } })
    if (!refused.ok) expect(refused.error.message).toMatch(/"2\.7" is newer than the supported 2\.0.*allow_downgrade/)
    expect(codeOf(edited((d) => (d.schema_version = '3.0')))).toBe('snapshot.schema_mismatch')
    expect(codeOf(edited((d) => (d.schema_version = '2.0.1')))).toBe('snapshot.schema_mismatch')
    expect(codeOf(edited((d) => delete d.schema_version))).toBe('snapshot.invalid')
    expect(codeOf(edited((d) => (d.schema_version = 20)))).toBe('snapshot.invalid')
    const legacy = decodeSnapshot(bytes({ schema_version: '1.6', state: { config_id: 'x', agents: {} } }))
    expect(legacy).toMatchObject({ ok: false, error: { code: 'snapshot.schema_mismatch', details: { legacy: true } } })
    if (!legacy.ok) expect(legacy.error.message).toContain('townlet snapshot migrate FILE --config TARGET --output DIR')
    expect(codeOf(bytes({ config_id: 'old', tick: 3, agents: {} }))).toBe('snapshot.schema_mismatch')
  })

  it('loads a newer minor under allow_downgrade, dropping and naming what 2.0 does not know', () => {
    const newer = edited((d) => {
      d.schema_version = '2.4'
      d.extra_top = 1
      d.state.future_block = { x: 1 }
      d.identity.future_field = 'y'
    })
    const r = decodeSnapshotWithNotes(newer, { allowDowngrade: true })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.doc.schema_version).toBe('2.0')
    expect(r.value.doc.state).toEqual(doc.state)
    expect(r.value.doc.checksum).toBe(doc.checksum)
    expect(r.value.warnings[0]?.message).toMatch(/newer than 2\.0.*extra_top, state\.future_block, identity\.future_field/)
  })

  it('catches changed files: checksum, identity against state, RNG fingerprints', () => {
    expect(codeOf(edited((d) => (d.state.world.tick = 41), false))).toBe('snapshot.integrity')
    expect(codeOf(edited((d) => (d.identity.config_id = 'other')))).toBe('snapshot.integrity')
    expect(codeOf(edited((d) => (d.tick = 7)))).toBe('snapshot.integrity')
    expect(codeOf(edited((d) => (d.identity.rng.world = '0'.repeat(16))))).toBe('snapshot.integrity')
    expect(codeOf(edited((d) => (d.checksum = 'f'.repeat(64)), false))).toBe('snapshot.integrity')
    expect(codeOf(edited((d) => (d.checksum = 'nope'), false))).toBe('snapshot.invalid')
  })

  it('names the path of a missing or mistyped field', () => {
    const r = decodeSnapshot(edited((d) => (d.identity.backend = 'gpu')))
    expect(r).toMatchObject({ ok: false, error: { code: 'snapshot.invalid', details: { path: 'identity.backend' } } })
    const r2 = decodeSnapshot(edited((d) => delete d.state.world.config_id))
    expect(r2).toMatchObject({ ok: false, error: { code: 'snapshot.invalid' } })
    if (!r2.ok) expect(r2.error.message).toContain('state.world.config_id')
    expect(codeOf(edited((d) => (d.state.unknown_block = {})))).toBe('snapshot.invalid')
    expect(codeOf(edited((d) => (d.migrations = { applied: [{ id: 'x' }] })))).toBe('snapshot.invalid')
  })

  it('refuses absurd values without echoing them', () => {
    expect(codeOf(edited((d) => ((d.tick = 1e300), (d.state.world.tick = 1e300))))).toBe('snapshot.invalid')
    expect(codeOf(Buffer.from(JSON.stringify(doc).replace(`"tick":${doc.tick}`, '"tick":1e999')))).not.toBe('ok')
    const long = 'A'.repeat(100_000)
    const r = decodeSnapshot(edited((d) => ((d.identity.config_id = long), (d.state.world.config_id = long))))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message.length).toBeLessThan(1000)
    const deep = '['.repeat(200_000) + ']'.repeat(200_000)
    expect(codeOf(Buffer.from(`{"schema_version":"2.0","checksum":"${'0'.repeat(64)}","state":{"world":${deep}}}`))).toBe('snapshot.invalid')
  })

  it('refuses empty, non-JSON and non-object input', () => {
    for (const text of ['', '   ', 'null', '[]', '"2.0"', '{', 'not json', '\u0000\u0001']) expect(codeOf(Buffer.from(text)), text).toMatch(/^snapshot\./)
    expect(codeOf(Buffer.from([0x1f, 0x8b, 1, 2, 3]))).toBe('snapshot.invalid')
  })

  it('bounds the inflated size: a small gzip of a huge text is refused as too large', () => {
    const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024, 0x20))
    expect(decodeSnapshot(bomb, { maxBytes: 1024 * 1024 })).toMatchObject({ ok: false, error: { code: 'snapshot.too_large' } })
    expect(decodeSnapshot(Buffer.alloc(2048, 0x20), { maxBytes: 1024 })).toMatchObject({ ok: false, error: { code: 'snapshot.too_large' } })
  })
})

describe('snapshot decoder fuzzing', () => {
  const codes = new Set<string>(SNAPSHOT_ERROR_CODES)
  const judged = (input: Uint8Array) => {
    const r = decodeSnapshotWithNotes(input, { allowDowngrade: true })
    if (!r.ok) {
      expect(codes.has(r.error.code), r.error.code).toBe(true)
      expect(r.error.message.length).toBeLessThan(2000)
    }
    return r
  }

  it('round-trips through encode and decode for any drawn tick count and compression', async () => {
    const docs = await Promise.all([0, 7, 90].map((t) => realDocument('default.yaml', t)))
    fc.assert(
      fc.property(fc.constantFrom(...docs), fc.boolean(), (d, gzip) => {
        expect(decodeSnapshot(encodeSnapshot(d, { gzip }))).toEqual({ ok: true, value: d })
      }),
      { numRuns: 20 }
    )
  })

  it('truncated documents: a coded error, never a throw', () => {
    const plain = encodeSnapshot(doc)
    const gz = encodeSnapshot(doc, { gzip: true })
    fc.assert(
      fc.property(fc.integer({ min: 0, max: plain.length - 1 }), fc.integer({ min: 0, max: gz.length - 1 }), (a, b) => {
        expect(judged(plain.subarray(0, a)).ok).toBe(false)
        expect(judged(gz.subarray(0, b)).ok).toBe(false)
      }),
      { numRuns: 200 }
    )
  })

  it('re-typed fields (any JSON value in place of any field): coded errors only', () => {
    const paths: string[][] = []
    const walk = (v: unknown, at: string[]) => {
      if (at.length > 5 || paths.length > 400) return
      paths.push(at)
      if (typeof v === 'object' && v !== null) for (const [k, c] of Object.entries(v)) walk(c, [...at, k])
    }
    walk(doc, [])
    fc.assert(
      fc.property(fc.constantFrom(...paths.slice(1)), fc.jsonValue({ maxDepth: 3 }), fc.boolean(), (path, value, resum) => {
        const d = copy(doc) as Loose
        let at: Loose = d
        for (const k of path.slice(0, -1)) at = at[k]
        at[path[path.length - 1]!] = value
        if (resum && typeof d.state === 'object' && d.state !== null) {
          try {
            d.checksum = stateChecksum(d.state)
          } catch {
            // -0 or similar: leave the checksum as it was.
          }
        }
        judged(Buffer.from(JSON.stringify(d)))
      }),
      { numRuns: 300 }
    )
  })

  it('mutated bytes: coded errors only, and a changed state never passes as the original', () => {
    const plain = encodeSnapshot(doc)
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: plain.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const m = Buffer.from(plain)
        for (const [i, v] of edits) m[i] = v
        const r = judged(m)
        if (r.ok) expect(r.value.doc.checksum).toBe(stateChecksum(r.value.doc.state))
      }),
      { numRuns: 300 }
    )
  })
})
