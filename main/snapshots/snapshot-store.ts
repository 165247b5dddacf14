/**
 * The snapshot storage root: a folder inside the workspace (`snapshot.storage.root`, resolved
 * from the workspace folder, links followed) where snapshots are saved, listed, pruned and read.
 * - save: `snapshot-<tick>-<id>.json[.gz]` (`autosave-…` for autosaves), `<id>` the start of the
 *   checksum; written to a fsynced temp, then linked into place, which fails rather than replace
 *   an existing file: a name already taken by other bytes gets a `-2`, `-3` … suffix, and the
 *   same bytes saved twice are one file. The folder is fsynced after.
 * - list: every snapshot with its metadata and integrity, read with a size bound, bounded in count.
 * - prune: the newest `retain` autosaves stay; manual saves are never pruned.
 */
import { randomBytes } from 'node:crypto'
import { link, lstat, mkdir, open, readdir, rm, unlink } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import type { SnapshotEntry } from '../../shared/contract/dto/snapshots'
import { ok, type Result } from '../../shared/result'
import { fsyncDir } from '../fs/fsync-dir'
import { readBounded } from '../fs/read-bounded'
import { trackTempFile, untrackTempFile } from '../fs/temp-files'
import { encodeSnapshot, MAX_SNAPSHOT_BYTES } from './snapshot-codec'
import type { SnapshotDocument } from './snapshot-document'
import { snapshotErr } from './snapshot-errors'
import { describeSnapshotFile } from './snapshot-entry'
import { AUTOSAVE_PREFIX, SNAPSHOT_FILE_NAME, snapshotStem, tickOfName } from './snapshot-names'
import { readSnapshotChecked, resolveSnapshotPath, type ReadSnapshotOptions, type SnapshotFiles } from './snapshot-files'

/** The most entries a listing reads (newest first): a folder of a million files costs no more. */
export const MAX_LISTED = 1000
const MAX_SUFFIX = 100

export interface SavedSnapshot {
  name: string
  path: string
  bytes: number
  /** False when the same bytes were already saved under that name. */
  written: boolean
}

export interface SaveOptions {
  gzip?: boolean
  autosave?: boolean
  /** An operator's word for it, carried in the name (see `labelPart`). */
  label?: string
}

const code = (e: unknown) => (e as NodeJS.ErrnoException).code

export class SnapshotStore {
  private constructor(
    private readonly files: SnapshotFiles,
    /** The storage folder's real path. */
    readonly dir: string,
    /** The root as configured, for display. */
    readonly label: string
  ) {}

  /**
   * The storage root `root` (relative to `files.base`), refused outside the workspace; created
   * when missing unless `create` is false (a listing of a folder not made yet is empty).
   */
  static async open(files: SnapshotFiles, root: string, options: { create?: boolean } = {}): Promise<Result<SnapshotStore>> {
    if (root.trim() === '' || root.includes('\0')) return snapshotErr('snapshot.invalid', 'snapshot.storage.root: name a folder inside the workspace, e.g. snapshots')
    const named = isAbsolute(root) ? resolve(root) : resolve(files.base, root)
    // Nothing is created before the lexical check: a root outside the workspace is refused unmade.
    if (!files.workspace.contains(named)) {
      return snapshotErr('snapshot.outside_workspace', `the snapshot folder ${named} is outside the workspace: snapshots may live only in ${files.workspace.describe()}. Set snapshot.storage.root to a folder inside it`)
    }
    try {
      if (options.create !== false) await mkdir(named, { recursive: true })
      else if (!(await lstat(named).catch(() => undefined))) return ok(new SnapshotStore(files, named, root))
    } catch (e) {
      return snapshotErr('snapshot.invalid', `the snapshot folder ${named} cannot be created (${code(e) ?? 'error'}): check snapshot.storage.root`)
    }
    const real = await resolveSnapshotPath(named, files, 'snapshot folder')
    if (!real.ok) return real
    const info = await lstat(real.value).catch(() => undefined)
    if (!info?.isDirectory()) return snapshotErr('snapshot.invalid', `the snapshot folder ${named} is not a folder: check snapshot.storage.root`)
    return ok(new SnapshotStore(files, real.value, root))
  }

