/**
 * The files of one rotated PPO log, oldest first. The original producer writes the base file
 * (`LOG`, no suffix) first and, each time `max_log_entries` records are in it, closes it and goes
 * on in `LOG.1`, then `LOG.2` … — the opposite of logrotate's habit, where `.1` is the newest.
 * So the order is LOG, LOG.1, LOG.2, …, up to the first number that is missing.
 */
import { type Workspace } from '../../fs/workspace'

export interface LogFiles {
  workspace: Workspace
  /** Relative paths resolve from here (the working folder). */
  base: string
}

const CODES = { notFound: 'telemetry.stream_not_found', unreadable: 'telemetry.stream_unreadable' } as const

/** The name of the `index`-th file of a log (0 is the base file). */
export function rotationName(log: string, index: number): string {
  return index === 0 ? log : `${log}.${index}`
}

export type Located = { ok: true; path: string } | { ok: false; missing: boolean; outside: boolean; message: string }

/** One file of the log through the workspace: inside a root, links followed. */
export async function locate(files: LogFiles, name: string): Promise<Located> {
  const resolved = await files.workspace.resolve(name, { base: files.base, what: 'PPO log', codes: CODES })
  if (resolved.ok) return { ok: true, path: resolved.value }
  return { ok: false, missing: resolved.error.code === 'telemetry.stream_not_found', outside: resolved.error.code === 'fs.outside_workspace', message: resolved.error.message }
}
