/**
 * A bounded list of config issues. A file can hold a million problems; an answer lists the first
 * ones, then one line saying how many more, so the work and the message stay small whatever the
 * file. Every issue's path and message are made printable on the way out.
 */
import type { ConfigIssue } from '../../shared/contract/dto/config-summary'
import { printable } from './bounded-text'

/** Issues one answer lists, summaries included. */
export const MAX_ISSUES = 100

/** `31,950`: counts in summaries are read by people. */
export const count = (n: number): string => n.toLocaleString('en-US')

/** The summary closing a list that stopped early. */
export function moreProblems(left: number): ConfigIssue {
  return { path: '', message: `… and ${count(left)} more problem${left === 1 ? '' : 's'}, not listed: fix these and load again to see them` }
}

/**
 * `items` as issues, turning only the first ones into issues (locating each costs something)
 * and counting the rest into one summary.
 */
export function firstIssues<T>(items: readonly T[], toIssue: (item: T) => ConfigIssue, extra = 0): ConfigIssue[] {
  const shown = items.length + extra > MAX_ISSUES ? items.slice(0, MAX_ISSUES - 1) : items
  const issues = shown.map(toIssue)
  const left = items.length - shown.length + extra
  return left > 0 ? [...issues, moreProblems(left)] : issues
}

/** The issue as it may leave the loader: a printable path and message. */
export function printableIssue(issue: ConfigIssue): ConfigIssue {
  return { ...issue, path: printable(issue.path, 300), message: printable(issue.message) }
}
