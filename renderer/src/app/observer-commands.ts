/**
 * Observer requests besides the stream (app/observer-stream.ts): a full frame on demand, and the
 * inspector's per-agent detail, a plain request whose reply the inspector keeps.
 */
import type { AgentDetail } from '../../../shared/contract/dto/society'
import type { Result } from '../../../shared/result'
import type { TownletClient } from '../api/townlet-client'
import type { Stores } from '../stores/stores'
import { createObserverStream } from './observer-stream'

/** The observer requests over a client and the stores; `clock` is injectable for tests. */
export function createObserverCommands(client: TownletClient, stores: Stores, clock: () => number = Date.now) {
  const stream = createObserverStream(client, stores, { clock })

  /** One agent in depth (`observer.agent`) for the inspector; it shows the errors itself (console.not_found: the agent left). */
  function fetchAgentDetail(id: string): Promise<Result<AgentDetail>> {
    return client.invoke('observer.agent', { id })
  }

  return { ...stream, fetchAgentDetail }
}
