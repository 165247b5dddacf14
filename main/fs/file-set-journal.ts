/**
 * The journal of a file set (see publish-set.ts): the one small file whose atomic appearance is
 * the commit point of the whole set. It lists, relative to its own folder (so a checkout can
 * move), each staged temp, the target it replaces and the sha256 of the new bytes, which lets
 * recovery tell a rename that already happened from a target that somebody changed since.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { z } from 'zod'

export const JOURNAL_VERSION = 1

/** Set ids are 12 lowercase hex digits (48 random bits). */
const SET_ID = '[0-9a-f]{12}'

/** `.file-set.<id>.journal` */
export const JOURNAL_NAME = new RegExp(`^\\.file-set\\.(${SET_ID})\\.journal$`)
/** A journal's own temp, left only if the process died while writing it: `.file-set.<id>.journal.<rand>.tmp` */
export const JOURNAL_TEMP_NAME = new RegExp(`^\\.file-set\\.(${SET_ID})\\.journal\\.[0-9a-f]+\\.tmp$`)
/** A staged member of a set: `.<target name>.<id>.set.tmp` (the tag stageFile is given). */
export const SET_TEMP_NAME = new RegExp(`^\\..+\\.(${SET_ID})\\.set\\.tmp$`)

export const journalPath = (dir: string, id: string): string => join(dir, `.file-set.${id}.journal`)
export const setTempTag = (id: string): string => `${id}.set`

const sha = z.string().regex(/^[0-9a-f]{64}$/)

export const JournalSchema = z.object({
  version: z.literal(JOURNAL_VERSION),
  id: z.string().regex(new RegExp(`^${SET_ID}$`)),
  files: z.array(z.object({ temp: z.string().min(1), target: z.string().min(1), sha256: sha, bytes: z.number().int().nonnegative() })).min(1)
})
export type Journal = z.infer<typeof JournalSchema>

export interface JournalFile {
  temp: string
  target: string
  sha256: string
  bytes: number
}

export const sha256Of = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex')

/** Journal text for `files` (absolute paths), stored relative to `dir`. */
export function renderJournal(dir: string, id: string, files: readonly JournalFile[]): string {
  const rel = (p: string) => relative(dir, p).split(sep).join('/')
  const journal: Journal = { version: JOURNAL_VERSION, id, files: files.map((f) => ({ ...f, temp: rel(f.temp), target: rel(f.target) })) }
  return `${JSON.stringify(journal, null, 2)}\n`
}

/** Read and check a journal; its paths come back absolute. */
export async function readJournal(path: string, dir: string): Promise<{ ok: true; files: JournalFile[] } | { ok: false; message: string }> {
  let data: unknown
  try {
    data = JSON.parse(await readFile(path, 'utf8'))
  } catch (e) {
    return { ok: false, message: `cannot read the file-set journal ${path}: ${(e as Error).message}` }
  }
  const parsed = JournalSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, message: `${path} is not a file-set journal (${issue ? `${issue.path.join('.') || '<document>'}: ${issue.message}` : 'wrong shape'})` }
  }
  return { ok: true, files: parsed.data.files.map((f) => ({ ...f, temp: resolve(dir, f.temp), target: resolve(dir, f.target) })) }
}
