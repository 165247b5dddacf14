/**
 * canonicalJson: its quick path (one string, native stringify for plain columns) gives exactly
 * the text of a plain sorted-keys walk, and what JSON cannot carry is still refused by path.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical-json'

/** The reference: keys sorted at every level, each value in JSON's own text (no object holds the order). */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(record[k])}`).join(',')}}`
  }
  return JSON.stringify(value)
}

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string({ unit: 'grapheme-composite' }),
    fc.array(fc.double({ noNaN: true, noDefaultInfinity: true })),
    fc.array(fc.string()),
    fc.array(tie('value')),
    fc.dictionary(fc.string().filter((k) => k !== '__proto__'), tie('value'), { noNullPrototype: true })
  )
})).value

describe('canonicalJson', () => {
  it('is JSON of the key-sorted value, for any JSON value (property)', () => {
    fc.assert(
      fc.property(json, (v) => {
        expect(canonicalJson(v)).toBe(reference(v))
      }),
      { numRuns: 300 }
    )
  })

  it('writes -0 as 0 and drops undefined members, in columns and records alike', () => {
    expect(canonicalJson([-0, 1, 2])).toBe('[0,1,2]')
    expect(canonicalJson({ a: -0, b: [-0, 'y'], c: { d: undefined, e: null } })).toBe('{"a":0,"b":[0,"y"],"c":{"e":null}}')
    expect(canonicalJson({ 10: 1, 9: 2, a: 3 })).toBe('{"10":1,"9":2,"a":3}')
    expect(canonicalJson({ b: [1, 'x'], a: undefined, c: { z: -0, y: 'q' } })).toBe('{"b":[1,"x"],"c":{"y":"q","z":0}}')
  })

  it('refuses what JSON cannot carry exactly, naming where', () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow('$.a[1] is NaN')
    expect(() => canonicalJson({ a: { b: Infinity } })).toThrow('$.a.b is Infinity')
    expect(() => canonicalJson([1, undefined])).toThrow('$[1]')
    expect(() => canonicalJson({ t: new Float64Array(2) })).toThrow('$.t is [object Float64Array]')
    expect(() => canonicalJson({ m: new Map() })).toThrow('not plain JSON')
  })

  it('keeps the careful walk for a sparse array (its holes are skipped)', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(canonicalJson([1, , 3])).toBe('[1,3]')
  })
})
