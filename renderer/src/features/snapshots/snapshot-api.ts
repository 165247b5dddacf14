/**
 * The snapshot and timeline channels as this feature calls them: their names, requests and
 * replies, and one `invoke` that reaches them through the client's typed path.
 *
 * The host declares the channels in `shared/contract/channels.ts`; until a host offers one, the
 * call answers `ipc.unknown_channel` instead of reaching a transport that does not know it.
 * When the contract has them all, `SnapshotChannels` can be derived from `InvokeReq`/`InvokeRes`.
 */
import type { ShardStatus } from '../../../../shared/contract/dto/shard-status'
import type { MigrationPreview, SnapshotDiffDto, SnapshotEntry, SnapshotInspection, SnapshotList, SnapshotVerdict } from '../../../../shared/contract/dto/snapshots'
import type { TimelineFrame, TimelineStatus } from '../../../../shared/contract/dto/timeline'
import { isEventName, isInvokeName } from '../../../../shared/contract/channels'
import { err } from '../../../../shared/result'
import type { Result } from '../../../../shared/result'
import type { TownletClient } from '../../api/townlet-client'

type Empty = Record<string, never>

/** Request → reply of every channel this feature uses (roles: see the contract). */
export interface SnapshotChannels {
  'snapshot.list': { req: Empty; res: SnapshotList }
  'snapshot.save': { req: { gzip?: boolean; label?: string }; res: SnapshotEntry }
  'snapshot.inspect': { req: { name: string }; res: SnapshotInspection }
  'snapshot.validate': { req: { name: string; strict?: boolean }; res: SnapshotVerdict }
  'snapshot.migrate-preview': { req: { name: string }; res: MigrationPreview }
  'snapshot.migrate': { req: { name: string }; res: SnapshotEntry }
  'snapshot.load': { req: { name: string }; res: ShardStatus }
  'snapshot.diff': { req: { a: string; b: string }; res: SnapshotDiffDto }
  'timeline.status': { req: Empty; res: TimelineStatus }
  'timeline.frame': { req: { tick: number }; res: TimelineFrame }
  'timeline.fork': { req: { tick: number }; res: ShardStatus }
  'timeline.reopen': { req: { branch: string }; res: ShardStatus }
  'timeline.bookmark': { req: { tick: number; label: string }; res: TimelineStatus }
}

export type SnapshotChannel = keyof SnapshotChannels

/** Calls one of the channels; always resolves, like the client's own invoke. */
export type SnapshotInvoke = <K extends SnapshotChannel>(channel: K, req: SnapshotChannels[K]['req']) => Promise<Result<SnapshotChannels[K]['res']>>

type LooseInvoke = (channel: string, req: unknown) => Promise<Result<unknown>>

/** The invoke for these channels over a client: its typed path (request checked, reply parsed). */
export function snapshotInvoke(client: TownletClient): SnapshotInvoke {
  const invoke = client.invoke.bind(client) as unknown as LooseInvoke
  return <K extends SnapshotChannel>(channel: K, req: SnapshotChannels[K]['req']) => {
    if (!isInvokeName(channel)) return Promise.resolve(err('ipc.unknown_channel', `${channel} is not offered by this host yet`))
    return invoke(channel, req) as Promise<Result<SnapshotChannels[K]['res']>>
  }
}

/**
 * Listens to `snapshot.changed` (a file saved, migrated, autosaved or removed): the list is stale.
 * Until the host declares the event there is nothing to hear, and this listens to nothing.
 */
export function onSnapshotChanged(client: TownletClient, listener: (reason: string) => void): () => void {
  const name = 'snapshot.changed'
  if (!isEventName(name)) return () => {}
  const on = client.on.bind(client) as unknown as (channel: string, fn: (payload: { reason: string }) => void) => () => void
  return on(name, (payload) => listener(payload.reason))
}
