/**
 * Feeds the stores from the client's subscriptions. Returns the function that undoes it all.
 */
import type { TownletClient } from '../api/townlet-client'
import type { Stores } from '../stores/stores'
import type { Commands } from './commands'
import { acceptFrame } from './shard-sync'

export function wireClient(client: TownletClient, stores: Stores, commands: Pick<Commands, 'refresh'>): () => void {
  const offs = [
    client.on('shard.frame', (frame) => acceptFrame(stores, frame)),
    client.on('loop.failure', (failure) => {
      const restarts = stores.shard.getState().status?.restarts ?? 0
      stores.failures.getState().recordFailure(failure, restarts)
    }),
    client.on('config.loaded', (summary) => stores.config.getState().setSummary(summary)),
    client.on('log.entry', (entry) => stores.logs.getState().append(entry)),
    client.onConnection((info) => {
      const wasConnected = stores.connection.getState().info.state === 'connected'
      stores.connection.getState().setInfo(info)
      if (info.state === 'connected' && !wasConnected) {
        // A (re)connection may reach a new host session: forget frame numbering and refetch.
        stores.shard.getState().markStale()
        void commands.refresh()
      }
    })
  ]
  return () => {
    for (const off of offs) off()
  }
}
