/**
 * Where shard statuses land, whichever way they came (frame, invoke reply, the host's history for
 * a page that joins late): the shard store, the failure store (a restarted shard clears the
 * banner) and the config store (when the live config changed).
 */
import type { Frame } from '../../../shared/contract/dto/frame'
import type { SessionHistory } from '../../../shared/contract/dto/session-history'
import type { ShardState, ShardStatus } from '../../../shared/contract/dto/shard-status'
import { sameConfig } from '../stores/config-store'
import type { RecordedFailure } from '../stores/failure-store'
import type { Stores } from '../stores/stores'

export function acceptStatus(stores: Stores, status: ShardStatus, now = Date.now()): void {
  stores.shard.getState().setStatus(status, now)
  syncSideStores(stores, status)
}

export function acceptFrame(stores: Stores, frame: Frame, now = Date.now()): void {
  const before = stores.shard.getState().lastFrameSeq
  stores.shard.getState().receiveFrame(frame, now)
  if (stores.shard.getState().lastFrameSeq !== before) syncSideStores(stores, frame.status)
}

/**
 * The host's recent history (`session.history`, asked for on every connection): the latest frame
 * and the charts' samples into the shard store, the recent log lines into the log store.
 */
export function acceptHistory(stores: Stores, history: SessionHistory, now = Date.now()): void {
  const before = stores.shard.getState().lastFrameSeq
  stores.shard.getState().receiveHistory(history, now)
  stores.logs.getState().seed(history.log)
  const status = stores.shard.getState().status
  if (status && stores.shard.getState().lastFrameSeq !== before) syncSideStores(stores, status)
}

function syncSideStores(stores: Stores, status: ShardStatus): void {
  stores.failures.getState().observeStatus(status)
  if (!sameConfig(stores.config.getState().summary, status.config)) stores.config.getState().setSummary(status.config)
}

/**
 * The state to show: a recorded loop failure wins over a status that has not caught up yet,
 * so the badge and the disabled controls agree with the banner.
 */
export function effectiveState(status: ShardStatus | null, failure: RecordedFailure | null): ShardState | null {
  if (failure) return 'failed'
  return status?.state ?? null
}
