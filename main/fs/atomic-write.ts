/**
 * Write a file so that readers see either the old content or the new, never half of it, and so
 * that the write changes nothing else about the file: its mode and owner are kept, a symlink
 * stays a symlink (its target is written), and a stopped process leaves no temp file behind.
 */
import { rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fsyncDir } from './fsync-dir'
import { stageFile } from './stage-file'
import { untrackTempFile } from './temp-files'

export interface AtomicWriteOptions {
  /** Mode of a new file (less the umask); an existing file keeps its own. Default 0o644. */
  mode?: number
  /** Test seam: awaited after the temp is written and fsynced, just before the rename. */
  beforeRename?: () => Promise<void>
}

/**
 * Temp file beside the real target (mode and owner copied, fsynced), rename over the target, then
 * fsync the folder so the rename itself survives a crash.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const staged = await stageFile(path, data, options.mode === undefined ? {} : { mode: options.mode })
  try {
    await options.beforeRename?.()
    await rename(staged.temp, staged.target)
  } catch (e) {
    await rm(staged.temp, { force: true })
    throw e
  } finally {
    untrackTempFile(staged.temp)
  }
  await fsyncDir(dirname(staged.target))
}
