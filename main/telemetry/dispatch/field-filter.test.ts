import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseFieldPath, type FieldPath } from '../../config/sections/telemetry-dispatch'
import { FieldFilter } from './field-filter'

const paths = (...entries: string[]) => entries.map((e) => parseFieldPath(e) as FieldPath)

describe('FieldFilter', () => {
  it('removes named keys, through * over object keys and array elements, for its kind and for *:', () => {
    const f = new FieldFilter(paths('loop.health:transport.transports.*.target', 'engine.event:object_id', '*:secret', 'narration:meta.*'))
    expect(f.apply('loop.health', { transport: { transports: [{ kind: 'file', target: 'a' }, { kind: 'tcp', target: 'b' }], connected: true }, secret: 1 })).toEqual({
      transport: { transports: [{ kind: 'file' }, { kind: 'tcp' }], connected: true }
    })
    expect(f.apply('engine.event', { type: 'x', tick: 1, object_id: 'fridge_1', secret: 2 })).toEqual({ type: 'x', tick: 1 })
    expect(f.apply('kpi.window', { secret: 1, tick: 4 })).toEqual({ tick: 4 })
    expect(f.apply('narration', { meta: { a: 1, b: 2 }, text: 't' })).toEqual({ meta: {}, text: 't' })
    // A named key does not index into an array, and a path that is not there changes nothing (the same object).
    const arr = { transport: { transports: { target: 'x' } } }
    expect(new FieldFilter(paths('loop.health:transport.transports.0')).apply('loop.health', arr)).toBe(arr)
    expect(new FieldFilter([]).empty).toBe(true)
  })

  it('never changes its input, and removes exactly the path it names (property)', () => {
    const key = fc.constantFrom('a', 'b', 'c', '__proto__')
    const value = fc.letrec((tie) => ({ v: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string({ maxLength: 3 }), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(key, tie('v'), { maxKeys: 3 })) })).v
    const segments = fc.array(fc.constantFrom('a', 'b', '*'), { minLength: 1, maxLength: 3 })
    fc.assert(
      fc.property(value, segments, (payload, segs) => {
        const before = JSON.stringify(payload)
        const out = new FieldFilter([{ kind: 'narration', segments: segs }]).apply('narration', payload)
        expect(JSON.stringify(payload)).toBe(before)
        expect(reach(out, segs)).toEqual([])
        expect(JSON.stringify(out).length).toBeLessThanOrEqual(before.length)
      }),
      { numRuns: 300 }
    )
  })
})

/** Every value still found at the path (a `*` leaf empties its container, so it counts the container's items). */
function reach(value: unknown, segs: readonly string[]): unknown[] {
  if (segs.length === 0) return [value]
  if (value === null || typeof value !== 'object') return []
  const [head, ...rest] = segs
  if (Array.isArray(value)) return head === '*' ? value.flatMap((v) => reach(v, rest)) : []
  const rec = value as Record<string, unknown>
  if (head === '*') return Object.keys(rec).flatMap((k) => reach(rec[k], rest))
  return Object.hasOwn(rec, head!) ? reach(rec[head!], rest) : []
}
