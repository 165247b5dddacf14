import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseJsonLine } from './json-line'

describe('parseJsonLine', () => {
  it('round-trips any JSON object (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }), (obj) => {
        const text = JSON.stringify(obj)
        const parsed = parseJsonLine(text)
        expect(parsed.ok).toBe(true)
        if (parsed.ok) expect(JSON.stringify(parsed.value)).toBe(text)
      })
    )
  })

  it("names the keys Python's bare NaN and Infinity were written to", () => {
    const parsed = parseJsonLine('{"epoch": 3, "loss_total": NaN, "kl_divergence": -Infinity, "note": "NaN is fine in a string"}')
    expect(parsed).toEqual({ ok: false, message: expect.stringMatching(/non-finite numbers are refused: loss_total is NaN, kl_divergence is -Infinity/) })
  })

  it('refuses numbers that overflow to Infinity', () => {
    expect(parseJsonLine('{"grad_norm": 1e999}')).toEqual({ ok: false, message: expect.stringMatching(/^grad_norm: a number too large to be finite/) })
  })

  it('says what is wrong without echoing more than a short escaped snippet', () => {
    const hostile = `\u001b[2J${'x'.repeat(5000)}`
    const parsed = parseJsonLine(hostile)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.message).not.toContain('\u001b')
    expect(parsed.message.length).toBeLessThan(120)
    expect(parseJsonLine('[1,2]')).toEqual({ ok: false, message: 'expected a JSON object, got an array' })
    expect(parseJsonLine('{"a": 1')).toEqual({ ok: false, message: expect.stringMatching(/not JSON \(it ends early\)/) })
  })

  it('refuses nesting deeper than the bound', () => {
    expect(parseJsonLine(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`)).toEqual({ ok: false, message: 'nested deeper than 32 levels' })
  })
})
