/** Parsing of the inspector's command inputs; null means "not valid, keep the button disabled". */

/** A need value: a number in [0, 1]. */
export function parseNeedValue(text: string): number | null {
  if (text.trim() === '') return null
  const n = Number(text)
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : null
}

/** A tile coordinate: a whole number in [0, size). Without a size (no map yet) any whole number ≥ 0. */
export function parseTileCoord(text: string, size: number | null): number | null {
  if (text.trim() === '') return null
  const n = Number(text)
  if (!Number.isInteger(n) || n < 0) return null
  return size === null || n < size ? n : null
}
