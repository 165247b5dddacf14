/**
 * The first half of an atomic write: find the file a path really names, and write the new bytes
 * to a temp file beside it that already has the old file's mode and owner, fsynced. Renaming the
 * temp over the target is the second half (writeFileAtomic, or commitFileSet for several files).
 */
import { randomBytes } from 'node:crypto'
import type { Stats } from 'node:fs'
import { lstat, open, readlink, realpath, rm, stat, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { trackTempFile, untrackTempFile } from './temp-files'

/** Mode of a file that did not exist before (less the umask, as fs.writeFile does). */
export const DEFAULT_FILE_MODE = 0o644

export interface StageOptions {
  /** Mode of a new file (less the umask); an existing file keeps its own. Default 0o644. */
  mode?: number
  /** Middle part of the temp name (default: random), so a caller can find its own temps again. */
  tag?: string
}

export interface StagedFile {
  /** The file the rename will replace: the path given, or the real file when that is a symlink. */
  target: string
  /** The fsynced temp beside `target`, tracked for removal until it is renamed or removed. */
  temp: string
}

export interface WriteTarget {
  path: string
  existing?: Stats
}

const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code

/**
 * The file to replace. A symlink is followed to its real file, so the link stays a link and the
 * temp goes beside the real file (a rename only stays atomic within one filesystem). A dangling
 * link is refused rather than followed: creating its target would write wherever a stale link
 * points, possibly outside the workspace. Anything but a regular file (a folder, /dev/null, a
 * FIFO) is refused too: renaming over it would replace the node instead of writing to it.
 */
export async function resolveWriteTarget(path: string): Promise<WriteTarget> {
  let st: Stats
  try {
    st = await lstat(path)
  } catch (e) {
    if (code(e) === 'ENOENT') return { path }
    throw e
  }
  let target = path
  if (st.isSymbolicLink()) {
    try {
      target = await realpath(path)
    } catch (e) {
      if (code(e) !== 'ENOENT') throw e
      const to = await readlink(path)
      throw Object.assign(new Error(`${path} is a symbolic link to ${to}, which does not exist: create the target or remove the link`), { code: 'ENOENT', path })
    }
    st = await stat(target)
  }
  if (!st.isFile()) throw Object.assign(new Error(`${target} is not a regular file: refusing to replace it`), { code: 'EINVAL', path: target })
  return { path: target, existing: st }
}

/**
 * Give the temp the owner of the file it replaces. Only root (or CAP_CHOWN) may give a file away;
 * others may still set a group they belong to. What the process may not do it leaves as it is:
 * the write itself matters more than its owner. Windows has no POSIX owners.
 */
async function copyOwner(handle: FileHandle, existing: Stats): Promise<void> {
  if (process.platform === 'win32') return
  const now = await handle.stat()
  if (now.uid === existing.uid && now.gid === existing.gid) return
  try {
    await handle.chown(existing.uid, existing.gid)
  } catch (e) {
    if (code(e) !== 'EPERM' || now.gid === existing.gid) return
    await handle.chown(-1, existing.gid).catch(() => undefined)
  }
}

/** Write `data` to a new fsynced temp beside the file `path` names (see resolveWriteTarget). */
export async function stageFile(path: string, data: string | Uint8Array, options: StageOptions = {}): Promise<StagedFile> {
  const { path: target, existing } = await resolveWriteTarget(path)
  const temp = join(dirname(target), `.${basename(target)}.${options.tag ?? randomBytes(6).toString('hex')}.tmp`)
  trackTempFile(temp)
  let handle: FileHandle | undefined
  try {
    // 'wx': never write through something already at the temp name. A temp for an existing file
    // starts private and gets that file's mode only after the owner (chown clears setuid bits).
    handle = await open(temp, 'wx', existing ? 0o600 : (options.mode ?? DEFAULT_FILE_MODE))
    if (existing) {
      await copyOwner(handle, existing)
      await handle.chmod(existing.mode & 0o7777)
    }
    await handle.writeFile(data)
    await handle.sync()
    await handle.close()
    return { target, temp }
  } catch (e) {
    await handle?.close().catch(() => undefined)
    await rm(temp, { force: true })
    untrackTempFile(temp)
    throw e
  }
}
