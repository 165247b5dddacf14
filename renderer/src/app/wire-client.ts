/**
 * Feeds the stores from the client's subscriptions. Returns the function that undoes it all.
 */
import type { TownletClient } from '../api/townlet-client'
import type { Stores } from '../stores/stores'
import { onSnapshotChanged } from '../features/snapshots/snapshot-api'
import type { Commands } from './commands'
import { acceptFrame, acceptHistory } from './shard-sync'

export type WiredCommands = Pick<Commands, 'refresh' | 'startObserverStream' | 'stopObserverStream' | 'listSnapshots'>

/**
 * What the host saw before this connection: the latest frame (a paused shard sends none) and the
 * recent log lines and chart samples, so the panels start full rather than empty. Live events that
 * arrive meanwhile are kept; the stores merge the two. A failure costs only the history: say so.
 */
async function joinLate(client: TownletClient, stores: Stores): Promise<void> {
  const reply = await client.invoke('session.history', {})
  if (reply.ok) acceptHistory(stores, reply.value)
  else if (reply.error.code !== 'ipc.disconnected') stores.failures.getState().pushNotice(reply.error)
}

/** The transports' status now: the host says it again only while the shard streams. */
async function readTelemetry(client: TownletClient, stores: Stores): Promise<void> {
  const reply = await client.invoke('telemetry.status', {})
  if (reply.ok) stores.telemetry.getState().setStatus(reply.value)
}

export function wireClient(client: TownletClient, stores: Stores, commands: WiredCommands): () => void {
  const offs = [
    client.on('shard.frame', (frame) => acceptFrame(stores, frame)),
    client.on('console.result', (result) => stores.console.getState().addResult(result)),
    // Every client hears every session's change; only our own issuer's applies here.
    client.on('console.role', (session) => {
      const operator = stores.console.getState()
      if (operator.session?.issuer === session.issuer) operator.setSession(session)
    }),
    client.on('loop.failure', (failure) => {
      const restarts = stores.shard.getState().status?.restarts ?? 0
      stores.failures.getState().recordFailure(failure, restarts)
    }),
    client.on('config.loaded', (summary) => {
      stores.config.getState().setSummary(summary)
      // Another town: the host's next frame for this page is a full one; nothing older applies.
      stores.observer.getState().markStale()
    }),
    client.on('log.entry', (entry) => stores.logs.getState().append(entry)),
    client.on('telemetry.transport', (status) => stores.telemetry.getState().setStatus(status)),
    // Only a page that has read the list reads it again: the others read it when the panel opens.
    onSnapshotChanged(client, () => {
      if (stores.snapshots.getState().list !== null) void commands.listSnapshots()
    }),
    client.onConnection((info) => {
      const wasConnected = stores.connection.getState().info.state === 'connected'
      stores.connection.getState().setInfo(info)
      if (info.state === 'connected' && !wasConnected) {
        // A (re)connection may reach a new host session: forget frame numbering and pull afresh.
        stores.shard.getState().markStale()
        stores.observer.getState().markStale()
        commands.startObserverStream()
        void commands.refresh()
        void joinLate(client, stores)
        void readTelemetry(client, stores)
      }
      if (info.state !== 'connected' && wasConnected) commands.stopObserverStream()
    })
  ]
  return () => {
    commands.stopObserverStream()
    for (const off of offs) off()
  }
}
