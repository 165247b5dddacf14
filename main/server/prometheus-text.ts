/**
 * The Prometheus text exposition format, version 0.0.4: `# HELP` and `# TYPE` lines, then one
 * line per sample, `name{label="value",…} value`. Label values and help texts are escaped here,
 * once, because some of them come from a config (an alert's name): a quote or a newline in one
 * must not end the value early and forge another series. Names are checked against the format's
 * grammar; a bad one is a bug in the caller, so it throws (the endpoint answers 500).
 */

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped'

export interface Sample {
  /** Appended to the family's name: `_bucket`, `_sum`, `_count` for histograms; none otherwise. */
  suffix?: '_bucket' | '_sum' | '_count'
  labels?: Readonly<Record<string, string>>
  value: number
}

export interface MetricFamily {
  name: string
  type: MetricType
  help: string
  samples: readonly Sample[]
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/
/** Longer label values are cut: a config may name an alert at any length, a series name should not. */
export const MAX_LABEL_VALUE_CHARS = 128

/** `\`, `"` and newlines escaped, as the format wants inside a label value. */
export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))
}

/** `\` and newlines escaped, as the format wants in a HELP line. */
export function escapeHelp(text: string): string {
  return text.replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'))
}

/** A sample value: Go's float syntax, with the format's spellings of the special values. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return '+Inf'
  if (value === -Infinity) return '-Inf'
  return String(value)
}

export function renderExposition(families: readonly MetricFamily[]): string {
  const seen = new Set<string>()
  const lines: string[] = []
  for (const family of families) {
    if (!METRIC_NAME.test(family.name)) throw new Error(`invalid metric name '${family.name}'`)
    if (seen.has(family.name)) throw new Error(`metric '${family.name}' appears twice`)
    seen.add(family.name)
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`)
    const series = new Set<string>()
    for (const sample of family.samples) {
      const line = `${family.name}${sample.suffix ?? ''}${renderLabels(sample.labels)}`
      // Two samples of one series in one scrape: Prometheus refuses the whole scrape.
      if (series.has(line)) throw new Error(`metric '${family.name}' has the series ${line} twice`)
      series.add(line)
      lines.push(`${line} ${formatValue(sample.value)}`)
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}

function renderLabels(labels: Readonly<Record<string, string>> | undefined): string {
  if (!labels) return ''
  const names = Object.keys(labels)
  if (names.length === 0) return ''
  const parts = names.map((name) => {
    if (!LABEL_NAME.test(name) || name.startsWith('__')) throw new Error(`invalid label name '${name}'`)
    return `${name}="${escapeLabelValue(clipLabelValue(labels[name] ?? ''))}"`
  })
  return `{${parts.join(',')}}`
}

/** At most MAX_LABEL_VALUE_CHARS characters, never splitting a surrogate pair (group series by this, so a cut cannot make two alike). */
export function clipLabelValue(value: string): string {
  if (value.length <= MAX_LABEL_VALUE_CHARS) return value
  const cut = value.slice(0, MAX_LABEL_VALUE_CHARS)
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut
}
