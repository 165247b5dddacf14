/**
 * The CLI's workspace: the files a command reads (configs, registries, models, drill files) must
 * lie in the working folder (or the folder `--workspace` names) or in the shipped configs
 * folder, links followed, as regular files of a bounded size — the same rule the host applies to
 * its clients. A path outside is a usage error naming the roots.
 */
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { ErrorCode } from '../../shared/error-codes'
import { Workspace } from '../fs/workspace'
import type { ShardFiles } from '../shard/shard'
import { UsageError, type CliIo } from './cli-io'

/** `--workspace DIR` for every command that reads files. */
export const WORKSPACE_OPTION = { workspace: { type: 'string' } } as const

/** The workspace for this run, and the folder relative paths resolve from (the working folder). */
export async function cliFiles(io: CliIo, dir: string | undefined): Promise<ShardFiles> {
  if (dir === '') throw new UsageError('--workspace needs a folder: the one configs, models and drill files may be read from')
  const root = dir === undefined ? io.cwd : resolve(io.cwd, dir)
  const info = await stat(root).catch(() => undefined)
  if (!info?.isDirectory()) throw new UsageError(`--workspace ${dir}: ${root} is not a folder`)
  const workspace = await Workspace.create([
    { name: 'workspace', path: root },
    { name: 'configs', path: io.paths.configsDir }
  ])
  return { workspace, base: io.cwd }
}

/** A file's text through the workspace, or a usage error (exit 2) saying what is wrong. */
export async function readCliText(files: ShardFiles, path: string, what: string, maxBytes: number, codes: { notFound: ErrorCode; unreadable: ErrorCode } = { notFound: 'config.not_found', unreadable: 'config.unreadable' }): Promise<{ path: string; text: string }> {
  const read = await files.workspace.readText(path, { base: files.base, what, maxBytes, codes })
  if (!read.ok) throw new UsageError(read.error.message)
  return read.value
}
