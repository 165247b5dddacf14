/**
 * `default-v1` → `default`: the default town's meals got cheaper (0.5 → the target's
 * economy.meal_cost, 0.4 as shipped). A snapshot of the old town keeps everything else; its meal
 * price baseline becomes the new one and the price the agents pay now follows it, with any active
 * price spike still applied on top (recomputed the way the engine does, so the restored town
 * sees no unexplained price change). A baseline the operator had set by console is theirs: kept.
 */
import { ok, type Result } from '../../../shared/result'
import type { MigrationTarget, SnapshotMigration } from '../migration-registry'
import type { SnapshotState } from '../snapshot-document'
import { snapshotErr } from '../snapshot-errors'

/** What configs/default-v1.yaml charged for a meal. */
export const V1_MEAL_COST = 0.5
const round6 = (v: number) => Math.round(v * 1e6) / 1e6

interface PriceBlocks {
  prices: Record<string, unknown>
  perturbations: { baseline: { prices: Record<string, unknown> }; active: unknown[]; rebased: Record<string, unknown> }
}

function reprice(state: SnapshotState, target: MigrationTarget): Result<SnapshotState> {
  if (target.config.config_id !== 'default') return snapshotErr('snapshot.migration_failed', `it leads to config_id "default", not ${JSON.stringify(target.config.config_id.slice(0, 64))}`)
  const world = state.world as SnapshotState['world'] & Partial<PriceBlocks>
  const base = world.perturbations?.baseline?.prices
  if (typeof world.prices?.meal_cost !== 'number' || typeof base?.meal_cost !== 'number' || !Array.isArray(world.perturbations?.active)) {
    return snapshotErr('snapshot.migration_failed', 'the world has no prices.meal_cost and perturbations.baseline.prices.meal_cost to reprice: is it a default-v1 town?')
  }
  const newBase = target.config.economy.meal_cost
  if (base.meal_cost === V1_MEAL_COST) {
    base.meal_cost = newBase
    world.prices.meal_cost = spiked(world as PriceBlocks, newBase)
  }
  world.config_id = 'default'
  return ok(state)
}

/** The price active spikes imply on a baseline: what the engine's economy effects compute. */
function spiked(world: PriceBlocks, base: number): number {
  const p = world.perturbations
  const since = typeof p.rebased?.meal_cost === 'number' ? p.rebased.meal_cost : 0
  let value = base
  for (const e of p.active as { kind?: unknown; seq?: unknown; targets?: unknown; magnitude?: unknown }[]) {
    if (e.kind !== 'price_spike' || typeof e.seq !== 'number' || e.seq <= since || !Array.isArray(e.targets) || !e.targets.includes('meal_cost')) continue
    value *= typeof e.magnitude === 'number' ? e.magnitude : 1
  }
  return value === base ? base : round6(value)
}

export const defaultV1ToDefault: SnapshotMigration = {
  id: 'default-v1-to-default',
  from: { config_id: 'default-v1', schema_version: '2.0' },
  to: { config_id: 'default', schema_version: '2.0' },
  description:
    'The default town from before meals got cheaper: the meal price baseline becomes the target config\'s economy.meal_cost (0.5 → 0.4 as shipped) and the current price follows it, active price spikes still applied; a baseline set by console is kept. Everything else carries over as it is.',
  apply: reprice
}
