/**
 * The console's `force_chat`: a chat between any two living agents, wherever they stand and
 * whatever their cooldowns, at the quality given or, without one, the quality their ties and
 * personalities give (no random spread, so an operator gets what the numbers say). It fails, like
 * any chat, when either side avoids the other or the quality is below `chat.failure_below`.
 */
import { living, missing, type OpHandlers, type OpOf, type OpOutcome } from '../op-handler'
import type { World } from '../state/world'
import { chatQuality, holdChat } from './chat'
import { syncAgents } from './sync-agents'

/** The society's console operations, merged in console-ops.ts. */
export const societyOps: OpHandlers<'force_chat'> = {
  force_chat(world, op) {
    if (!living(world, op.speaker)) return missing(op.speaker)
    if (!living(world, op.listener)) return missing(op.listener)
    return forceChat(world, op)
  }
}

function forceChat(world: World, op: OpOf<'force_chat'>): OpOutcome {
  if (op.speaker === op.listener) return { ok: false, code: 'console.invalid_args', message: 'an agent cannot chat with itself: name two different agents' }
  // Console operations run before the society step: an agent spawned this tick needs its entry.
  syncAgents(world)
  const quality = op.quality ?? chatQuality(world, op.speaker, op.listener, 0)
  const outcome = holdChat(world, op.speaker, op.listener, quality)
  const ids = world.state.agents.ids
  const value = { speaker: ids[op.speaker]!, listener: ids[op.listener]!, quality: Math.round(outcome.quality * 1e6) / 1e6 }
  return { ok: true, value: outcome.ok ? { ...value, outcome: 'success' } : { ...value, outcome: 'failure', reason: outcome.reason } }
}
