/**
 * Natural order for ids and names: digit runs compare as numbers, so ada, ada_2, ada_10 (not
 * ada, ada_10, ada_2), and fridge_9 before fridge_10. Distinct strings never compare equal (a01
 * and a1 fall back to code units), so a sort by it is total and stable across frames.
 */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' })

export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}
