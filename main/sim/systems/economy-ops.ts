/**
 * The economy's console operations: set a price (to a value, or add or multiply; rounded to six
 * places and never below zero) and switch a utility on or off. Merged in console-ops.ts.
 */
import type { OpHandlers } from '../op-handler'
import { emit } from '../state/world'

export const economyOps: OpHandlers<'set_price' | 'set_utility'> = {
  set_price(world, op) {
    const { state } = world
    const before = state.prices[op.key]
    const after = op.mode === 'add' ? before + op.value : op.mode === 'multiply' ? before * op.value : op.value
    state.prices[op.key] = Math.max(0, Math.round(after * 1e6) / 1e6)
    emit(state, 'price_changed', { key: op.key, before, value: state.prices[op.key] })
    return { ok: true, value: { key: op.key, before, value: state.prices[op.key] } }
  },

  set_utility(world, op) {
    world.state.utilities[op.utility] = op.on
    emit(world.state, 'utility_changed', { utility: op.utility, on: op.on })
    return { ok: true, value: { utility: op.utility, on: op.on } }
  }
}
