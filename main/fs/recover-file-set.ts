/**
 * Recovery of file sets (see publish-set.ts) after a crash. A journal on disk means the set
 * passed its commit point: finish its renames (roll forward). Staged temps without a journal mean
 * the crash came before it: remove them (roll back, which is a no-op for the targets). Either way
 * the targets end as the whole old set or the whole new one.
 */
import { access, readdir, readFile, rename, rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { JOURNAL_NAME, JOURNAL_TEMP_NAME, journalPath, readJournal, SET_TEMP_NAME, sha256Of } from './file-set-journal'
import { fsyncDir } from './fsync-dir'

export interface RecoveryReport {
  /** Targets whose staged temp recovery renamed into place. */
  rolledForward: string[]
  /** Temps of sets that never reached their commit point. */
  removedTemps: string[]
  /** What recovery could not settle; the journal concerned is kept for a person to look at. */
  problems: string[]
}

/** Sets this process is committing right now: recovery in the same process leaves them alone. */
const committing = new Set<string>()
export const markCommitting = (id: string): void => void committing.add(id)
export const doneCommitting = (id: string): void => void committing.delete(id)

const exists = (path: string) => access(path).then(() => true, () => false)
const unique = (xs: readonly string[]) => [...new Set(xs)]

async function listing(dir: string): Promise<string[]> {
  try {
    return await readdir(dir)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw e
  }
}

async function rollForward(dir: string, id: string, report: RecoveryReport): Promise<void> {
  const path = journalPath(dir, id)
  const read = await readJournal(path, dir)
  if (!read.ok) {
    report.problems.push(`${read.message}; it was left in place: check the files it names, then remove it`)
    return
  }
  const problems: string[] = []
  for (const f of read.files) {
    if (await exists(f.temp)) {
      try {
        await rename(f.temp, f.target)
        report.rolledForward.push(f.target)
      } catch (e) {
        problems.push(`cannot move ${f.temp} over ${f.target}: ${(e as Error).message}`)
      }
      continue
    }
    // No temp: the rename happened before the crash, unless the target changed since.
    const now = await readFile(f.target).then(sha256Of, () => undefined)
    if (now !== f.sha256) problems.push(`${f.target} is neither its staged file nor the content the set committed (sha256 ${now ?? 'none: the file is missing'}; the journal pins ${f.sha256})`)
  }
  if (problems.length > 0) {
    report.problems.push(...problems.map((p) => `${p}; journal ${path} was left in place`))
    return
  }
  for (const d of unique(read.files.map((f) => dirname(f.target)))) await fsyncDir(d)
  await rm(path, { force: true })
  await fsyncDir(dir)
}

/**
 * Settle every file set a crash left in `dirs`. Pass every folder a set may touch, its journal's
 * folder included: a temp whose journal lies in a folder not passed would be taken for an orphan.
 * Sets that another process is committing at this moment are not detected (no cross-process lock).
 */
export async function recoverFileSet(dirs: string | readonly string[]): Promise<RecoveryReport> {
  const report: RecoveryReport = { rolledForward: [], removedTemps: [], problems: [] }
  const folders = unique((typeof dirs === 'string' ? [dirs] : dirs).map((d) => resolve(d)))
  const names = new Map<string, string[]>()
  for (const dir of folders) names.set(dir, await listing(dir))
  // Journals first, so no temp of a committed set is mistaken for an orphan.
  const journaled = new Set<string>()
  for (const [dir, list] of names) {
    for (const name of list) {
      const id = JOURNAL_NAME.exec(name)?.[1]
      if (id === undefined || committing.has(id)) continue
      journaled.add(id)
      await rollForward(dir, id, report)
    }
  }
  for (const [dir, list] of names) {
    for (const name of list) {
      const id = (SET_TEMP_NAME.exec(name) ?? JOURNAL_TEMP_NAME.exec(name))?.[1]
      if (id === undefined || committing.has(id) || journaled.has(id)) continue
      await rm(join(dir, name), { force: true })
      report.removedTemps.push(join(dir, name))
    }
  }
  return report
}
