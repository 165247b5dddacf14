/** Display formatting shared by panels; numbers go through here so they read the same everywhere. */
import type { ConfigIssue } from '../../../shared/contract/dto/config-summary'
import type { Speed } from '../../../shared/contract/dto/shard-status'

export function formatTps(tps: number): string {
  return tps >= 100 ? tps.toFixed(0) : tps.toFixed(1)
}

export function formatSpeed(speed: Speed): string {
  return speed === 'max' ? 'max' : String(speed)
}

/** First 12 hex digits: enough to tell configs apart at a glance. */
export function shortSha(sha256: string): string {
  return sha256.slice(0, 12)
}

/** `path — line:col — message`, with placeholders so every row has the same three parts. */
export function formatIssue(issue: ConfigIssue): { path: string; location: string; message: string } {
  const location = issue.line === undefined ? '–' : issue.col === undefined ? `${issue.line}` : `${issue.line}:${issue.col}`
  return { path: issue.path === '' ? '(document)' : issue.path, location, message: issue.message }
}

export function formatClock(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour12: false })
}
