/**
 * The economy step: deliveries restock fridges (meals) and stoves (ingredients) every
 * `economy.restock_interval_ticks`, up to their capacity. One event per delivery round, not per
 * object, so a 10,000-agent town does not flood the stream.
 */
import { emit, type World } from '../state/world'

const RESTOCK: Record<string, { key: string; amount: 'fridge_restock' | 'stove_restock'; cap: 'fridge_capacity' | 'stove_capacity' }> = {
  fridge: { key: 'meals', amount: 'fridge_restock', cap: 'fridge_capacity' },
  stove: { key: 'ingredients', amount: 'stove_restock', cap: 'stove_capacity' }
}

export function runEconomy(world: World): void {
  const { state, params } = world
  const economy = params.economy
  if (state.tick % economy.restock_interval_ticks !== 0) return
  let delivered = 0
  for (let o = 0; o < state.objects.count; o++) {
    const rule = RESTOCK[state.objects.types[o]!]
    if (!rule) continue
    const stock = state.objects.stock[o]!
    const before = stock[rule.key] ?? 0
    const after = Math.min(economy[rule.cap], before + economy[rule.amount])
    if (after > before) {
      stock[rule.key] = after
      delivered += after - before
    }
  }
  if (delivered > 0) emit(state, 'stock_replenished', { units: delivered })
}
