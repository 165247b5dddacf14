/**
 * The legacy import as a migration step, in the shape the migration registry takes
 * (`{id, description, apply}`): from any 1.x document, whatever its config_id, to the target
 * config's 2.0 world. `detect` tells the registry whether a document is one of ours to take,
 * without validating it; `apply` validates, imports and reports.
 */
import { importLegacy, type LegacyImportTarget, type LegacyImportValue } from './import-legacy'
import type { LegacyResult } from './legacy-result'
import { looksLegacy } from './parse-legacy'

export interface LegacyImportMigration {
  id: 'legacy-1.x'
  description: string
  /** Source: any config_id at schema 1.x; target: the given config at schema 2.0. */
  from: { schema_version: '1.x' }
  to: { schema_version: '2.0' }
  detect(doc: unknown): boolean
  apply(doc: unknown, target: LegacyImportTarget): LegacyResult<LegacyImportValue>
}

export const legacyImportMigration: LegacyImportMigration = {
  id: 'legacy-1.x',
  description:
    "Import a document of the original Python Townlet (1.6 envelope or bare 1.x state) onto the target config: agents, objects and stock, queues and cooldowns, employment, ties, perturbations and identity map by id; RNG streams are reseeded from the target seed; the report lists what mapped, what kept the target's default and what was dropped",
  from: { schema_version: '1.x' },
  to: { schema_version: '2.0' },
  detect: looksLegacy,
  apply: importLegacy
}
