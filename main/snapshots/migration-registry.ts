/**
 * Snapshot migrations: typed steps from one `(config_id, schema_version)` to another, each with a
 * description, found along the shortest path (breadth first) and applied in order. A step gets
 * a copy of the state and the target config and answers a new state or a coded failure; it must
 * relabel the world with its target config_id. The source document is never changed: applying a
 * chain gives a new document whose `migrations.applied` lists every step, checksum recomputed.
 */
import { ok, type Result } from '../../shared/result'
import type { ShardConfig } from '../config/shard-config-schema'
import { SnapshotStateSchema, withState, type SnapshotDocument, type SnapshotState, type SnapshotVersion } from './snapshot-document'
import { quote, snapshotErr } from './snapshot-errors'

/** What a step migrates to: the target config (its config_id is `to.config_id` of the chain's last step). */
export interface MigrationTarget {
  config: ShardConfig
}

export interface SnapshotMigration {
  /** Stable and unique: recorded in every document it is applied to. */
  id: string
  from: SnapshotVersion
  to: SnapshotVersion
  /** What the step changes, in words an operator reads in a preview. */
  description: string
  /** A new state (the input is the step's own copy), or a coded failure saying why. */
  apply(state: SnapshotState, target: MigrationTarget): Result<SnapshotState>
}

/** A migration as a preview lists it. */
export interface MigrationStep {
  id: string
  from: SnapshotVersion
  to: SnapshotVersion
  description: string
}

export const versionLabel = (v: SnapshotVersion): string => `${v.config_id}@${v.schema_version}`
const key = versionLabel

export class MigrationRegistry {
  private readonly edges = new Map<string, SnapshotMigration[]>()
  private readonly ids = new Set<string>()

  constructor(migrations: readonly SnapshotMigration[] = []) {
    for (const m of migrations) this.register(m)
  }

  /** Add a step. An id used twice is a programming error, so it throws at startup, not at load. */
  register(m: SnapshotMigration): this {
    if (this.ids.has(m.id)) throw new Error(`snapshot migration ${m.id} is registered twice`)
    this.ids.add(m.id)
    const from = key(m.from)
    this.edges.set(from, [...(this.edges.get(from) ?? []), m])
    return this
  }

  list(): SnapshotMigration[] {
    return [...this.edges.values()].flat()
  }

  /** The shortest chain from `from` to `to` (empty when they are equal), or undefined when none exists. */
  findPath(from: SnapshotVersion, to: SnapshotVersion): SnapshotMigration[] | undefined {
    const start = key(from)
    const goal = key(to)
    if (start === goal) return []
    const via = new Map<string, SnapshotMigration>()
    const seen = new Set([start])
    let frontier = [start]
    while (frontier.length > 0) {
      const next: string[] = []
      for (const at of frontier) {
        for (const edge of this.edges.get(at) ?? []) {
          const to = key(edge.to)
          if (seen.has(to)) continue
          seen.add(to)
          via.set(to, edge)
          if (to === goal) return walkBack(via, start, goal)
          next.push(to)
        }
      }
      frontier = next
    }
    return undefined
  }

  /** Every step that starts at `from`: for naming what could be done when no path reaches the target. */
  from(from: SnapshotVersion): SnapshotMigration[] {
    return this.edges.get(key(from)) ?? []
  }
}

function walkBack(via: Map<string, SnapshotMigration>, start: string, goal: string): SnapshotMigration[] {
  const chain: SnapshotMigration[] = []
  let at = goal
  while (at !== start) {
    const edge = via.get(at)!
    chain.unshift(edge)
    at = key(edge.from)
  }
  return chain
}

export const stepOf = (m: SnapshotMigration): MigrationStep => ({ id: m.id, from: m.from, to: m.to, description: m.description })

/** Where a document is: its config_id and schema. */
export const versionOf = (doc: SnapshotDocument): SnapshotVersion => ({ config_id: doc.identity.config_id, schema_version: doc.schema_version })

/** The chain that takes `doc` to `target`, or `snapshot.migration_required` naming the missing step. */
export function planMigration(doc: SnapshotDocument, target: SnapshotVersion, registry: MigrationRegistry): Result<SnapshotMigration[]> {
  const from = versionOf(doc)
  const chain = registry.findPath(from, target)
  if (chain) return ok(chain)
  const known = registry.from(from).map((m) => `${m.id} (to ${versionLabel(m.to)})`)
  const hint = known.length > 0 ? `; from there the registry knows only ${known.slice(0, 5).join(', ')}` : '; the registry has no migration from that config_id at all'
  return snapshotErr(
    'snapshot.migration_required',
    `no migration path from ${quote(versionLabel(from), 80)} to ${quote(versionLabel(target), 80)}: the missing step is ${quote(from.config_id, 80)} → ${quote(target.config_id, 80)}${hint}. Load the snapshot with its own config, or register a migration`,
    { from, to: target, missing: { from, to: target } }
  )
}

/**
 * Apply `chain` to `doc`: a new document, `migrations.applied` extended, checksum recomputed. A
 * step that fails, throws, answers a malformed state or forgets to relabel the world fails the
 * whole chain with `snapshot.migration_failed` naming it; nothing of `doc` changes either way.
 */
export function applyChain(doc: SnapshotDocument, chain: readonly SnapshotMigration[], target: MigrationTarget): Result<SnapshotDocument> {
  let state = doc.state
  const applied = [...doc.migrations.applied]
  for (const [i, step] of chain.entries()) {
    const name = `step ${i + 1} of ${chain.length}, ${quote(step.id, 80)} (${versionLabel(step.from)} → ${versionLabel(step.to)})`
    let out: Result<SnapshotState>
    try {
      out = step.apply(structuredClone(state), target)
    } catch (e) {
      return failed(`${name} threw: ${String((e as Error)?.message ?? e).slice(0, 200)}`, step)
    }
    if (!out.ok) return failed(`${name} failed: ${out.error.message}`, step)
    const checked = SnapshotStateSchema.safeParse(out.value)
    if (!checked.success) return failed(`${name} answered a state that is not one (${checked.error.issues[0]?.path.join('.') ?? ''}: ${checked.error.issues[0]?.message ?? ''})`, step)
    if (checked.data.world.config_id !== step.to.config_id) {
      return failed(`${name} did not relabel the world: its config_id is ${quote(checked.data.world.config_id)}, the step leads to ${quote(step.to.config_id)}`, step)
    }
    if (checked.data.world.tick !== doc.tick) return failed(`${name} changed the tick (${doc.tick} → ${checked.data.world.tick}): a migration moves a state between configs, not in time`, step)
    state = checked.data
    applied.push({ id: step.id, from: step.from, to: step.to, description: step.description, at_tick: doc.tick })
  }
  const last = chain[chain.length - 1]
  const migrated = withState(doc, state, applied)
  return ok(last ? { ...migrated, schema_version: last.to.schema_version } : migrated)
}

function failed(message: string, step: SnapshotMigration): Result<never> {
  return snapshotErr('snapshot.migration_failed', `${message}. The source snapshot is unchanged and nothing was written`, { step: step.id })
}
