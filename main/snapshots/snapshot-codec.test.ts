/**
 * The codec: a real town's document survives encode → decode (plain and gzip) unchanged; and
 * fuzzed bytes — truncated, re-typed, mutated — never throw, always come back as a coded error.
 */
import fc from 'fast-check'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../shared/error-codes'
import { Simulation } from '../shard/simulation'
import { resolve } from 'node:path'
import { loadConfigFile } from '../config/load-config'
import { testWorkspace } from '../fs/testing/test-workspace'
import { CONFIGS_DIR } from '../scenarios/scenario-harness'
import { canonicalJson } from '../sim/hash/canonical-json'
import { decodeSnapshot, encodeCapture, encodeSnapshot } from './snapshot-codec'
import { captureSnapshot, stateChecksum, type SnapshotDocument } from './snapshot-document'

const who = { policy_hash: null, backend: 'scripted' as const, provider: null, observation_variant: 'full' }

async function realDoc(ticks: number): Promise<SnapshotDocument> {
  const loaded = await loadConfigFile(resolve(CONFIGS_DIR, 'default.yaml'), await testWorkspace())
  if (!loaded.ok) throw new Error(loaded.error.message)
  const sim = new Simulation(loaded.value)
  for (let t = 0; t < ticks; t++) sim.step()
  return captureSnapshot(sim.world, sim.lastTickEvents, who)
}

describe('snapshot codec', () => {
  it('round-trips a real town, plain and gzipped', async () => {
    const doc = await realDoc(120)
    for (const gzip of [false, true]) {
      const back = decodeSnapshot(encodeSnapshot(doc, { gzip }))
      expect(back.ok).toBe(true)
      if (back.ok) expect(back.value).toEqual(doc)
    }
    // Written in canonical order, as canonicalJson would write the whole document.
    expect(encodeSnapshot(doc).toString('utf8')).toBe(canonicalJson(doc))
  })

  it('writes the state once: the checksum and the bytes agree with a from-scratch canonical pass, and the document owns its data', async () => {
    const loaded = await loadConfigFile(resolve(CONFIGS_DIR, 'default.yaml'), await testWorkspace())
    if (!loaded.ok) throw new Error(loaded.error.message)
    const sim = new Simulation(loaded.value)
    for (let t = 0; t < 60; t++) sim.step()
    // Runtime blocks as a file can hold them: a NaN draw becomes null, an undefined member goes.
    const extra = { policy: { draw: [Number.NaN, 0.5], note: undefined, z: 1, a: 2 }, console: { pending_ops: [], router: null } }
    const doc = captureSnapshot(sim.world, sim.lastTickEvents, who, extra)
    const direct = encodeCapture(sim.world, sim.lastTickEvents, who, extra)
    expect(direct.toString('utf8')).toBe(encodeSnapshot(doc).toString('utf8'))
    const fresh = JSON.parse(JSON.stringify(doc)) as SnapshotDocument
    expect(direct.toString('utf8')).toBe(canonicalJson(fresh))
    expect(doc.checksum).toBe(stateChecksum(fresh.state))
    expect(doc.state.policy).toEqual({ draw: [null, 0.5], z: 1, a: 2 })
    const text = encodeSnapshot(doc).toString('utf8')
    sim.step()
    expect(canonicalJson(doc)).toBe(text)
    expect(decodeSnapshot(direct)).toEqual({ ok: true, value: fresh })
  })

  it('never throws on damaged bytes: every failure has a snapshot code', async () => {
    const bytes = encodeSnapshot(await realDoc(30))
    const codes = new Set(ERROR_CODES)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length }), fc.integer({ min: 0, max: 255 }), fc.boolean(), (at, value, gzip) => {
        const mutated = Buffer.from(bytes)
        if (at < mutated.length) mutated[at] = value
        const input = gzip ? gzipSync(mutated.subarray(0, at + 1)) : mutated.subarray(0, Math.max(at, 1))
        const r = decodeSnapshot(input)
        if (!r.ok) expect(codes.has(r.error.code) && r.error.code.startsWith('snapshot.')).toBe(true)
      }),
      { numRuns: 300 }
    )
  })

  it('refuses a re-typed or edited document with a coded error', async () => {
    const doc = await realDoc(10)
    const retyped = (patch: (d: Record<string, unknown>) => void) => {
      const d = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>
      patch(d)
      return decodeSnapshot(Buffer.from(JSON.stringify(d)))
    }
    expect(retyped((d) => (d.tick = 'ten'))).toMatchObject({ ok: false, error: { code: 'snapshot.invalid' } })
    expect(retyped((d) => ((d.state as { world: { tick: number } }).world.tick = 11))).toMatchObject({ ok: false, error: { code: 'snapshot.integrity' } })
    expect(retyped((d) => (d.schema_version = '7'))).toMatchObject({ ok: false, error: { code: 'snapshot.schema_mismatch' } })
    expect(retyped((d) => delete d.checksum)).toMatchObject({ ok: false, error: { code: 'snapshot.invalid' } })
  })

  it('refuses a zip bomb by its inflated size, not after inflating it', () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 32))
    expect(decodeSnapshot(bomb, { maxBytes: 1024 * 1024 })).toMatchObject({ ok: false, error: { code: 'snapshot.too_large' } })
  })
})
