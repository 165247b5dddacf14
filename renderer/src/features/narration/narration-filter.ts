/** The narration feed's filter: which categories (none chosen: all) and whether only priority lines. */
import type { Narration } from '../../../../shared/contract/dto/society'

export interface NarrationFilter {
  /** Categories to show; empty shows every category. */
  categories: readonly string[]
  priorityOnly: boolean
}

export const NO_FILTER: NarrationFilter = { categories: [], priorityOnly: false }

/** The lines that pass, newest first (the feed keeps them newest last). */
export function filterNarrations(lines: readonly Narration[], filter: NarrationFilter): Narration[] {
  const wanted = filter.categories.length > 0 ? new Set(filter.categories) : null
  const out: Narration[] = []
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!
    if (filter.priorityOnly && !line.priority) continue
    if (wanted && !wanted.has(line.category)) continue
    out.push(line)
  }
  return out
}

/** Every category in the lines, plus any still chosen, sorted, for the filter's options. */
export function narrationCategories(lines: readonly Narration[], chosen: readonly string[] = []): string[] {
  return [...new Set([...lines.map((l) => l.category), ...chosen])].sort()
}
