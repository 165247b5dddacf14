import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ByteQueue, type Batch } from './byte-queue'

describe('ByteQueue', () => {
  it('drops the oldest lines to make room, counting them', () => {
    const q = new ByteQueue(30)
    for (const l of ['aaaaaaaaa', 'bbbbbbbbb', 'ccccccccc', 'ddddddddd']) q.push(l) // 10 bytes each with the newline
    expect(q.dropped).toBe(1)
    expect(q.bytes).toBe(30)
    expect(q.take(10)?.lines).toEqual(['bbbbbbbbb', 'ccccccccc', 'ddddddddd'])
  })

  it('counts UTF-8 bytes, not characters, and refuses a line bigger than the bound', () => {
    const q = new ByteQueue(10)
    expect(q.push('ééééé')).toBe(false) // 10 bytes + newline
    expect(q.dropped).toBe(1)
    expect(q.push('éééé')).toBe(true)
    expect(q.bytes).toBe(9)
  })

  it('keeps the batch in flight inside the bound, and a failed batch becomes the oldest again', () => {
    const q = new ByteQueue(20)
    q.push('aaaa')
    q.push('bbbb')
    const batch = q.take(1)!
    expect(batch.lines).toEqual(['aaaa'])
    q.push('cccc')
    q.push('dddd') // 4 × 5 = 20 with the batch in flight
    expect(q.bytes).toBe(20)
    q.push('eeee') // only queued lines can go: bbbb
    expect(q.dropped).toBe(1)
    q.requeue(batch)
    expect(q.take(10)?.lines).toEqual(['aaaa', 'cccc', 'dddd', 'eeee'])
  })

  it('never holds more than its bound, and every line is delivered, dropped or still queued', () => {
    const op = fc.oneof(
      fc.record({ t: fc.constant('push' as const), line: fc.string({ maxLength: 40, unit: 'grapheme' }) }),
      fc.record({ t: fc.constant('take' as const), n: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ t: fc.constantFrom('ok' as const, 'fail' as const, 'drop' as const) })
    )
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.array(op, { maxLength: 200 }), (max, ops) => {
        const q = new ByteQueue(max)
        let pushed = 0
        let delivered = 0
        let batch: Batch | null = null
        for (const o of ops) {
          if (o.t === 'push') {
            q.push(o.line)
            pushed++
          } else if (o.t === 'take') {
            batch ??= q.take(o.n)
          } else if (batch) {
            if (o.t === 'ok') {
              delivered += batch.lines.length
              q.settle(batch)
            } else if (o.t === 'drop') q.settle(batch, true)
            else q.requeue(batch)
            batch = null
          }
          expect(q.bytes).toBeLessThanOrEqual(max)
        }
        expect(delivered + q.dropped + q.length + (batch?.lines.length ?? 0)).toBe(pushed)
      })
    )
  })
})
