import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AgentPrivacy, NAME_KEYS } from './agent-privacy'

const HASH = /^a_[0-9a-f]{12}$/

/** Every string in a value, keys included, with the path that leads to it. */
function strings(value: unknown, path = '', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value])
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out))
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push([`${path}{key}`, k])
      strings(v, `${path}.${k}`, out)
    }
  }
  return out
}

const words = (text: string) => text.match(/[A-Za-z0-9_]+/g) ?? []

/** Candidate ids, some prefixes of others; each run knows a subset, so the rest must come out as they went in. */
const POOL = ['alice', 'alice_1', 'bob', 'a', 'sam', 'x9', 'zoe_12', 'constructor_x']

/** Payload shapes built from the pool, as whole values, keys and words in text, among foreign strings. */
const payload: fc.Arbitrary<unknown> = (() => {
  const id = fc.constantFrom(...POOL)
  const text = fc.array(fc.oneof(id, fc.string({ maxLength: 6 }), fc.constantFrom(' ', ', ', '|', ' (', '.')), { maxLength: 8 }).map((p) => p.join(''))
  const leaf = fc.oneof(id, text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 8 }))
  const key = fc.oneof(id, fc.stringMatching(/^[a-z_]{1,8}$/), fc.constantFrom(...NAME_KEYS, '__proto__'))
  return fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 4 }))
  })).value
})()

describe('AgentPrivacy', () => {
  it('hides every known id wherever it stands, keeps everything else, and never changes its input (property)', () => {
    fc.assert(
      fc.property(
        fc.subarray(POOL, { minLength: 1 }),
        payload,
        (ids, payload) => {
          const privacy = new AgentPrivacy(() => ids, Buffer.alloc(32, 7))
          privacy.refresh()
          const before = JSON.stringify(payload)
          const out = privacy.apply(payload)
          expect(JSON.stringify(payload)).toBe(before)
          const known = new Set(ids)
          const found = strings(out)
          expect(found.flatMap(([, s]) => words(s)).filter((w) => known.has(w))).toEqual([])
          expect(found.filter(([path, s]) => path.endsWith('{key}') && NAME_KEYS.has(s))).toEqual([])
          // Within a run the same id always reads the same; applying twice gives the same result.
          expect(privacy.apply(payload)).toEqual(out)
          // Nothing that is not an id changes: undo the hashes and the input comes back (name keys aside).
          const back = new Map(ids.map((i) => [privacy.hashOf(i)!, i]))
          const undo = (s: string) => back.get(s) ?? s.replace(/a_[0-9a-f]{12}/g, (h) => back.get(h) ?? h)
          expect(JSON.stringify(restore(out, undo))).toBe(JSON.stringify(dropNames(payload)))
        }
      ),
      { numRuns: 300 }
    )
  })

  it('hashes as a_ and 12 hex digits, the same within a run, different under another run’s salt', () => {
    const ids = ['alice', 'bob', 'alice_1']
    const one = new AgentPrivacy(() => ids)
    const two = new AgentPrivacy(() => ids)
    one.refresh()
    two.refresh()
    for (const id of ids) {
      expect(one.hashOf(id)).toMatch(HASH)
      expect(one.hashOf(id)).toBe(one.hashOf(id))
      expect(two.hashOf(id)).not.toBe(one.hashOf(id))
    }
    expect(new Set(ids.map((i) => one.hashOf(i))).size).toBe(3)
    expect(one.hashOf('fridge_1')).toBeUndefined()
    // Words are whole: "alice_1" is its own agent and "alice" inside "malice" is not an id.
    expect(one.apply('alice_1 met alice; malice')).toBe(`${one.hashOf('alice_1')} met ${one.hashOf('alice')}; malice`)
  })

  it('keeps the key order when a key is hashed, and drops name keys', () => {
    const p = new AgentPrivacy(() => ['bob'], Buffer.alloc(32))
    p.refresh()
    const out = p.apply({ a: 1, bob: 2, display_name: 'Bob Smith', z: ['bob'] })
    expect(Object.keys(out)).toEqual(['a', p.hashOf('bob'), 'z'])
    expect(JSON.stringify(out)).not.toMatch(/bob|Smith/i)
  })

  it('reads a new id list afresh (a restored town) and learns agents added later', () => {
    let ids = ['alice']
    const p = new AgentPrivacy(() => ids, Buffer.alloc(32))
    p.refresh()
    expect(p.apply('bob')).toBe('bob')
    ids.push('bob')
    p.refresh()
    expect(p.apply('bob')).toMatch(HASH)
    ids = ['cara']
    p.refresh()
    expect(p.apply('cara')).toMatch(HASH)
    expect(p.known).toBe(3)
  })
})

function restore(value: unknown, undo: (s: string) => string): unknown {
  if (typeof value === 'string') return undo(value)
  if (Array.isArray(value)) return value.map((v) => restore(v, undo))
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, undo(k), { value: restore(v, undo), enumerable: true, writable: true, configurable: true })
  return out
}

function dropNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNames)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) if (!NAME_KEYS.has(k)) Object.defineProperty(out, k, { value: dropNames(v), enumerable: true, writable: true, configurable: true })
  return out
}
