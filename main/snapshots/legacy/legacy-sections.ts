/**
 * The legacy document's identity and history, and the sections without a counterpart here. The
 * identity is not part of the world: the anneal ratio is (the policy's share of the state), the
 * rest is returned for the new snapshot's record (`legacy`), since the running shard's policy,
 * not the document's, decides what runs after the import.
 */
import { printable } from '../../config/bounded-text'
import type { ImportContext } from './import-context'

export interface LegacyRecord {
  identity: {
    config_id: string
    policy_hash: string | null
    observation_variant: string | null
    anneal_ratio: number | null
    policy_artifact: string | null
  }
  /** The original's migration history, kept as it was. */
  migrations: { applied: string[]; required: string[] }
}

const short = (s: string | null | undefined, max = 200): string | null => (typeof s === 'string' ? printable(s, max) : null)

export function importIdentity(ctx: ImportContext): LegacyRecord {
  const { world, report, state } = ctx
  const identity = state.identity ?? {}
  if (identity.config_id !== undefined && identity.config_id.trim() !== state.config_id) report.warn("identity.config_id differs from the state's config_id: the state's is taken")
  const ratio = identity.anneal_ratio ?? null
  if (ratio !== null) {
    world.state.policy.anneal_ratio = ratio
    report.map('identity.anneal_ratio', 1, "→ the policy's anneal ratio (the config's anneal schedule, if any, moves it on)")
  } else report.keep('identity.anneal_ratio', "not in the document: the target config's ratio")
  if (identity.policy_hash != null) report.drop('identity.policy_hash', "the target config's policy runs; the legacy hash is kept in the result's legacy record")
  const variant = identity.observation_variant ?? null
  if (variant !== null) {
    const ours = world.params.config.features.systems.observations
    if (variant === ours) report.map('identity.observation_variant', 1, 'the same as the target config')
    else report.drop('identity.observation_variant', "the target config's observation variant decides; the legacy one is kept in the legacy record", variant)
  }
  if (identity.policy_artifact != null) report.drop('identity.policy_artifact', "a path on the original's machine: kept in the legacy record only")
  const applied = (state.migrations?.applied ?? []).map((m) => printable(m, 200))
  const required = (state.migrations?.required ?? []).map((m) => printable(m, 200))
  if (applied.length > 0) report.map('migrations.applied', applied.length, "kept as history in the result's legacy record")
  if (required.length > 0) report.drop('migrations.required', 'this import replaces the migrations the original still wanted', undefined, required.length)
  return {
    identity: {
      config_id: printable(state.config_id, 128),
      policy_hash: short(identity.policy_hash),
      observation_variant: short(identity.observation_variant, 64),
      anneal_ratio: ratio,
      policy_artifact: short(identity.policy_artifact, 300)
    },
    migrations: { applied, required }
  }
}

/** Sections the world has no place for: counted, with the reason. */
export function dropUnusedSections(ctx: ImportContext, unknownKeys: readonly string[]): void {
  const { report, state } = ctx
  const size = (v: unknown): number => (Array.isArray(v) ? v.length : v !== null && typeof v === 'object' ? Object.keys(v).length : v === undefined ? 0 : 1)
  const assignments = Object.keys(state.embeddings?.assignments ?? {}).length
  if (state.embeddings) report.drop('embeddings', 'the policy runtime allocates embedding slots itself when the shard starts', undefined, Math.max(1, assignments))
  if (state.stability !== undefined) report.drop('stability', 'stability windows start empty and fill again within a window', undefined, size(state.stability))
  if (state.promotion !== undefined) report.drop('promotion', 'promotion state lives in the promotion history, not in the world', undefined, size(state.promotion))
  if (state.telemetry !== undefined) report.drop('telemetry', 'telemetry caches (KPIs, conflict history) start empty', undefined, size(state.telemetry))
  if (state.relationship_metrics !== undefined) report.drop('relationship_metrics', 'derived from the ties, recomputed as the town runs', undefined, size(state.relationship_metrics))
  if (state.console_buffer !== undefined && state.console_buffer.length > 0) report.drop('console_buffer', 'pending console commands are not replayed: send them again', undefined, state.console_buffer.length)
  for (const key of unknownKeys) report.drop('(state)', 'not a section of any 1.x schema', key)
}
