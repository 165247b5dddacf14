/**
 * The idempotency cache's snapshot form (schema_version 2): a round trip keeps every namespace,
 * entry, result and order of use, so the copy evicts exactly as the original would; the first,
 * unversioned shape still loads, into the admin namespace.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ConsoleResult, Role } from '../../shared/contract/dto/console'
import { IdempotencyCache, type CmdIssuer } from './idempotency-cache'

const ISSUERS: CmdIssuer[] = [
  { role: 'admin', issuer: 'window-1' },
  { role: 'admin', issuer: 'socket-5' },
  { role: 'viewer', issuer: 'socket-1' },
  { role: 'viewer', issuer: 'socket-2' },
  { role: 'viewer', issuer: 'socket-3' },
  { role: 'viewer', issuer: 'socket-4' }
]

const resultOf = (cmdId: string, role: Role, status: ConsoleResult['status'], n: number): ConsoleResult => ({
  cmd_id: cmdId,
  name: 'help',
  status,
  tick: n,
  issuer: 'x',
  role,
  replayed: false,
  ...(status === 'error' ? { error: { code: 'console.not_found', message: `m${n}` } } : { result: { n, list: [n, 'x'] } })
})

type Op = { kind: 'set' | 'get' | 'settle'; who: number; id: string; n: number; status: ConsoleResult['status'] }

const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('set', 'set', 'get', 'settle'),
  who: fc.nat(ISSUERS.length - 1),
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  n: fc.nat(1000),
  status: fc.constantFrom('ok', 'error', 'queued')
})

function apply(cache: IdempotencyCache, { kind, who, id, n, status }: Op): void {
  const issuer = ISSUERS[who]!
  if (kind === 'get') cache.get(issuer, id)
  else if (kind === 'settle') cache.settle(issuer, id, resultOf(id, issuer.role, status, n))
  else cache.set(issuer, id, { key: `k${n % 3}`, result: resultOf(id, issuer.role, status, n) })
}

const bounds = fc.record({ capacity: fc.integer({ min: 1, max: 4 }), maxViewerNamespaces: fc.integer({ min: 1, max: 3 }), viewerEntryBudget: fc.integer({ min: 1, max: 8 }) })

describe('IdempotencyCache JSON (schema_version 2)', () => {
  it('round-trips every namespace, entry and order of use, and the copy behaves the same (property)', () => {
    fc.assert(
      fc.property(bounds, fc.array(op, { maxLength: 60 }), fc.array(op, { maxLength: 30 }), (b, before, after) => {
        const cache = new IdempotencyCache(b)
        for (const o of before) apply(cache, o)
        const json = cache.toJSON()
        expect(json.schema_version).toBe(2)
        const copy = IdempotencyCache.fromJSON(JSON.parse(JSON.stringify(cache)))
        expect(copy.toJSON()).toEqual(json)
        expect([copy.size, copy.namespaces()]).toEqual([cache.size, cache.namespaces()])
        for (const o of after) {
          apply(cache, o)
          apply(copy, o)
        }
        expect(copy.toJSON()).toEqual(cache.toJSON())
        expect(cache.viewerNamespaceCount).toBeLessThanOrEqual(b.maxViewerNamespaces)
        expect(cache.size - cache.sizeOf(ISSUERS[0]!)).toBeLessThanOrEqual(b.viewerEntryBudget)
      })
    )
  })

  it('loads the first, unversioned shape into the admin namespace', () => {
    const result = resultOf('p-1', 'admin', 'ok', 1)
    const old = { capacity: 512, entries: [['p-1', { key: 'price\n{}', result }], ['p-2', { key: 'kill\n{}', result }]] }
    const cache = IdempotencyCache.fromJSON(old)
    expect(cache.namespaces()).toEqual(['admin'])
    expect(cache.get({ role: 'admin', issuer: 'socket-9' }, 'p-1')).toEqual({ key: 'price\n{}', result })
    expect(cache.get({ role: 'viewer', issuer: 'socket-9' }, 'p-1')).toBeUndefined()
    expect(cache.toJSON()).toMatchObject({ schema_version: 2, capacity: 512, viewers: [] })
  })

  it('refuses what is neither shape, naming the path', () => {
    const v2 = new IdempotencyCache().toJSON()
    expect(() => IdempotencyCache.fromJSON({ ...v2, schema_version: 3 })).toThrow(/schema_version/)
    expect(() => IdempotencyCache.fromJSON({ ...v2, max_viewer_namespaces: 0 })).toThrow(/max_viewer_namespaces/)
    expect(() => IdempotencyCache.fromJSON({ ...v2, extra: 1 })).toThrow()
    expect(() => IdempotencyCache.fromJSON({ ...v2, viewers: [['s', [['a', { key: 1 }]]]] })).toThrow(/viewers/)
    expect(() => IdempotencyCache.fromJSON(null)).toThrow()
    expect(() => new IdempotencyCache({ capacity: 0 })).toThrow(RangeError)
  })
})
