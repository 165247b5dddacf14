/**
 * Per-agent integer columns for the analyzers: typed arrays, so remembering a column of the
 * world each tick is one memory copy rather than a loop, grown as the town grows; and their JSON
 * form (plain arrays of the first `count` slots) for snapshots.
 */

/** `column`, or a copy with room for at least `count` slots (new slots are 0). */
export function withRoom(column: Int32Array, count: number): Int32Array {
  if (column.length >= count) return column
  const grown = new Int32Array(Math.max(count, column.length * 2, 16))
  grown.set(column)
  return grown
}

/** A typed column of the world, as the analyzers read them. */
type WorldColumn = ArrayLike<number> & { subarray(begin: number, end: number): ArrayLike<number> }

/** Below this many slots a plain loop beats a subarray view and a typed copy (a small town, every tick). */
const LOOP_COPY_MAX = 64

/** Copy the first `count` slots of `from` into `into` (which has room for them). */
export function copyColumn(into: Int32Array, from: WorldColumn, count: number): void {
  if (count > LOOP_COPY_MAX) into.set(from.subarray(0, count))
  else for (let i = 0; i < count; i++) into[i] = from[i]!
}

export function columnToJson(column: Int32Array, count: number): number[] {
  return Array.from(column.subarray(0, count))
}

export function columnFromJson(values: readonly number[]): Int32Array {
  return Int32Array.from(values)
}
