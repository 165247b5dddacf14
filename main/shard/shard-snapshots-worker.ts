/**
 * The worker's side of a `snapshot` request: the request (checked by the protocol schema) to the
 * shard's ShardSnapshots, every file read and decoded here, off the host's main thread. A load
 * is answered with the shard's view after it (the host's status follows from it).
 */
import type { Result } from '../../shared/result'
import type { SnapshotRequest } from './protocol'
import type { Shard } from './shard'

export async function answerSnapshot(shard: Shard, request: SnapshotRequest): Promise<Result<unknown>> {
  const snapshots = shard.snapshots
  switch (request.op) {
    case 'save':
      return snapshots.save({ ...(request.gzip === undefined ? {} : { gzip: request.gzip }), ...(request.label === undefined ? {} : { label: request.label }) })
    case 'list':
      return snapshots.list()
    case 'inspect':
      return snapshots.inspect(request.name)
    case 'validate':
      return snapshots.validate(request.name, request.strict === true)
    case 'migrate-preview':
      return snapshots.preview(request.name)
    case 'migrate':
      return snapshots.migrate(request.name)
    case 'load': {
      const loaded = await snapshots.load(request.name)
      return loaded.ok ? { ok: true, value: shard.view() } : loaded
    }
    case 'diff':
      return snapshots.diff(request.a, request.b)
  }
}
