/** A PPO log named on the command line, resolved through the workspace before anything is read. */
import { locate, type LogFiles } from '../training/ppo-log/rotated-files'

export type UsableLog = { ok: true; path: string } | { ok: false; missing: boolean; message: string }

/** The log's real path inside the workspace, or why it cannot be used (missing, outside, unreadable). */
export async function usableLog(files: LogFiles, log: string): Promise<UsableLog> {
  const located = await locate(files, log)
  return located.ok ? located : { ok: false, missing: located.missing, message: located.message }
}
