/**
 * The snapshot and timeline channels as this feature calls them: their names, requests and
 * replies, derived from the contract (`shared/contract/channels.ts`), and one `invoke` that
 * reaches them through the client's typed path. The narrow `SnapshotInvoke` lets the feature's
 * tests answer only the channels it uses.
 */
import type { InvokeName, InvokeReq, InvokeRes } from '../../../../shared/contract/channels'
import type { Result } from '../../../../shared/result'
import type { TownletClient } from '../../api/townlet-client'

/** Every channel this feature uses (roles: see the contract). */
export type SnapshotChannel = Extract<InvokeName, `snapshot.${string}` | `timeline.${string}`>

/** Request → reply of each of them, as the contract declares it. */
export type SnapshotChannels = { [K in SnapshotChannel]: { req: InvokeReq<K>; res: InvokeRes<K> } }

/** Calls one of the channels; always resolves, like the client's own invoke. */
export type SnapshotInvoke = <K extends SnapshotChannel>(channel: K, req: SnapshotChannels[K]['req']) => Promise<Result<SnapshotChannels[K]['res']>>

/** The invoke for these channels over a client: its typed path (request checked, reply parsed). */
export function snapshotInvoke(client: TownletClient): SnapshotInvoke {
  return (channel, req) => client.invoke(channel, req)
}

/** Listens to `snapshot.changed` (a file saved, migrated, autosaved or removed): the list is stale. */
export function onSnapshotChanged(client: TownletClient, listener: (reason: string) => void): () => void {
  return client.on('snapshot.changed', (payload) => listener(payload.reason))
}