  /** Save a document. Never replaces another snapshot; an I/O failure throws (a runtime failure, not a bad file). */
  async save(doc: SnapshotDocument, options: SaveOptions = {}): Promise<SavedSnapshot> {
    const bytes = encodeSnapshot(doc, { gzip: options.gzip === true })
    const stem = snapshotStem(doc.tick, doc.checksum, options.autosave === true, options.label)
    const ext = options.gzip ? '.json.gz' : '.json'
    const temp = join(this.dir, `.${stem}.${randomBytes(6).toString('hex')}.tmp`)
    trackTempFile(temp)
    try {
      const handle = await open(temp, 'wx', 0o644)
      try {
        await handle.writeFile(bytes)
        await handle.sync()
      } finally {
        await handle.close()
      }
      for (let n = 1; n <= MAX_SUFFIX; n++) {
        const name = `${stem}${n === 1 ? '' : `-${n}`}${ext}`
        const path = join(this.dir, name)
        try {
          // link() is the atomic "create if absent": the new name appears whole or not at all.
          await link(temp, path)
        } catch (e) {
          if (code(e) !== 'EEXIST') throw e
          if (await sameBytes(path, bytes)) return { name, path, bytes: bytes.length, written: false }
          continue
        }
        await fsyncDir(this.dir)
        return { name, path, bytes: bytes.length, written: true }
      }
      throw new Error(`${MAX_SUFFIX} snapshots named ${stem}… already exist in ${this.dir}: prune the folder`)
    } finally {
      await unlink(temp).catch(() => undefined)
      untrackTempFile(temp)
    }
  }

  /** Save an autosave, then prune the autosaves beyond `retain`. */
  async autosave(doc: SnapshotDocument, retain: number, options: { gzip?: boolean } = {}): Promise<{ saved: SavedSnapshot; pruned: string[] }> {
    const saved = await this.save(doc, { ...options, autosave: true })
    return { saved, pruned: await this.prune(retain, saved.name) }
  }

  /** Remove the oldest autosaves so `retain` remain (newest by write time, then tick); `keep` is never removed. */
  async prune(retain: number, keep?: string): Promise<string[]> {
    const autosaves: { name: string; mtime: number; tick: number }[] = []
    for (const name of await this.names()) {
      if (!name.startsWith(AUTOSAVE_PREFIX)) continue
      const info = await lstat(join(this.dir, name)).catch(() => undefined)
      // Only files we could have written: a link or folder with an autosave name is left alone.
      if (!info?.isFile()) continue
      autosaves.push({ name, mtime: info.mtimeMs, tick: tickOfName(name) })
    }
    autosaves.sort((a, b) => (a.name === keep ? -1 : b.name === keep ? 1 : b.mtime - a.mtime || b.tick - a.tick || (a.name < b.name ? 1 : -1)))
    const drop = autosaves.slice(Math.max(1, retain)).map((a) => a.name)
    for (const name of drop) await rm(join(this.dir, name), { force: true })
    if (drop.length > 0) await fsyncDir(this.dir)
    return drop
  }

  /** Every snapshot in the folder, newest first (at most MAX_LISTED), with what each holds and whether it can be used. */
  async list(options: { maxBytes?: number } = {}): Promise<SnapshotEntry[]> {
    const names = await this.names()
    const stats = await Promise.all(names.map(async (name) => ({ name, info: await lstat(join(this.dir, name)).catch(() => undefined) })))
    const newest = stats.filter((s) => s.info !== undefined).sort((a, b) => b.info!.mtimeMs - a.info!.mtimeMs || (a.name < b.name ? -1 : 1)).slice(0, MAX_LISTED)
    const entries: SnapshotEntry[] = []
    for (const { name } of newest) entries.push(await describeSnapshotFile(join(this.dir, name), name, this.files, options.maxBytes ?? MAX_SNAPSHOT_BYTES))
    return entries
  }

  /** A snapshot by its name in this folder, or by a path (relative to the workspace folder) anywhere in the workspace. */
  async load(nameOrPath: string, options: ReadSnapshotOptions = {}) {
    const path = SNAPSHOT_FILE_NAME.test(nameOrPath) ? join(this.dir, nameOrPath) : nameOrPath
    return readSnapshotChecked(path, this.files, options)
  }

  private async names(): Promise<string[]> {
    const all = await readdir(this.dir).catch((e: unknown) => {
      if (code(e) === 'ENOENT') return [] as string[]
      throw e
    })
    return all.filter((n) => SNAPSHOT_FILE_NAME.test(n))
  }
}

async function sameBytes(path: string, bytes: Buffer): Promise<boolean> {
  // A link (or anything but a file we wrote) under our name is never "the same": never read through it.
  const info = await lstat(path).catch(() => undefined)
  if (!info?.isFile()) return false
  const read = await readBounded(path, bytes.length)
  return read.ok && read.bytes.equals(bytes)
}
