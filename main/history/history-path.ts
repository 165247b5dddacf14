/**
 * Where a history file may be: inside the workspace (main/fs/workspace.ts), links followed, like
 * every other file a command line names. A reader needs the file to exist; a writer needs its
 * folder to, and when the file is already there it must resolve inside the workspace too (a link
 * named `runs.sqlite` pointing elsewhere is refused before SQLite opens anything).
 */
import { lstat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { err, ok, type Result } from '../../shared/result'
import type { Workspace } from '../fs/workspace'

const CODES = { notFound: 'history.not_found', unreadable: 'history.unusable' } as const

export async function resolveHistoryPath(path: string, files: { workspace: Workspace; base: string }, options: { write: boolean }): Promise<Result<string>> {
  if (path === '') return err('history.not_found', 'name a history file, e.g. runs.sqlite')
  if (path.includes('\0')) return err('history.unusable', 'the history path contains a NUL character')
  const named = resolve(files.base, path)
  if (!options.write) return files.workspace.resolve(named, { base: files.base, what: 'history file', codes: CODES })
  const folder = await files.workspace.resolve(dirname(named), { base: files.base, what: 'history folder', codes: CODES })
  if (!folder.ok) return folder
  const target = join(folder.value, basename(named))
  const exists = await lstat(target).then(
    () => true,
    () => false
  )
  return exists ? files.workspace.resolve(target, { base: files.base, what: 'history file', codes: CODES }) : ok(target)
}
