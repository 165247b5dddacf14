/**
 * Whether a decoded snapshot may load into a config, as `snapshot.guardrails` and
 * `snapshot.migrations` say (docs/snapshots.md):
 * - the same config_id: it loads;
 * - another config_id with a registered path and `migrations.auto_apply`: it is migrated in
 *   memory, then loads (the file is not touched);
 * - otherwise, with `require_exact_config: false`: it loads as it is, with a warning that lists
 *   the migration it would need;
 * - otherwise it is refused: `snapshot.migration_required` when a path exists (migrate it, or
 *   turn auto_apply on), `snapshot.config_mismatch` when none does; both name the two config_ids.
 * Identity fields the snapshot left null are filled from `snapshot.identity` (the original meant
 * to and never did).
 */
import type { SnapshotProblem, SnapshotVerdict } from '../../shared/contract/dto/snapshots'
import { ok, type Result } from '../../shared/result'
import type { LoadedConfig } from '../config/load-config'
import { applyChain, planMigration, stepOf, versionLabel, versionOf, type MigrationRegistry, type MigrationStep } from './migration-registry'
import { SNAPSHOT_SCHEMA_VERSION, type SnapshotDocument, type SnapshotIdentity } from './snapshot-document'
import { quote, snapshotErr } from './snapshot-errors'

export interface GuardrailOutcome {
  /** The document to load: migrated when auto_apply ran, identity completed from the config. */
  doc: SnapshotDocument
  verdict: 'ok' | 'warn'
  warnings: SnapshotProblem[]
  /** Steps applied in memory by auto_apply. */
  applied: MigrationStep[]
  /** Steps the snapshot would need but that were not applied (loads anyway: require_exact_config off). */
  required: MigrationStep[]
}

/** Apply the guardrails of `loaded`'s config to `doc`; `notes` are warnings from decoding (a lenient read). */
export function applyGuardrails(doc: SnapshotDocument, loaded: LoadedConfig, registry: MigrationRegistry, notes: readonly SnapshotProblem[] = []): Result<GuardrailOutcome> {
  const rules = loaded.config.snapshot
  const want = loaded.summary.config_id
  const have = doc.identity.config_id
  const warnings = [...notes]
  const done = (d: SnapshotDocument, applied: MigrationStep[] = [], required: MigrationStep[] = []): Result<GuardrailOutcome> =>
    ok({ doc: enrichIdentity(d, loaded), verdict: warnings.length > 0 ? 'warn' : 'ok', warnings, applied, required })
  if (have === want) return done(doc)

  const target = { config_id: want, schema_version: SNAPSHOT_SCHEMA_VERSION }
  const plan = planMigration(doc, target, registry)
  const chain = plan.ok ? plan.value : undefined
  const ids = `the snapshot is of config_id ${quote(have, 80)}, the config is ${quote(want, 80)}`
  const details = { snapshot_config_id: have.slice(0, 200), config_id: want }
  if (chain && rules.migrations.auto_apply) {
    const migrated = applyChain(doc, chain, { config: loaded.config })
    if (!migrated.ok) return migrated
    warnings.push({ code: 'snapshot.migration_required', message: `${ids}: migrated in memory (snapshot.migrations.auto_apply) by ${chain.map((m) => m.id).join(' → ')}; the file is unchanged` })
    return done(migrated.value, chain.map(stepOf))
  }
  if (!rules.guardrails.require_exact_config) {
    const needed = chain ? `it needs the migration ${chain.map((m) => `${m.id} (${versionLabel(m.from)} → ${versionLabel(m.to)})`).join(', then ')}` : `it needs a migration ${quote(have, 80)} → ${quote(want, 80)}, and none is registered`
    warnings.push({ code: chain ? 'snapshot.migration_required' : 'snapshot.config_mismatch', message: `${ids}: loaded as it is because snapshot.guardrails.require_exact_config is off; ${needed}` })
    return done(doc, [], chain?.map(stepOf) ?? [])
  }
  if (chain) {
    return snapshotErr(
      'snapshot.migration_required',
      `${ids}: it needs the migration ${chain.map((m) => m.id).join(' → ')} first. Run \`townlet snapshot migrate FILE --config CONFIG --output DIR\` (or Migrate in the Snapshots panel), or set snapshot.migrations.auto_apply: true`,
      { ...details, chain: chain.map(stepOf) }
    )
  }
  return snapshotErr(
    'snapshot.config_mismatch',
    `${ids}, and no migration leads from ${quote(versionLabel(versionOf(doc)), 80)} to ${quote(versionLabel(target), 80)}: load it with the config it was saved under, or set snapshot.guardrails.require_exact_config: false to load it as it is`,
    details
  )
}

/** Fill the identity's nulls from `snapshot.identity` (an `infer` variant: the config's observation variant). */
export function enrichIdentity(doc: SnapshotDocument, loaded: LoadedConfig): SnapshotDocument {
  const from = loaded.config.snapshot.identity
  const id: SnapshotIdentity = { ...doc.identity }
  if (id.policy_hash === null && from.policy_hash !== null) id.policy_hash = from.policy_hash
  if (id.observation_variant === null) id.observation_variant = from.observation_variant === 'infer' ? loaded.config.features.systems.observations : from.observation_variant
  if (id.anneal_ratio === null && from.anneal_ratio !== null) id.anneal_ratio = from.anneal_ratio
  return { ...doc, identity: id }
}

/** The verdict a manager shows: ok, warn (with reasons) or refused (with its coded reason). */
export function snapshotVerdict(decoded: Result<{ doc: SnapshotDocument; warnings: SnapshotProblem[] }>, loaded: LoadedConfig, registry: MigrationRegistry): SnapshotVerdict {
  if (!decoded.ok) return { verdict: 'refused', reasons: [{ code: decoded.error.code, message: decoded.error.message }], required_migrations: [] }
  const out = applyGuardrails(decoded.value.doc, loaded, registry, decoded.value.warnings)
  if (!out.ok) {
    const chain = (out.error.details as { chain?: MigrationStep[] } | undefined)?.chain ?? []
    return { verdict: 'refused', reasons: [{ code: out.error.code, message: out.error.message }], required_migrations: chain.map((s) => s.id) }
  }
  return { verdict: out.value.verdict, reasons: out.value.warnings, required_migrations: out.value.required.map((s) => s.id) }
}
