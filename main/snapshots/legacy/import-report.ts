/**
 * The legacy import's report, field by field: what mapped onto the target town, what kept the
 * target's default (and why) and what was dropped (why, with a few example ids). Plain JSON, so
 * a dry run can print it, the CLI can emit it with --json and the snapshot panel can show it.
 * Counts are exact; examples are bounded (ids only, each cut short), whatever the document holds.
 */
import { printable } from '../../config/bounded-text'
import type { LegacyForm } from './parse-legacy'
import type { LegacyRngStream } from './legacy-rng'

export const REPORT_EXAMPLES = 5
const MAX_EXAMPLE = 48
const MAX_WARNINGS = 50

export interface MappedField {
  field: string
  count: number
  note?: string
}

export interface DefaultedField {
  field: string
  count: number
  reason: string
}

export interface DroppedField {
  field: string
  count: number
  reason: string
  examples: string[]
}

export interface LegacyImportReport {
  source: { form: LegacyForm; schema_version: string | null; config_id: string; tick: number; agents: number; objects: number }
  target: { config_id: string; seed: number; tick: number; agents: number }
  mapped: MappedField[]
  defaulted: DefaultedField[]
  dropped: DroppedField[]
  rng: { reseeded_from: number; streams: LegacyRngStream[] }
  warnings: string[]
}

/** Accumulates counts per (field, reason); entries keep the order they first appeared in. */
export class ReportBuilder {
  private readonly mapped = new Map<string, MappedField>()
  private readonly defaulted = new Map<string, DefaultedField>()
  private readonly dropped = new Map<string, DroppedField>()
  private readonly warnings: string[] = []
  private warningsLeft = 0

  /** `n` values of `field` landed in the world (`note`: how they were converted). */
  map(field: string, n = 1, note?: string): void {
    if (n <= 0) return
    const k = `${field}\u0000${note ?? ''}`
    const entry = this.mapped.get(k)
    if (entry) entry.count += n
    else this.mapped.set(k, note === undefined ? { field, count: n } : { field, count: n, note })
  }

  /** `field` kept the target's value for `n` agents or objects, because of `reason`. */
  keep(field: string, reason: string, n = 1): void {
    if (n <= 0) return
    const k = `${field}\u0000${reason}`
    const entry = this.defaulted.get(k)
    if (entry) entry.count += n
    else this.defaulted.set(k, { field, count: n, reason })
  }

  /** `field` of `example` (an id) did not carry over, because of `reason`. */
  drop(field: string, reason: string, example?: string, n = 1): void {
    if (n <= 0) return
    const k = `${field}\u0000${reason}`
    let entry = this.dropped.get(k)
    if (!entry) {
      entry = { field, count: 0, reason, examples: [] }
      this.dropped.set(k, entry)
    }
    entry.count += n
    if (example !== undefined && entry.examples.length < REPORT_EXAMPLES) entry.examples.push(printable(example, MAX_EXAMPLE))
  }

  warn(text: string): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(printable(text, 300))
    else this.warningsLeft++
  }

  build(head: Pick<LegacyImportReport, 'source' | 'target' | 'rng'>): LegacyImportReport {
    const warnings = this.warningsLeft > 0 ? [...this.warnings, `… and ${this.warningsLeft} more warnings`] : [...this.warnings]
    // Grouped by field (a stable sort keeps each field's entries in the order they arose).
    const byField = <T extends { field: string }>(entries: Iterable<T>) => [...entries].sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0))
    return { ...head, mapped: byField(this.mapped.values()), defaulted: byField(this.defaulted.values()), dropped: byField(this.dropped.values()), warnings }
  }
}
