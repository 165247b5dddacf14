import type { z } from 'zod'

/** One readable line per zod issue: `ticks: Too small: expected number to be >=1`. */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((i) => {
      const path = i.path.map(String).join('.')
      return path ? `${path}: ${i.message}` : i.message
    })
    .join('; ')
}
