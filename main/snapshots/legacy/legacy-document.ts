/**
 * From a legacy document to a 2.0 snapshot document, in one call: import onto the target, then
 * build the document around the imported world with the runtime's identity and the import
 * recorded as the first applied migration (`legacy-1.x`, from the document's config_id at 1.x to
 * the target's at 2.0). This is what `townlet snapshot migrate` and the snapshot panel call for a
 * file the checker marks as legacy; the dry run shows `report` and writes nothing.
 */
import { printable } from '../../config/bounded-text'
import { buildDocument, SNAPSHOT_SCHEMA_VERSION, type AppliedMigration, type CaptureIdentity, type SnapshotDocument, type WorldJson } from '../snapshot-document'
import type { LegacyImportReport } from './import-report'
import type { LegacyImportTarget } from './import-legacy'
import { legacyOk, type LegacyResult } from './legacy-result'
import { legacyImportMigration } from './legacy-migration'
import type { LegacyRecord } from './legacy-sections'

export interface LegacyDocumentValue {
  document: SnapshotDocument
  report: LegacyImportReport
  legacy: LegacyRecord
}

export function legacyToDocument(doc: unknown, target: LegacyImportTarget, who: CaptureIdentity): LegacyResult<LegacyDocumentValue> {
  const imported = legacyImportMigration.apply(doc, target)
  if (!imported.ok) return imported
  const { world, report, legacy } = imported.value
  const applied: AppliedMigration = {
    id: legacyImportMigration.id,
    from: { config_id: printable(report.source.config_id, 200) || '(none)', schema_version: report.source.schema_version ?? '1.x' },
    to: { config_id: target.configId, schema_version: SNAPSHOT_SCHEMA_VERSION },
    description: legacyImportMigration.description,
    at_tick: report.target.tick
  }
  // An import has no last tick, so no events for the policy's next decision.
  const document = buildDocument({ world: JSON.parse(JSON.stringify(world)) as WorldJson, last_events: [] }, who, [applied])
  return legacyOk({ document, report, legacy })
}
