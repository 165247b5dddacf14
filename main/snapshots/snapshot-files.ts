/**
 * Reading a snapshot file someone named (a client, a command line, a listing): resolved inside the
 * workspace with links followed, `stat`ed before a byte is read (a 2 GB file is refused from its
 * size), a regular file, read up to the bound. Every refusal has a snapshot code; a path outside
 * the workspace says nothing about what is there.
 */
import { ok, type Result } from '../../shared/result'
import { readBounded, type ReadProblemKind } from '../fs/read-bounded'
import type { Workspace } from '../fs/workspace'
import { decodeSnapshotWithNotes, MAX_SNAPSHOT_BYTES } from './snapshot-codec'
import type { CheckedDocument } from './check-document'
import type { SnapshotDocument } from './snapshot-document'
import { snapshotErr, type SnapshotErrorCode } from './snapshot-errors'

export interface SnapshotFiles {
  workspace: Workspace
  /** Relative paths resolve from here. */
  base: string
}

export interface ReadSnapshotOptions {
  maxBytes?: number
  allowDowngrade?: boolean
}

/** The real path of a snapshot file inside the workspace, or why not. */
export async function resolveSnapshotPath(path: string, files: SnapshotFiles, what = 'snapshot'): Promise<Result<string>> {
  const resolved = await files.workspace.resolve(path, { base: files.base, what, codes: { notFound: 'snapshot.not_found', unreadable: 'snapshot.invalid' } })
  if (resolved.ok) return resolved
  if (resolved.error.code === 'fs.outside_workspace') return snapshotErr('snapshot.outside_workspace', resolved.error.message, resolved.error.details)
  return resolved
}

const READ_CODES: Record<ReadProblemKind, SnapshotErrorCode> = { not_found: 'snapshot.not_found', not_regular: 'snapshot.invalid', too_big: 'snapshot.too_large', unreadable: 'snapshot.invalid' }
const READ_FIX: Record<ReadProblemKind, string> = {
  not_found: ': check the path (`townlet snapshot list` shows the saved ones)',
  not_regular: ': name a snapshot file (.json or .json.gz)',
  too_big: ': is this the right file?',
  unreadable: ''
}

/** A snapshot file's bytes: inside the workspace, a regular file, at most `maxBytes` (refused from its size, unread). */
export async function readSnapshotBytes(path: string, files: SnapshotFiles, maxBytes = MAX_SNAPSHOT_BYTES): Promise<Result<{ path: string; bytes: Buffer }>> {
  const real = await resolveSnapshotPath(path, files)
  if (!real.ok) return real
  const read = await readBounded(real.value, maxBytes, `the snapshot ${real.value}`)
  if (!read.ok) return snapshotErr(READ_CODES[read.problem.kind], `${read.problem.message}${READ_FIX[read.problem.kind]}`)
  return ok({ path: real.value, bytes: read.bytes })
}

/** A snapshot file, read and checked (with a lenient read's warnings). */
export async function readSnapshotChecked(path: string, files: SnapshotFiles, options: ReadSnapshotOptions = {}): Promise<Result<CheckedDocument & { path: string; bytes: number }>> {
  const read = await readSnapshotBytes(path, files, options.maxBytes)
  if (!read.ok) return read
  const decoded = decodeSnapshotWithNotes(read.value.bytes, options)
  return decoded.ok ? ok({ ...decoded.value, path: read.value.path, bytes: read.value.bytes.length }) : decoded
}

/** A snapshot file, read and checked. */
export async function readSnapshotFile(path: string, files: SnapshotFiles, options: ReadSnapshotOptions = {}): Promise<Result<SnapshotDocument>> {
  const read = await readSnapshotChecked(path, files, options)
  return read.ok ? ok(read.value.doc) : read
}
