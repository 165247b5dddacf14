/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests: what it accepts a
 * Prometheus server accepts, and it refuses more (unknown escapes, a family split in two, a sample
 * before its family's TYPE, a series twice, a missing final newline), so a test that parses
 * `/metrics` with it catches what a scrape would trip on.
 */

export interface ParsedSample {
  name: string
  labels: Record<string, string>
  value: number
}

export interface ParsedFamily {
  name: string
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped'
  help: string | undefined
  samples: ParsedSample[]
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped'])
const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

export class ExpositionError extends Error {}

export function parseExposition(text: string): Map<string, ParsedFamily> {
  if (text !== '' && !text.endsWith('\n')) throw new ExpositionError('the text does not end with a newline')
  const families = new Map<string, ParsedFamily>()
  const closed = new Set<string>()
  let current: ParsedFamily | undefined
  const series = new Set<string>()
  const lines = text.split('\n').slice(0, -1)
  lines.forEach((line, index) => {
    const at = `line ${index + 1}`
    const open = (name: string): ParsedFamily => {
      if (closed.has(name)) throw new ExpositionError(`${at}: the family ${name} continues after another began`)
      if (current && current.name !== name) closed.add(current.name)
      let family = families.get(name)
      if (!family) {
        family = { name, type: 'untyped', help: undefined, samples: [] }
        families.set(name, family)
      }
      current = family
      return family
    }
    if (line.startsWith('#')) {
      const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line)
      if (!meta) return // a plain comment
      const [, kind, name = '', rest = ''] = meta
      if (!NAME.test(name) || NAME.exec(name)?.[0] !== name) throw new ExpositionError(`${at}: bad metric name '${name}'`)
      const family = open(name)
      if (kind === 'HELP') {
        if (family.help !== undefined) throw new ExpositionError(`${at}: a second HELP for ${name}`)
        family.help = unescape(rest, false, at)
      } else {
        if (!TYPES.has(rest)) throw new ExpositionError(`${at}: unknown type '${rest}'`)
        if (family.samples.length > 0 || family.type !== 'untyped') throw new ExpositionError(`${at}: TYPE of ${name} after its samples or twice`)
        family.type = rest as ParsedFamily['type']
      }
      return
    }
    if (line.trim() === '') throw new ExpositionError(`${at}: an empty line`)
    const sample = parseSample(line, at)
    const family = open(familyOf(sample.name, current))
    const key = `${sample.name}{${Object.entries(sample.labels).sort().map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}}`
    if (series.has(key)) throw new ExpositionError(`${at}: the series ${key} appears twice`)
    series.add(key)
    if (family.type === 'histogram' && sample.name.endsWith('_bucket') && sample.labels.le === undefined) throw new ExpositionError(`${at}: a bucket without le`)
    family.samples.push(sample)
  })
  return families
}

/** A histogram's or summary's `_bucket`/`_sum`/`_count` lines belong to the family before them. */
function familyOf(name: string, current: ParsedFamily | undefined): string {
  if (current && name !== current.name) {
    const suffixes = current.type === 'histogram' ? ['_bucket', '_sum', '_count'] : current.type === 'summary' ? ['_sum', '_count'] : []
    if (suffixes.some((s) => name === current.name + s)) return current.name
  }
  return name
}

function parseSample(line: string, at: string): ParsedSample {
  const name = NAME.exec(line)?.[0]
  if (!name) throw new ExpositionError(`${at}: no metric name`)
  let rest = line.slice(name.length)
  const labels: Record<string, string> = {}
  if (rest.startsWith('{')) {
    rest = rest.slice(1)
    while (!rest.startsWith('}')) {
      const label = LABEL_NAME.exec(rest)?.[0]
      if (!label || !rest.slice(label.length).startsWith('="')) throw new ExpositionError(`${at}: bad label`)
      if (label in labels) throw new ExpositionError(`${at}: label ${label} twice`)
      rest = rest.slice(label.length + 2)
      let raw = ''
      for (;;) {
        const c = rest[0]
        if (c === undefined) throw new ExpositionError(`${at}: unterminated label value`)
        if (c === '"') break
        if (c === '\\') {
          raw += rest.slice(0, 2)
          rest = rest.slice(2)
        } else {
          raw += c
          rest = rest.slice(1)
        }
      }
      labels[label] = unescape(raw, true, at)
      rest = rest.slice(1)
      if (rest.startsWith(',')) {
        rest = rest.slice(1)
        if (rest.startsWith('}')) throw new ExpositionError(`${at}: a trailing comma`)
      } else if (!rest.startsWith('}')) throw new ExpositionError(`${at}: expected , or }`)
    }
    rest = rest.slice(1)
  }
  const parts = /^ +(\S+)( +-?\d+)?$/.exec(rest)
  if (!parts?.[1]) throw new ExpositionError(`${at}: no value`)
  return { name, labels, value: parseValue(parts[1], at) }
}

function parseValue(text: string, at: string): number {
  if (text === 'NaN') return NaN
  if (text === '+Inf') return Infinity
  if (text === '-Inf') return -Infinity
  if (!FLOAT.test(text)) throw new ExpositionError(`${at}: bad value '${text}'`)
  return Number(text)
}

/** `\\` and `\n` everywhere; `\"` only inside a label value; any other escape is an error. */
function unescape(text: string, label: boolean, at: string): string {
  return text.replace(/\\(.?)/g, (_m, c: string) => {
    if (c === '\\') return '\\'
    if (c === 'n') return '\n'
    if (c === '"' && label) return '"'
    throw new ExpositionError(`${at}: unknown escape '\\${c}'`)
  })
}
