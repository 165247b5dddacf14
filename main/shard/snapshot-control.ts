/**
 * The shard's snapshots as the console's `snapshots` hook (see SnapshotControl): the same
 * ShardSnapshots the worker's snapshot requests use, its DTOs handed out as plain JSON.
 */
import type { Result } from '../../shared/result'
import type { SnapshotControl } from '../console/command'
import type { JsonValue } from '../sim/state/world'
import type { ShardSnapshots } from './shard-snapshots'

const json = async <T>(result: Promise<Result<T>>): Promise<Result<JsonValue>> => (await result) as Result<JsonValue>

export function snapshotControl(snapshots: ShardSnapshots): SnapshotControl {
  return {
    last: () => snapshots.last as JsonValue,
    save: (options) => json(snapshots.save(options)),
    list: () => json(snapshots.list()),
    inspect: (name) => json(snapshots.inspect(name)),
    validate: (name, strict) => json(snapshots.validate(name, strict)),
    preview: (name) => json(snapshots.preview(name)),
    migrate: (name, output) => json(snapshots.migrate(name, output)),
    load: (name) => json(snapshots.load(name)),
    diff: (a, b) => json(snapshots.diff(a, b))
  }
}
