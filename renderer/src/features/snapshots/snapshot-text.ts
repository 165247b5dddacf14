/**
 * How the snapshot manager words things: ticks as day and time, badges, verdicts and the
 * confirmations before an admin action. Pure, so the wording is tested without rendering.
 */
import type { ShardStatus } from '../../../../shared/contract/dto/shard-status'
import type { MigrationPreview, SnapshotEntry, SnapshotVerdict } from '../../../../shared/contract/dto/snapshots'
import type { SimClock } from '../../../../shared/sim-clock'
import type { ConfirmRequest } from '../../components/confirm-dialog'
import { formatCount, shortSha } from '../../components/format'
import { formatSimTime } from '../../components/sim-time'

/** "day 2 · 07:30 · tick 1,234", on the running config's clock; "—" for an unreadable file. */
export function tickText(clock: SimClock | null, tick: number | null): string {
  if (tick === null) return '—'
  return clock ? `${formatSimTime(clock, tick)} · tick ${formatCount(tick)}` : `tick ${formatCount(tick)}`
}

/** A policy hash cut short for a column; scripted policies have none. */
export function policyText(hash: string | null): string {
  return hash === null ? '—' : shortSha(hash)
}

export interface Badge {
  label: string
  /** The CSS modifier: one meaning, one token (see snapshots.css). */
  tone: 'ok' | 'warn' | 'error' | 'idle'
  title: string
}

export function integrityBadge(entry: Pick<SnapshotEntry, 'integrity'>): Badge {
  if (entry.integrity.ok) return { label: 'ok', tone: 'ok', title: 'The checksum matches the state' }
  const { code, message } = entry.integrity.problem
  return { label: 'damaged', tone: 'error', title: `${code}: ${message}` }
}

/** Null for an ordinary snapshot: only the unusual kinds get a badge. */
export function kindBadge(entry: Pick<SnapshotEntry, 'kind' | 'autosave'>): Badge | null {
  if (entry.kind === 'legacy') return { label: 'legacy', tone: 'warn', title: 'Written by the original Python Townlet: it loads after an import (Preview migration)' }
  if (entry.kind === 'unreadable') return { label: 'unreadable', tone: 'error', title: 'Not a snapshot this version can read' }
  if (entry.autosave) return { label: 'autosave', tone: 'idle', title: 'Saved by the autosave cadence; older ones rotate out' }
  return null
}

export function verdictBadge(verdict: SnapshotVerdict['verdict']): Badge {
  if (verdict === 'ok') return { label: 'loads', tone: 'ok', title: 'Loads into the running shard as it is' }
  if (verdict === 'warn') return { label: 'loads, with warnings', tone: 'warn', title: 'Loads; read the reasons first' }
  return { label: 'refused', tone: 'error', title: 'Does not load into the running shard as it is' }
}

/** The confirmation before a load: the shard pauses first, and the running town is replaced. */
export function loadConfirm(name: string, status: Pick<ShardStatus, 'state' | 'tick' | 'config'> | null, onConfirm: () => void): ConfirmRequest {
  const town = status ? `The running town (${status.config.config_id}, tick ${formatCount(status.tick)}) ` : 'The running town '
  return {
    title: `Load ${name}?`,
    message:
      'The shard pauses first, then the snapshot replaces its town. ' +
      `${town}is not kept unless you save it first (Save now). If the load fails, the shard stays exactly as it was, paused.`,
    confirmLabel: `Load ${name}`,
    onConfirm
  }
}

/** The confirmation before a migration: what the chain does, and that the source stays. */
export function migrateConfirm(preview: Pick<MigrationPreview, 'source' | 'target_config_id' | 'chain'>, onConfirm: () => void): ConfirmRequest {
  const steps = preview.chain.length === 1 ? '1 step' : `${formatCount(preview.chain.length)} steps`
  return {
    title: `Migrate ${preview.source}?`,
    message: `Writes a new snapshot for ${preview.target_config_id} (${steps}, as previewed). ${preview.source} itself is not changed.`,
    confirmLabel: 'Migrate',
    onConfirm
  }
}

/** The confirmation before a fork: the shard resumes from `tick`; what came after is kept as a branch. */
export function forkConfirm(tickLabel: string, onConfirm: () => void): ConfirmRequest {
  return {
    title: `Fork at ${tickLabel}?`,
    message:
      `The shard goes back to ${tickLabel} and carries on from there as a fork. ` +
      'The ticks after it are kept as a branch you can reopen from the branch list.',
    confirmLabel: 'Fork here',
    onConfirm
  }
}
