/** Plain-text tables for bench output: a header line, a rule, and columns padded to fit. */

/** Column alignment: numbers read best right-aligned. */
export type Align = 'left' | 'right'

/** Lines of an aligned table; `align[i]` defaults to right for every column but the first. */
export function formatTable(header: string[], rows: string[][], align: Align[] = []): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => ((align[c] ?? (c === 0 ? 'left' : 'right')) === 'left' ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)]
}

/** A count with thousands separators: 12,345. */
export function count(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}
