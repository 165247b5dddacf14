/**
 * What the snapshot manager answers, in one place for every front end (`townlet snapshot`, the
 * running shard's channels and console commands): an inspection of a checked file, a verdict
 * against a config (guardrails, then the restore a load would do), a migration preview, and a
 * diff of two files. Reading the files is the caller's (by path, or by name in a store).
 */
import { basename } from 'node:path'
import type { MigrationPreview, SnapshotInspection, SnapshotProblem, SnapshotVerdict } from '../../shared/contract/dto/snapshots'
import type { Result } from '../../shared/result'
import type { LoadedConfig } from '../config/load-config'
import type { CheckedDocument } from './check-document'
import type { LegacyImportReport } from './legacy/import-report'
import { resumePoint } from './load-snapshot'
import type { PreparedMigration } from './migrate-snapshot'
import { versionLabel, type MigrationRegistry } from './migration-registry'
import { MAX_SNAPSHOT_BYTES } from './snapshot-codec'
import { stateCounts } from './snapshot-document'
import { describeSnapshotFile } from './snapshot-entry'
import type { SnapshotFiles } from './snapshot-files'
import { snapshotVerdict } from './snapshot-guardrails'

/** A checked file's identity, checksum, migrations and counts, with its listing line. */
export async function inspectionOf(read: CheckedDocument & { path: string }, files: SnapshotFiles): Promise<SnapshotInspection & { warnings: SnapshotProblem[] }> {
  const { doc, warnings } = read
  const entry = await describeSnapshotFile(read.path, basename(read.path), files, MAX_SNAPSHOT_BYTES)
  return {
    entry,
    identity: doc.identity,
    checksum: doc.checksum,
    migrations: doc.migrations.applied.map((m) => ({ id: m.id, from: versionLabel(m.from), to: versionLabel(m.to), description: m.description })),
    counts: stateCounts(doc.state),
    warnings
  }
}

/**
 * Whether a decoded file loads into `loaded`'s shard: the guardrails' verdict, and past them the
 * restore into that town (a world that does not fit is refused here, not at load). `strict`: a
 * warning refuses too.
 */
export function verdictOf(decoded: Result<CheckedDocument>, loaded: LoadedConfig, registry: MigrationRegistry, options: { strict?: boolean } = {}): SnapshotVerdict {
  let verdict = snapshotVerdict(decoded, loaded, registry)
  if (verdict.verdict !== 'refused' && decoded.ok) {
    const point = resumePoint(decoded.value.doc, loaded, registry, decoded.value.warnings)
    if (!point.ok) verdict = { ...verdict, verdict: 'refused', reasons: [...verdict.reasons, { code: point.error.code, message: point.error.message }] }
  }
  if (options.strict === true && verdict.verdict === 'warn') verdict = { ...verdict, verdict: 'refused' }
  return verdict
}

/** A prepared migration as the manager previews it: the chain, the diff and a legacy import's report rows. */
export function previewOf(source: string, target: LoadedConfig, prepared: PreparedMigration): MigrationPreview {
  return {
    source,
    target_config_id: target.summary.config_id,
    chain: prepared.chain.map((s) => ({ id: s.id, description: s.description, from: versionLabel(s.from), to: versionLabel(s.to) })),
    diff: { a: source, b: '(migrated)', sections: prepared.diff },
    report: prepared.report ? reportRows(prepared.report) : []
  }
}

/** A legacy import report, one row per field: mapped, defaulted, dropped, then the warnings. */
export function reportRows(report: LegacyImportReport): MigrationPreview['report'] {
  return [
    ...report.mapped.map((m) => ({ kind: 'mapped' as const, field: m.field, count: m.count, note: m.note ?? '' })),
    ...report.defaulted.map((d) => ({ kind: 'defaulted' as const, field: d.field, count: d.count, note: d.reason })),
    ...report.dropped.map((d) => ({ kind: 'dropped' as const, field: d.field, count: d.count, note: d.examples.length > 0 ? `${d.reason} (e.g. ${d.examples.join(', ')})` : d.reason })),
    ...report.warnings.map((w) => ({ kind: 'warning' as const, field: '', count: 1, note: w }))
  ]
}
