/**
 * The society step of the tick, after the economy and before lifecycle and rewards:
 * 1. extend per-agent arrays to agents spawned since the last tick;
 * 2. decay every tie and remove faded ones (before this tick's gains, so the value a
 *    `rivalry_changed` event reports is the value the tick leaves);
 * 3. this tick's `queue_conflict` events → rivalry on both sides (`rivalry_changed`);
 * 4. chat: first agents that sought a partner out (`socialise`, socialise-pass.ts), then chance
 *    chats between agents standing together (`chat_success` / `chat_failure`);
 * 5. avoidance: agents heading for an object a rival holds or queues at turn away when another
 *    is free (`rivalry_avoidance`).
 * Every pass is O(agents + ties); a town without ties or conflicts costs two flat scans.
 */
import type { World } from '../state/world'
import { runChats } from './chat-pass'
import { decayTies } from './decay-ties'
import { avoidRivals } from './rival-avoidance'
import { rivalryFromConflicts } from './rivalry-from-conflicts'
import { runSocialise } from './socialise-pass'
import { syncAgents } from './sync-agents'

export function runSociety(world: World): void {
  syncAgents(world)
  decayTies(world)
  rivalryFromConflicts(world)
  runSocialise(world)
  runChats(world)
  avoidRivals(world)
}
