/**
 * Opening a history file: a real SQLite database (better-sqlite3) in WAL mode, checked before
 * anything is written — the header must be SQLite's, the application id ours (or the file new),
 * the schema version one this townlet knows. A writer applies the missing migrations in one
 * transaction; a reader opens read-only and never changes the file. Every SQLite failure comes
 * back as a coded Result (history.*), never as a throw: a history file is foreign input.
 */
import Database from 'better-sqlite3'
import { open as openFile, stat } from 'node:fs/promises'
import type { ErrorCode } from '../../shared/error-codes'
import { err, ok, type Result } from '../../shared/result'
import { HISTORY_APPLICATION_ID, HISTORY_MIGRATIONS, HISTORY_SCHEMA_VERSION } from './history-schema'

export type SqliteDb = Database.Database

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')
/** How long a writer waits on another connection's lock before giving up (ms). */
const BUSY_TIMEOUT_MS = 2_000

export interface OpenOptions {
  /** Create the file (and its tables) if missing, and migrate: for a run that records. */
  write: boolean
}

/** `path` (already resolved inside the workspace) as an open history database, or why not. */
export async function openHistoryDb(path: string, options: OpenOptions): Promise<Result<SqliteDb>> {
  const head = await readHead(path)
  if (!head.ok) return head
  if (head.value === 'missing' && !options.write) return err('history.not_found', `the history file ${path} does not exist: record one with townlet run --history ${path}`)
  if (head.value === 'empty' && !options.write) return unusable(path, 'it is empty')
  if (head.value === 'foreign') return unusable(path, 'it is not an SQLite database')
  let db: SqliteDb | undefined
  try {
    db = new Database(path, { readonly: !options.write, fileMustExist: !options.write, timeout: BUSY_TIMEOUT_MS })
    const checked = prepare(db, path, options.write)
    if (!checked.ok) {
      db.close()
      return checked
    }
    return ok(db)
  } catch (e) {
    try {
      db?.close()
    } catch {
      // Closing a connection SQLite already gave up on: nothing more to release.
    }
    return sqliteError(e, path)
  }
}

/** Settings, identity and schema: the checks a file must pass before it is read or written. */
function prepare(db: SqliteDb, path: string, write: boolean): Result<void> {
  const appId = db.pragma('application_id', { simple: true }) as number
  const version = readVersion(db)
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }
  if (appId !== HISTORY_APPLICATION_ID && (appId !== 0 || tables.n > 0)) return unusable(path, 'it is an SQLite database of another program (not a townlet history file)')
  if (version > HISTORY_SCHEMA_VERSION) {
    return err('history.too_new', `the history file ${path} has schema version ${version}, newer than this townlet knows (${HISTORY_SCHEMA_VERSION}): use a newer townlet`)
  }
  if (!write) {
    if (version < HISTORY_SCHEMA_VERSION) return unusable(path, `it has schema version ${version} and needs migrating: record a run into it with this townlet first`)
    db.pragma('query_only = ON')
    return ok(undefined)
  }
  // WAL: a reader (townlet history show) never blocks the recording run; NORMAL keeps each
  // batch's commit cheap and the file consistent after a crash (the last batch may be lost).
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  migrate(db, version)
  return ok(undefined)
}

function readVersion(db: SqliteDb): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'").get()
  if (!exists) return 0
  const row = db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: unknown }
  return typeof row.v === 'number' && Number.isInteger(row.v) ? row.v : 0
}

/** The migrations after `from`, all or none. */
function migrate(db: SqliteDb, from: number): void {
  if (from === HISTORY_SCHEMA_VERSION) return
  db.transaction(() => {
    if (from === 0) {
      db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL)')
      db.pragma(`application_id = ${HISTORY_APPLICATION_ID}`)
    }
    for (let v = from; v < HISTORY_SCHEMA_VERSION; v++) db.exec(HISTORY_MIGRATIONS[v]!)
    db.prepare('DELETE FROM schema_version').run()
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(HISTORY_SCHEMA_VERSION)
  })()
}

/** What the first bytes say: no file, an empty one (SQLite makes it a new database), SQLite, or something else. */
async function readHead(path: string): Promise<Result<'missing' | 'empty' | 'sqlite' | 'foreign'>> {
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => e)
  if (info instanceof Error) return info.code === 'ENOENT' ? ok('missing') : err('history.unusable', `the history file ${path} cannot be read (${info.code ?? 'error'})`)
  if (!info.isFile()) return unusable(path, 'it is not a regular file')
  if (info.size === 0) return ok('empty')
  if (info.size < 512) return ok('foreign')
  const handle = await openFile(path, 'r').catch((e: NodeJS.ErrnoException) => e)
  if (handle instanceof Error) return err('history.unusable', `the history file ${path} cannot be read (${handle.code ?? 'error'})`)
  try {
    const buf = Buffer.alloc(SQLITE_HEADER.length)
    await handle.read(buf, 0, buf.length, 0)
    return ok(buf.equals(SQLITE_HEADER) ? 'sqlite' : 'foreign')
  } finally {
    await handle.close()
  }
}

function unusable(path: string, why: string): Result<never> {
  return err('history.unusable', `the history file ${path} cannot be used: ${why}. Name a history file townlet run --history wrote, or a new file`)
}

/** SQLite's own codes, mapped: damage and foreign files are unusable, anything else is a failed write. */
export function sqliteError(e: unknown, path: string): Result<never> {
  const code = typeof (e as { code?: unknown })?.code === 'string' ? (e as { code: string }).code : ''
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return unusable(path, 'it is damaged (truncated or corrupt)')
  if (code.startsWith('SQLITE_CANTOPEN')) return err('history.unusable', `the history file ${path} cannot be opened (${code}): check its folder and permissions`)
  const failure: ErrorCode = 'history.write_failed'
  const reason = code.startsWith('SQLITE_FULL') ? 'the disk is full' : code.startsWith('SQLITE_BUSY') ? 'another program holds it locked' : code.startsWith('SQLITE_READONLY') ? 'it is read-only' : (code || 'an SQLite error')
  return err(failure, `the history file ${path} could not be written: ${reason}`)
}
