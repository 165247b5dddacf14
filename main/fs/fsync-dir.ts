/**
 * Make a folder's entries durable: after a rename (or a create, or an unlink) the new name lives
 * in the folder, and until the folder itself is fsynced a crash can bring the old name back.
 */
import { open } from 'node:fs/promises'

/**
 * Codes of platforms that cannot fsync a folder at all. Windows cannot open a folder as a file
 * (EISDIR) or flush it (EPERM); some filesystems (and older macOS, network mounts) answer EINVAL.
 * There the rename is as durable as the platform makes it, and failing the write would help nobody.
 */
const UNSUPPORTED = new Set(['EISDIR', 'EINVAL', 'EPERM', 'ENOTSUP'])

const unsupported = (e: unknown): boolean => UNSUPPORTED.has((e as NodeJS.ErrnoException).code ?? '')

/**
 * fsync `dir` (opened read-only). A real failure (EIO, ENOSPC …) is thrown: the rename happened,
 * but it may not survive a crash, and the caller should know.
 */
export async function fsyncDir(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
  } catch (e) {
    if (unsupported(e)) return
    throw e
  }
  try {
    await handle.sync()
  } catch (e) {
    if (!unsupported(e)) throw e
  } finally {
    await handle.close()
  }
}
