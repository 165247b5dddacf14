/**
 * The audit log's file: one open append-mode handle, its size tracked, whole lines only.
 *
 * - At open, a torn last line (a crash or a full disk mid-write, in this run or an earlier one)
 *   is cut off, so the next line starts on its own line instead of being glued to a fragment.
 * - Each line goes out in one `write` of one buffer; if that write fails or lands short, the file
 *   is cut back to the end of the last good line. If even that fails, the handle is dropped and
 *   the next open repairs the tail.
 * - Past `maxBytes`, the file rotates before the next line (never in the middle of one).
 *
 * Callers serialise calls (AuditLog's chain): nothing here is safe to run concurrently.
 */
import { dirname } from 'node:path'
import type { AuditHandle, AuditIo } from './audit-io'
import { rotateFiles } from './audit-rotation'

export interface AuditFileOptions {
  io: AuditIo
  maxBytes: number
  maxFiles: number
  /** Rotation failed: the live file keeps growing until a later rotation works. */
  onRotateError(message: string): void
}

/** How far back the torn-tail check reads at a time. */
const TAIL_CHUNK = 64 * 1024

export class AuditFile {
  private handle: AuditHandle | undefined
  private size = 0
  /** The size past which the file rotates: maxBytes, or further on after a rotation failed (so it is not retried every line). */
  private limit: number

  constructor(
    readonly path: string,
    private readonly options: AuditFileOptions
  ) {
    this.limit = options.maxBytes
  }

  /** Open the file if it is not open; resolves with how many bytes of a torn last line were dropped. */
  async open(): Promise<number> {
    if (this.handle) return 0
    await this.options.io.mkdir(dirname(this.path))
    const handle = await this.options.io.open(this.path)
    try {
      const size = await handle.size()
      const end = await lastLineEnd(handle, size)
      if (end < size) await handle.truncate(end)
      this.handle = handle
      this.size = end
      return size - end
    } catch (e) {
      await handle.close().catch(() => undefined)
      throw e
    }
  }

  /** Append one whole line (ending in a newline) with one write, after `open`; on failure the file is as it was, and this throws. */
  async append(line: Buffer): Promise<void> {
    if (this.size > 0 && this.size + line.length > this.limit) await this.rotate()
    // Opening is the caller's step, so it can record a repaired tail before the line.
    const handle = this.handle
    if (!handle) throw new Error('the audit file is not open')
    let written: number
    try {
      written = await handle.write(line)
    } catch (e) {
      await this.cutBack(handle)
      throw e
    }
    if (written !== line.length) {
      await this.cutBack(handle)
      throw new Error(`short write (${written} of ${line.length} bytes)`)
    }
    this.size += line.length
  }

  async close(): Promise<void> {
    const handle = this.handle
    this.handle = undefined
    // Unknown until the next open measures it again.
    this.size = 0
    await handle?.close()
  }

  /** Back to the end of the last good line; when even that fails, the next open repairs the tail. */
  private async cutBack(handle: AuditHandle): Promise<void> {
    try {
      await handle.truncate(this.size)
    } catch {
      this.handle = undefined
      await handle.close().catch(() => undefined)
    }
  }

  private async rotate(): Promise<void> {
    const size = this.size
    await this.close()
    try {
      await rotateFiles(this.options.io, this.path, this.options.maxFiles)
      this.limit = this.options.maxBytes
    } catch (e) {
      this.limit = size + this.options.maxBytes
      // Keep auditing into the live file: a line lost is worse than a file past its size.
      this.options.onRotateError(`could not rotate the console audit log ${this.path}: ${(e as Error).message}; it keeps growing until a later rotation works`)
    }
    await this.open()
  }
}

/** The byte just after the file's last newline (0 when it has none): everything after it is a torn line. */
async function lastLineEnd(handle: AuditHandle, size: number): Promise<number> {
  let end = size
  while (end > 0) {
    const start = Math.max(0, end - TAIL_CHUNK)
    const chunk = Buffer.alloc(end - start)
    const read = await readFully(handle, chunk, start)
    const newline = chunk.subarray(0, read).lastIndexOf(0x0a)
    if (newline >= 0) return start + newline + 1
    end = start
  }
  return 0
}

async function readFully(handle: AuditHandle, into: Buffer, position: number): Promise<number> {
  let done = 0
  while (done < into.length) {
    const n = await handle.read(into.subarray(done), position + done)
    if (n === 0) break
    done += n
  }
  return done
}
