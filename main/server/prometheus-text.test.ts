import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clipLabelValue, escapeLabelValue, formatValue, MAX_LABEL_VALUE_CHARS, renderExposition, type MetricFamily } from './prometheus-text'
import { ExpositionError, parseExposition } from './testing/prometheus-parse'

describe('Prometheus text format', () => {
  it('writes HELP, TYPE and samples that the strict parser reads back', () => {
    const text = renderExposition([
      { name: 'townlet_tick', type: 'gauge', help: 'The tick.', samples: [{ value: 42 }] },
      { name: 'townlet_alerts_active', type: 'gauge', help: 'Alerts by name.', samples: [{ labels: { name: 'starving', severity: 'critical' }, value: 3 }] }
    ])
    expect(text).toBe(
      ['# HELP townlet_tick The tick.', '# TYPE townlet_tick gauge', 'townlet_tick 42', '# HELP townlet_alerts_active Alerts by name.', '# TYPE townlet_alerts_active gauge', 'townlet_alerts_active{name="starving",severity="critical"} 3', ''].join('\n')
    )
    const parsed = parseExposition(text)
    expect(parsed.get('townlet_alerts_active')?.samples).toEqual([{ name: 'townlet_alerts_active', labels: { name: 'starving', severity: 'critical' }, value: 3 }])
  })

  it('escapes what would end a label value or forge a series', () => {
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd')
    const forged = 'x"} 1\ntownlet_admin 1\n#'
    const text = renderExposition([{ name: 'townlet_alerts_active', type: 'gauge', help: 'h\nwith a line', samples: [{ labels: { name: forged }, value: 1 }] }])
    const parsed = parseExposition(text)
    expect([...parsed.keys()]).toEqual(['townlet_alerts_active'])
    expect(parsed.get('townlet_alerts_active')?.help).toBe('h\nwith a line')
    expect(parsed.get('townlet_alerts_active')?.samples[0]?.labels.name).toBe(forged)
  })

  it('spells the special values as the format does', () => {
    expect([NaN, Infinity, -Infinity, 0, -1.5, 1e-7].map(formatValue)).toEqual(['NaN', '+Inf', '-Inf', '0', '-1.5', '1e-7'])
  })

  it('round-trips any label value, help text and value (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 80 }), fc.double(), (label, help, value) => {
        const text = renderExposition([{ name: 'townlet_x', type: 'gauge', help, samples: [{ labels: { v: label }, value }] }])
        const family = parseExposition(text).get('townlet_x')
        expect(family?.help).toBe(help)
        expect(family?.samples[0]?.labels.v).toBe(clipLabelValue(label))
        expect(Object.is(family?.samples[0]?.value, value) || (value === 0 && family?.samples[0]?.value === 0)).toBe(true)
      }),
      { numRuns: 300 }
    )
  })

  it('cuts long label values without splitting a character', () => {
    const long = `${'a'.repeat(MAX_LABEL_VALUE_CHARS - 1)}😀tail`
    expect(clipLabelValue(long)).toBe('a'.repeat(MAX_LABEL_VALUE_CHARS - 1))
    expect(clipLabelValue('short')).toBe('short')
  })

  it('refuses bad names and a series twice (a bug in the caller)', () => {
    const bad = (f: MetricFamily) => () => renderExposition([f])
    expect(bad({ name: 'townlet-x', type: 'gauge', help: '', samples: [] })).toThrow(/metric name/)
    expect(bad({ name: 'townlet_x', type: 'gauge', help: '', samples: [{ labels: { 'bad-label': 'v' }, value: 1 }] })).toThrow(/label name/)
    expect(bad({ name: 'townlet_x', type: 'gauge', help: '', samples: [{ labels: { __name__: 'v' }, value: 1 }] })).toThrow(/label name/)
    expect(bad({ name: 'townlet_x', type: 'gauge', help: '', samples: [{ value: 1 }, { value: 2 }] })).toThrow(/twice/)
    const twice = { name: 'townlet_x', type: 'gauge' as const, help: '', samples: [] }
    expect(() => renderExposition([twice, twice])).toThrow(/twice/)
  })
})

describe('the strict test parser', () => {
  it('refuses what a scrape would trip on', () => {
    const refused = [
      'townlet_x 1', // no final newline
      'townlet_x{a="b} 1\n', // unterminated
      'townlet_x{a="b\\q"} 1\n', // unknown escape
      'townlet_x{a="b",} 1\n', // trailing comma
      'townlet_x one\n', // bad value
      'townlet_x 1\ntownlet_x 2\n', // a series twice
      'townlet_x 1\ntownlet_y 1\ntownlet_x{a="b"} 1\n', // a family split in two
      'townlet_x 1\n# TYPE townlet_x gauge\n', // TYPE after samples
      '# TYPE townlet_x fancy\n', // unknown type
      '\n' // an empty line
    ]
    for (const text of refused) expect(() => parseExposition(text), JSON.stringify(text)).toThrow(ExpositionError)
  })

  it('reads histograms and plain comments', () => {
    const parsed = parseExposition('# a comment\n# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 3\nh_sum 4.5\nh_count 3\n')
    expect(parsed.get('h')?.samples.map((s) => s.name)).toEqual(['h_bucket', 'h_bucket', 'h_sum', 'h_count'])
    expect(() => parseExposition('# TYPE h histogram\nh_bucket 2\n')).toThrow(/le/)
  })
})
