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

export function columnToJson(column: Int32Array, count: number): number[] {
  return Array.from(column.subarray(0, count))
}

export function columnFromJson(values: readonly number[]): Int32Array {
  return Int32Array.from(values)
}
