/**
 * Where a stream file may be written. The file need not exist yet, so the workspace's read-side
 * `resolve` does not fit: the named path must lie inside a root lexically, and its nearest
 * existing folder — links followed — must too. The folder is checked again at every open, since a
 * link can change under a long run; the file itself is opened with O_NOFOLLOW.
 */
import { realpath, stat } from 'node:fs/promises'
import { dirname, isAbsolute, resolve } from 'node:path'
import { err, ok, type Result } from '../../../shared/result'
import type { Workspace } from '../../fs/workspace'

/** The absolute path of a stream file inside the workspace, or `fs.outside_workspace`. */
export async function resolveStreamPath(workspace: Workspace, path: string, base: string): Promise<Result<string>> {
  if (path.includes('\0')) return err('telemetry.invalid_spec', 'the telemetry file path contains a NUL character')
  const named = isAbsolute(path) ? resolve(path) : resolve(base, path)
  if (!workspace.contains(named)) return outside(workspace, named)
  let folder = dirname(named)
  for (;;) {
    const real = await realpath(folder).catch(() => null)
    if (real !== null) return workspace.contains(real) ? ok(named) : outside(workspace, named, true)
    const up = dirname(folder)
    if (up === folder) return ok(named)
    folder = up
  }
}

/** At open: the file's folder exists and still lies inside the workspace. */
export async function checkStreamFolder(workspace: Workspace, named: string): Promise<Result<void>> {
  const real = await realpath(dirname(named)).catch((e: NodeJS.ErrnoException) => e)
  if (real instanceof Error) {
    const why = real.code === 'ENOENT' ? 'its folder does not exist' : real.code === 'ENOTDIR' ? 'a part of its folder path is not a folder' : `its folder cannot be read (${real.code ?? 'error'})`
    return err('telemetry.write_failed', `the telemetry file ${named} cannot be opened: ${why}`)
  }
  if (!workspace.contains(real)) return outside(workspace, named, true)
  const folder = await stat(real).catch(() => null)
  if (!folder?.isDirectory()) return err('telemetry.write_failed', `the telemetry file ${named} cannot be opened: a part of its folder path is not a folder`)
  return ok(undefined)
}

function outside(workspace: Workspace, named: string, viaLink = false): Result<never> {
  return err('fs.outside_workspace', `the telemetry file ${named} is outside the workspace${viaLink ? ' (through a link)' : ''}: it may be written only inside ${workspace.describe()}`)
}
