/**
 * The file system as the audit log uses it, behind a seam: the real one opens an owner-only
 * file for appending, and tests put in one that fails the way disks do (a write that lands half
 * its bytes and then throws ENOSPC). Only what the audit needs, nothing that could rewrite a line.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises'

/** An open audit file. Every write lands at the end (append mode), whatever else writes the file. */
export interface AuditHandle {
  /** One write call with the whole buffer; resolves with how many bytes went out (a short write is possible). */
  write(bytes: Buffer): Promise<number>
  /** Reads into `into` from `position`; resolves with how many bytes were read. */
  read(into: Buffer, position: number): Promise<number>
  /** Cuts the file back to `length` bytes (a torn line, a failed write). */
  truncate(length: number): Promise<void>
  size(): Promise<number>
  close(): Promise<void>
}

export interface AuditIo {
  /** Creates the folder and its parents if missing. */
  mkdir(dir: string): Promise<void>
  /** Opens for appending and reading, creating the file owner-only (0600). */
  open(path: string): Promise<AuditHandle>
  rename(from: string, to: string): Promise<void>
  /** Removes a file; one that is not there is not an error. */
  remove(path: string): Promise<void>
}

export const nodeAuditIo: AuditIo = {
  async mkdir(dir) {
    await mkdir(dir, { recursive: true })
  },
  async open(path) {
    // a+: append for writes, positioned reads for the torn-tail check at open.
    const file = await open(path, 'a+', 0o600)
    // The mode above applies only to a new file; one left by an older version or another tool is
    // made owner-only too (the log holds every command's arguments). Windows ignores it.
    await file.chmod(0o600).catch(() => undefined)
    return {
      write: async (bytes) => (await file.write(bytes)).bytesWritten,
      read: async (into, position) => (await file.read(into, 0, into.length, position)).bytesRead,
      truncate: (length) => file.truncate(length),
      size: async () => (await file.stat()).size,
      close: () => file.close()
    }
  },
  rename: (from, to) => rename(from, to),
  async remove(path) {
    await rm(path, { force: true })
  }
}
