/**
 * Files that must change together (a model, its sidecar and the registry entry that pins it):
 * `commitFileSet` makes readers and crashes see the whole old set or the whole new one.
 *
 * 1. Stage every file as a fsynced temp beside its target (mode, owner, symlinks as writeFileAtomic).
 * 2. Write one journal atomically: the commit point. Before it, a crash leaves only temps, which
 *    recovery removes; after it, the journal names every rename still to do.
 * 3. Rename each temp over its target, fsync the folders, remove the journal.
 *
 * Readers may see part of the new set during step 3 (there is no multi-file rename); what the
 * journal guarantees is that a crash never leaves a mix once recovery has run. recoverFileSet
 * (in recover-file-set.ts, re-exported here) runs at the start of every writer of such a set.
 */
import { randomBytes } from 'node:crypto'
import { rename, rm } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { writeFileAtomic } from './atomic-write'
import { journalPath, renderJournal, setTempTag, sha256Of } from './file-set-journal'
import { fsyncDir } from './fsync-dir'
import { doneCommitting, markCommitting } from './recover-file-set'
import { resolveWriteTarget, stageFile, type StagedFile } from './stage-file'
import { untrackTempFile } from './temp-files'

export { recoverFileSet, type RecoveryReport } from './recover-file-set'

export interface FileSetEntry {
  path: string
  data: string | Uint8Array
}

/** Test seams, awaited between the steps, so a test can fail or crash the commit at each. */
export interface CommitHooks {
  afterStage?: (index: number) => Promise<void>
  afterJournal?: () => Promise<void>
  afterRename?: (index: number) => Promise<void>
}

export interface CommitOptions {
  /** Folder of the journal (default: the first file's). Pass it to recoverFileSet. */
  journalDir?: string
  hooks?: CommitHooks
}

const unique = (xs: readonly string[]) => [...new Set(xs)]
const byteLength = (data: string | Uint8Array) => (typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength)

async function removeTemps(staged: readonly StagedFile[]): Promise<void> {
  for (const s of staged) {
    await rm(s.temp, { force: true })
    untrackTempFile(s.temp)
  }
}

async function stageAll(files: readonly FileSetEntry[], id: string, hooks: CommitHooks): Promise<StagedFile[]> {
  const staged: StagedFile[] = []
  try {
    for (const [i, f] of files.entries()) {
      staged.push(await stageFile(f.path, f.data, { tag: setTempTag(id) }))
      await hooks.afterStage?.(i)
    }
    // The journal will name the temps: their folder entries must be durable before it is.
    for (const dir of unique(staged.map((s) => dirname(s.temp)))) await fsyncDir(dir)
    return staged
  } catch (e) {
    await removeTemps(staged)
    throw e
  }
}

/** Replace every file of `files` as one change (see the module comment). */
export async function commitFileSet(files: readonly FileSetEntry[], options: CommitOptions = {}): Promise<void> {
  const first = files[0]
  if (first === undefined) return
  const targets = await Promise.all(files.map(async (f) => (await resolveWriteTarget(f.path)).path))
  const twice = targets.find((t, i) => targets.indexOf(t) !== i)
  if (twice !== undefined) throw new Error(`the file set names ${twice} twice (directly or through a link): each file may appear once`)
  const id = randomBytes(6).toString('hex')
  const journalDir = resolve(options.journalDir ?? dirname(first.path))
  const journal = journalPath(journalDir, id)
  const hooks = options.hooks ?? {}
  markCommitting(id)
  try {
    const staged = await stageAll(files, id, hooks)
    const entries = staged.map((s, i) => ({ temp: s.temp, target: s.target, sha256: sha256Of(files[i]!.data), bytes: byteLength(files[i]!.data) }))
    // From the journal on the temps must outlive the process (recovery renames them), so the
    // stop-signal cleanup must no longer remove them; one stopped before the journal is an orphan
    // that the next recovery removes.
    for (const s of staged) untrackTempFile(s.temp)
    try {
      await writeFileAtomic(journal, renderJournal(journalDir, id, entries))
    } catch (e) {
      // Still our call: whether or not the journal landed, roll the set back.
      await rm(journal, { force: true })
      await removeTemps(staged)
      throw e
    }
    try {
      await hooks.afterJournal?.()
      for (const [i, s] of staged.entries()) {
        await rename(s.temp, s.target)
        await hooks.afterRename?.(i)
      }
      for (const dir of unique(staged.map((s) => dirname(s.target)))) await fsyncDir(dir)
    } catch (e) {
      throw new Error(`the file set is committed (journal ${journal}) but not complete: ${(e as Error).message}; recoverFileSet on ${journalDir} finishes it`, { cause: e })
    }
    await rm(journal, { force: true })
    await fsyncDir(journalDir)
  } finally {
    doneCommitting(id)
  }
}
