/**
 * Apply console operations at the tick boundary, first in the tick so the rest of the tick sees
 * them. Inputs arrive validated (the console pipeline checks ids and ranges); the engine still
 * clamps, so no input can push a need out of [0, 1].
 */
import type { ConsoleOp } from '../inputs'
import { emit, type World } from '../state/world'

export function applyConsoleOps(world: World, ops: readonly ConsoleOp[]): void {
  const { state } = world
  const a = state.agents.cols
  for (const op of ops) {
    switch (op.op) {
      case 'set_need':
        if (op.agent < 0 || op.agent >= state.agents.count) break
        a[op.need][op.agent] = Math.min(1, Math.max(0, op.value))
        break
      case 'set_wallet':
        if (op.agent < 0 || op.agent >= state.agents.count) break
        a.wallet[op.agent] = op.value
        break
      case 'set_price':
        state.prices[op.key] = Math.max(0, op.value)
        emit(state, 'price_changed', { key: op.key, value: state.prices[op.key] })
        break
      case 'set_utility':
        state.utilities[op.utility] = op.on
        emit(state, 'utility_changed', { utility: op.utility, on: op.on })
        break
    }
  }
}
